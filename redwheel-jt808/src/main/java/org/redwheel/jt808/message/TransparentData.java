package org.redwheel.jt808.message;

import java.util.Arrays;
import java.util.HexFormat;

/** 0x0900: data from a peripheral (e.g. a driver-monitoring camera), kept as sent. */
public record TransparentData(int type, byte[] content) implements Jt808Message {

    public TransparentData {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public int messageId() {
        return MessageIds.TRANSPARENT_DATA;
    }

    // records compare arrays by identity; messages are compared by value in tests and dedupe
    @Override
    public boolean equals(Object other) {
        return other instanceof TransparentData that && type == that.type && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "TransparentData[type=" + type + ", content=" + HexFormat.of().formatHex(content) + "]";
    }
}
