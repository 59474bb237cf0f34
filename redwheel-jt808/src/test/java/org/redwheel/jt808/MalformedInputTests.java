package org.redwheel.jt808;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.MessageIds;

/**
 * Property-based fuzzing: whatever arrives, decoding either succeeds or throws {@link
 * Jt808DecodeException}. Any other exception (an out-of-bounds read, a DateTimeException, a
 * NumberFormatException) fails the property.
 */
class MalformedInputTests {

    static final List<Integer> KNOWN_IDS = List.of(
            MessageIds.TERMINAL_GENERAL_RESPONSE,
            MessageIds.HEARTBEAT,
            MessageIds.TERMINAL_UNREGISTER,
            MessageIds.TERMINAL_REGISTRATION,
            MessageIds.TERMINAL_AUTHENTICATION,
            MessageIds.PARAMETER_QUERY_RESPONSE,
            MessageIds.LOCATION_REPORT,
            MessageIds.LOCATION_QUERY_RESPONSE,
            MessageIds.DRIVER_IDENTITY,
            MessageIds.BATCH_LOCATION_UPLOAD,
            MessageIds.TRANSPARENT_DATA,
            MessageIds.PLATFORM_GENERAL_RESPONSE,
            MessageIds.SEGMENT_RESEND_REQUEST,
            MessageIds.REGISTRATION_RESPONSE,
            MessageIds.SET_TERMINAL_PARAMETERS,
            MessageIds.QUERY_TERMINAL_PARAMETERS,
            MessageIds.LOCATION_QUERY,
            MessageIds.MANUAL_ALARM_CONFIRMATION,
            MessageIds.TEXT_MESSAGE);

    @Property(tries = 2000)
    boolean randomBytesOnlyEverRaiseTheCodecsException(@ForAll @Size(max = 2100) byte[] input) {
        return decodesOrRejects(input);
    }

    @Property(tries = 2000)
    boolean randomBodiesInWellFormedFramesOnlyEverRaiseTheCodecsException(
            @ForAll("messageIds") int messageId,
            @ForAll ProtocolVersion version,
            @ForAll @Size(max = 1023) byte[] body) {
        byte[] frame = Jt808Encoder.encodeFrame(Jt808Header.of(version, messageId, "13912345678", 1), body);
        return decodesOrRejects(frame, version);
    }

    @Property(tries = 3000)
    boolean mutatedValidBodiesOnlyEverRaiseTheCodecsException(
            @ForAll("validMessages") Sample sample, @ForAll("mutations") List<Mutation> mutations) {
        ProtocolVersion version = sample.version();
        Jt808Message message = sample.message();
        byte[] body = Jt808Encoder.encodeBody(version, message);
        for (Mutation mutation : mutations) {
            body = mutation.apply(body);
        }
        body = Arrays.copyOf(body, Math.min(body.length, Jt808Decoder.MAX_BODY_LENGTH));
        byte[] frame = Jt808Encoder.encodeFrame(Jt808Header.of(version, message.messageId(), "13912345678", 1), body);
        return decodesOrRejects(frame, version);
    }

    @Property(tries = 3000)
    boolean mutatedValidFramesOnlyEverRaiseTheCodecsException(
            @ForAll("validMessages") Sample sample,
            @ForAll("mutations") List<Mutation> mutations,
            @ForAll boolean fixCheckCode) {
        ProtocolVersion version = sample.version();
        Jt808Message message = sample.message();
        byte[] escaped = Jt808Encoder.encodeSingle(version, "13912345678", 7, message);
        byte[] content = Framing.unescape(escaped, 1, escaped.length - 1);
        content = Arrays.copyOf(content, content.length - 1);
        for (Mutation mutation : mutations) {
            content = mutation.apply(content);
        }
        // with the check code recomputed, mutations of the header reach the header and body parsers
        byte[] frame = fixCheckCode
                ? Framing.escape(content, Framing.xor(content, 0, content.length))
                : mutations.get(0).apply(escaped);
        return decodesOrRejects(frame, version);
    }

