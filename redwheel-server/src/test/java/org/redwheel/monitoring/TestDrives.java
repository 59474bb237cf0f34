package org.redwheel.monitoring;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.redwheel.jt808.message.TerminalGeneralResponse;
import org.redwheel.jt808.message.TextMessage;
import org.redwheel.safety.VehicleStatus;

/** Drives a {@link TestTerminal} in a straight line, fix by fix, each one acknowledged. */
final class TestDrives {

    private TestDrives() {}

    /**
     * Sends a fix every {@code stepS} seconds of fix time, heading north at a constant speed, and
     * waits for each acknowledgement (answering any spoken reminder the platform sends meanwhile).
     *
     * @return the position after the drive
     */
    static double[] driveNorth(
            TestTerminal terminal,
            OffsetDateTime start,
            double lat,
            double lon,
            double speedKmh,
            int durationS,
            int stepS)
            throws IOException {
        double degreesPerStep = speedKmh * stepS / 3600.0 / 111.2;
        double at = lat;
        for (int s = 0; s <= durationS; s += stepS) {
            send(terminal, Location.fix(at, lon, 50, speedKmh, 0, start.plusSeconds(s)));
            at += degreesPerStep;
        }
        return new double[] {at, lon};
    }

    /** Sends one fix and returns once the platform has acknowledged it (so it is stored). */
    static void send(TestTerminal terminal, Location fix) throws IOException {
        int serial = terminal.send(new LocationReport(fix));
        while (true) {
            Jt808Envelope envelope = terminal.receive();
            if (envelope.message() instanceof PlatformGeneralResponse ack && ack.responseSerial() == serial) {
                if (ack.result() != 0) {
                    throw new AssertionError("fix refused: " + ack);
                }
                return;
            }
            if (envelope.message() instanceof TextMessage) {
                terminal.send(new TerminalGeneralResponse(envelope.header().serial(), 0x8300, 0));
            }
        }
    }

    /**
     * The vehicle's status once the engine has taken the fix of this time (acknowledgements go out as
     * soon as a fix is stored, a moment before the engine sees it).
     */
    static VehicleStatus statusAfter(SafetyMonitor safety, long vehicleId, OffsetDateTime fixTime) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> safety.status(vehicleId).orElse(null),
                        status -> status != null
                                && status.lastFixTime() != null
                                && !status.lastFixTime().isBefore(fixTime.toInstant()));
    }
}
