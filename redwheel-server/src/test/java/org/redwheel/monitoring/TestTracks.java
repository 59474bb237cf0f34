package org.redwheel.monitoring;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.PlatformGeneralResponse;

/** Trucks with a track for the track playback tests: registered, then driven through a real terminal. */
final class TestTracks {

    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 10_000);

    private TestTracks() {}

    record Truck(long vehicleId, String plate, String phone, String deviceId) {}

    static Truck register(FleetRegistry fleet, Long enterpriseId) {
        long n = NUMBERS.incrementAndGet() % 10_000;
        String plate = "鲁QK" + String.format("%04d", n);
        long vehicle = fleet.registerVehicle(plate, 2, "重型货车", enterpriseId);
        String phone = "1371" + String.format("%07d", (System.nanoTime() / 1000 + n) % 10_000_000);
        String device = "K" + String.format("%06d", n);
        fleet.registerTerminal(phone, device, "RW-T1", "V2013", vehicle);
        return new Truck(vehicle, plate, phone, device);
    }

    /**
     * A northbound drive, one fix every {@code stepS} seconds, about 55 m apart: the given speeds in
     * order.
     */
    static List<Location> drive(OffsetDateTime start, int stepS, double... speeds) {
        List<Location> fixes = new ArrayList<>();
        for (int i = 0; i < speeds.length; i++) {
            fixes.add(Location.fix(34.90 + i * 0.0005, 118.60, 60, speeds[i], 0, start.plusSeconds((long) i * stepS)));
        }
        return fixes;
    }

    /** Sends the fixes in 0x0704 batches, each acknowledged (so stored) before the next. */
    static void report(TestTerminal terminal, List<Location> fixes) throws IOException {
        for (int i = 0; i < fixes.size(); i += 30) {
            int serial = terminal.send(new BatchLocationUpload(
                    BatchLocationUpload.NORMAL, fixes.subList(i, Math.min(fixes.size(), i + 30))));
            // Anything else the platform says meanwhile (a spoken reminder) is not the answer awaited here.
            while (!(terminal.receive().message() instanceof PlatformGeneralResponse ack
                    && ack.responseSerial() == serial)) {
                // keep reading
            }
        }
    }
}
