package org.redwheel.benchmarks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.redwheel.jt808.Jt808Decoder;
import org.redwheel.jt808.Jt808Encoder;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.ExtraItem;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.MessageIds;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.redwheel.jt808.message.Results;
import org.redwheel.jt808.message.TextMessage;

/**
 * The JT/T 808 codec on the paths every connection runs: decoding a position report (by far the
 * most frequent incoming message), encoding the general response that acknowledges it, and encoding
 * a spoken safety reminder.
 *
 * <p>There is no {@code ByteBuf} variant of the decode: {@link Jt808Decoder} only takes a {@code
 * byte[]}, and the Netty handler copies each frame into one ({@code ByteBufUtil.getBytes}) before
 * calling the same {@code parseFrame} and {@code decode}.
 *
 * <p>Public because JMH generates subclasses of it in this package.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Jt808CodecBenchmark {

    private static final String PHONE = "013912345678";

    private static final String REMINDER = "您已连续驾驶3小时30分钟，前方约12公里有司机之家，请及时停车休息";

    // fields, not constants, so that the JIT cannot fold the inputs into the benchmark
    private byte[] locationFrame;
    private TextMessage reminder;
    private int serial;
    private int reportSerial;

    @Setup
    public void prepare() {
        LocationReport report = new LocationReport(typicalFix());
        locationFrame = Jt808Encoder.encodeSingle(ProtocolVersion.V2013, PHONE, 0x1234, report);
        reminder = TextMessage.spokenAndShown(REMINDER);
        serial = 42;
        reportSerial = 0x1234;
        // measure the path a valid frame takes, never the exception path
        requireSame(report, Jt808Decoder.decode(locationFrame).message());
        // 2013 has no text type byte, so it does not come back
        requireSame(new TextMessage(reminder.flags(), 0, REMINDER), decodeOwn(encodeTextMessage()));
        requireSame(
                new PlatformGeneralResponse(reportSerial, MessageIds.LOCATION_REPORT, Results.SUCCESS),
                decodeOwn(encodeGeneralResponse()));
    }

    /** Unescape, check code, header and body of an escaped 0x0200 frame, as the gateway does per frame. */
    @Benchmark
    public Jt808Envelope decodeLocationReport() {
        return Jt808Decoder.decode(locationFrame);
    }

    /** A 0x8300 reminder, read aloud and shown, to wire bytes. */
    @Benchmark
    public byte[] encodeTextMessage() {
        return Jt808Encoder.encodeSingle(ProtocolVersion.V2013, PHONE, serial, reminder);
    }

    /** The 0x8001 that acknowledges a 0x0200, built per frame as the gateway builds it. */
    @Benchmark
    public byte[] encodeGeneralResponse() {
        return Jt808Encoder.encodeSingle(
                ProtocolVersion.V2013,
                PHONE,
                serial,
                new PlatformGeneralResponse(reportSerial, MessageIds.LOCATION_REPORT, Results.SUCCESS));
    }

    /**
     * A moving truck's report as a typical 2013 terminal sends it: ACC on and fixed, the usual
     * standard extras and one vendor item. The vendor value holds a 0x7E, so the frame goes through
     * escaping, as about half of real frames of this size do.
     */
    static Location typicalFix() {
        OffsetDateTime time = OffsetDateTime.of(2024, 5, 1, 14, 35, 12, 0, Location.GMT8);
        Location fix = Location.fix(34.912345, 118.674321, 62, 78.4, 135, time);
        return new Location(
                        Location.ALARM_FATIGUE_WARNING,
                        fix.statusFlags() | Location.STATUS_ACC_ON,
                        fix.latitudeMicrodegrees(),
                        fix.longitudeMicrodegrees(),
                        fix.altitudeM(),
                        fix.speedTenthKmh(),
                        fix.direction(),
                        fix.time(),
                        List.of())
                .withExtras(List.of(
                        new ExtraItem.Mileage(1_284_563),
                        new ExtraItem.Fuel(2_315),
                        new ExtraItem.RecorderSpeed(781),
                        new ExtraItem.IoStatus(0),
                        new ExtraItem.SignalStrength(27),
                        new ExtraItem.SatelliteCount(14),
                        new ExtraItem.Raw(0xE1, new byte[] {0x00, 0x7E, 0x03, 0x1C})));
    }

    private static Jt808Message decodeOwn(byte[] frame) {
        return Jt808Decoder.decode(frame).message();
    }

    private static void requireSame(Jt808Message expected, Jt808Message decoded) {
        if (!expected.equals(decoded)) {
            throw new IllegalStateException("benchmark input does not round-trip: " + expected + " vs " + decoded);
        }
    }
}
