package org.redwheel.jt808;

import java.util.ArrayList;
import java.util.List;
import org.redwheel.jt808.message.ParameterIds;
import org.redwheel.jt808.message.ParameterType;
import org.redwheel.jt808.message.TerminalParameter;

/** Parameter lists of 0x8103 and 0x0104: a count BYTE, then (id DWORD, length BYTE, value) items. */
final class ParameterCodec {

    private ParameterCodec() {}

    static List<TerminalParameter> read(BodyReader reader) {
        int count = reader.u8();
        List<TerminalParameter> parameters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long id = reader.u32();
            int length = reader.u8();
            parameters.add(parameter(id, reader.slice(length), length));
        }
        return parameters;
    }

    private static TerminalParameter parameter(long id, BodyReader value, int length) {
        ParameterType type = ParameterIds.typeOf(id);
        if (type == ParameterType.DWORD && length == 4) {
            return new TerminalParameter.DwordValue(id, value.u32());
        }
        if (type == ParameterType.WORD && length == 2) {
            return new TerminalParameter.WordValue(id, value.u16());
        }
        if (type == ParameterType.BYTE && length == 1) {
            return new TerminalParameter.ByteValue(id, value.u8());
        }
        if (type == ParameterType.STRING) {
            return new TerminalParameter.StringValue(id, value.restText());
        }
        return new TerminalParameter.Raw(id, value.rest());
    }

    static void write(BodyWriter writer, List<TerminalParameter> parameters) {
        writer.u8(BodyWriter.checkLength(parameters.size(), 0xFF, "parameter count"));
        for (TerminalParameter parameter : parameters) {
            BodyWriter value = new BodyWriter();
            if (parameter instanceof TerminalParameter.DwordValue dword) {
                expect(parameter, ParameterType.DWORD);
                value.u32(dword.value());
            } else if (parameter instanceof TerminalParameter.WordValue word) {
                expect(parameter, ParameterType.WORD);
                value.u16(word.value());
            } else if (parameter instanceof TerminalParameter.ByteValue oneByte) {
                expect(parameter, ParameterType.BYTE);
                value.u8(oneByte.value());
            } else if (parameter instanceof TerminalParameter.StringValue text) {
                expect(parameter, ParameterType.STRING);
                value.text(text.value());
            } else if (parameter instanceof TerminalParameter.Raw raw) {
                value.bytes(raw.value());
            }
            writer.u32(parameter.id())
                    .u8(BodyWriter.checkLength(value.size(), 0xFF, "parameter " + parameter.id()))
                    .bytes(value.toByteArray());
        }
    }

    // A DWORD sent for a WORD parameter would be misread by the terminal; refuse it here instead.
    private static void expect(TerminalParameter parameter, ParameterType type) {
        ParameterType standard = ParameterIds.typeOf(parameter.id());
        if (standard != ParameterType.UNKNOWN && standard != type) {
            throw new IllegalArgumentException(String.format(
                    "parameter 0x%04X is a %s in the standard, not a %s", parameter.id(), standard, type));
        }
    }
}