    @Property(tries = 500)
    boolean segmentedFramesWithRandomPacketFieldsOnlyEverRaiseTheCodecsException(
            @ForAll @IntRange(max = 0xFFFF) int total,
            @ForAll @IntRange(max = 0xFFFF) int index,
            @ForAll @Size(max = 64) byte[] body) {
        byte[] content = new byte[16 + body.length];
        content[0] = 0x02;
        content[2] = (byte) (0x20 | (body.length >> 8));
        content[3] = (byte) body.length;
        content[12] = (byte) (total >> 8);
        content[13] = (byte) total;
        content[14] = (byte) (index >> 8);
        content[15] = (byte) index;
        System.arraycopy(body, 0, content, 16, body.length);
        return decodesOrRejects(Framing.escape(content, Framing.xor(content, 0, content.length)));
    }

    @Provide
    Arbitrary<Integer> messageIds() {
        return Arbitraries.oneOf(
                Arbitraries.of(KNOWN_IDS), Arbitraries.integers().between(0, 0xFFFF));
    }

    @Provide
    Arbitrary<Sample> validMessages() {
        return Arbitraries.of(Stream.of(ProtocolVersion.values())
                .flatMap(
                        version -> Stream.concat(Messages.uplink(version).stream(), Messages.downlink(version).stream())
                                .map(message -> new Sample(version, message)))
                .toList());
    }

    /** A message in a shape its version can carry. */
    record Sample(ProtocolVersion version, Jt808Message message) {}

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> flip = Combinators.combine(
                        Arbitraries.integers().between(0, 4000),
                        Arbitraries.integers().between(0, 255))
                .as(Mutation.Set::new);
        Arbitrary<Mutation> cut = Arbitraries.integers().between(0, 4000).map(Mutation.Truncate::new);
        Arbitrary<Mutation> insert = Combinators.combine(
                        Arbitraries.integers().between(0, 4000),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(8))
                .as(Mutation.Insert::new);
        Arbitrary<Mutation> delete = Combinators.combine(
                        Arbitraries.integers().between(0, 4000),
                        Arbitraries.integers().between(1, 8))
                .as(Mutation.Delete::new);
        return Arbitraries.frequencyOf(Tuple.of(5, flip), Tuple.of(2, cut), Tuple.of(2, insert), Tuple.of(2, delete))
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    private static boolean decodesOrRejects(byte[] frame) {
        return decodesOrRejects(frame, ProtocolVersion.V2013);
    }

    private static boolean decodesOrRejects(byte[] frame, ProtocolVersion version) {
        try {
            Jt808Envelope envelope = Jt808Decoder.decode(frame, version);
            assertThat(envelope.message().messageId())
                    .isEqualTo(envelope.header().messageId());
            return true;
        } catch (Jt808DecodeException e) {
            return e.reason() != null && e.getMessage() != null;
        }
    }

    /** One change to a byte array; positions wrap around its length. */
    sealed interface Mutation {

        byte[] apply(byte[] bytes);

        record Set(int position, int value) implements Mutation {
            @Override
            public byte[] apply(byte[] bytes) {
                if (bytes.length == 0) {
                    return bytes;
                }
                byte[] copy = bytes.clone();
                copy[position % copy.length] = (byte) value;
                return copy;
            }
        }

        record Truncate(int length) implements Mutation {
            @Override
            public byte[] apply(byte[] bytes) {
                return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : length % bytes.length);
            }
        }

        record Insert(int position, byte[] inserted) implements Mutation {
            @Override
            public byte[] apply(byte[] bytes) {
                int at = bytes.length == 0 ? 0 : position % (bytes.length + 1);
                byte[] copy = new byte[bytes.length + inserted.length];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(inserted, 0, copy, at, inserted.length);
                System.arraycopy(bytes, at, copy, at + inserted.length, bytes.length - at);
                return copy;
            }
        }

        record Delete(int position, int count) implements Mutation {
            @Override
            public byte[] apply(byte[] bytes) {
                if (bytes.length == 0) {
                    return bytes;
                }
                int at = position % bytes.length;
                int end = Math.min(bytes.length, at + count);
                byte[] copy = new byte[bytes.length - (end - at)];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(bytes, end, copy, at, bytes.length - end);
                return copy;
            }
        }
    }
}
