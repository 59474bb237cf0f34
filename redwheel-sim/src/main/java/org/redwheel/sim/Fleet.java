package org.redwheel.sim;

import java.util.ArrayList;
import java.util.List;
import org.redwheel.jt808.ProtocolVersion;

/**
 * Deterministic fleets with a numbering a server can seed terminals from. Truck {@code i} (1 to
 * 99 999) has:
 *
 * <ul>
 *   <li>phone {@code "0139" + i as 8 digits}: truck 1 is {@code 013900000001}, truck 42 {@code
 *       013900000042}; a 2019 terminal sends it left-padded to 20 digits, and either way {@code
 *       Jt808Header.terminalPhone()} gives {@code 13900000001};
 *   <li>device id {@code "RW" + i as 5 digits}: {@code RW00001};
 *   <li>plate {@code "鲁Q"} + a letter + 4 digits: the letter is {@code ABCDEFGHJK}[i / 10000] (no I),
 *       the digits are i mod 10000: truck 1 is {@code 鲁QA0001}, truck 12 345 {@code 鲁QB2345};
 *   <li>seed {@code fleetSeed} mixed with {@code i}, so a truck drives the same whatever the fleet
 *       size.
 * </ul>
 *
 * <p>Registration carries province 37 (Shandong), city/county 1329 (Linshu), manufacturer {@code
 * RWSIM}, plate colour 2 (yellow, trucks).
 */
public final class Fleet {

    public static final int MAX_TRUCKS = 99_999;

    private static final String PLATE_LETTERS = "ABCDEFGHJK";
    private static final long SEED_MIX = 0x9E37_79B9_7F4A_7C15L;

    private Fleet() {}

    public static String phone(int index) {
        checkIndex(index);
        return String.format("0139%08d", index);
    }

    public static String deviceId(int index) {
        checkIndex(index);
        return String.format("RW%05d", index);
    }

    public static String plate(int index) {
        checkIndex(index);
        return "鲁Q" + PLATE_LETTERS.charAt(index / 10_000) + String.format("%04d", index % 10_000);
    }

    /** Trucks 1 to {@code count} on the demo routes, speaking 2013. */
    public static List<SimulatedTruck> demo(int count, long seed) {
        return demo(1, count, seed, ProtocolVersion.V2013);
    }

    /**
     * Trucks {@code first} to {@code first + count - 1} on the {@link DemoCounty#routes() demo
     * routes}, everyday style: truck {@code i} takes route {@code (i - 1) mod routes}, entered at
     * waypoint {@code i - 1} (mod the route's length), so trucks spread over the county from the first
     * fix instead of all leaving the logistics park together.
     */
    public static List<SimulatedTruck> demo(int first, int count, long seed, ProtocolVersion version) {
        List<Route> routes = DemoCounty.routes();
        List<SimulatedTruck> trucks = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            Route route = routes.get((i - 1) % routes.size());
            int entry = i - 1;
            trucks.add(truck(i, version, route.startingAt(entry), DrivingStyle.everyday(), seed));
        }
        return trucks;
    }

    /** Trucks {@code first} to {@code first + count - 1} playing the {@link LongDriveScenario}. */
    public static List<SimulatedTruck> longDrive(int first, int count, long seed, ProtocolVersion version) {
        Route route = LongDriveScenario.route();
        List<SimulatedTruck> trucks = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            trucks.add(truck(i, version, route.startingAt(i - 1), LongDriveScenario.style(), seed));
        }
        return trucks;
    }

    /** Truck {@code index} with the numbering above, on any route and style. */
    public static SimulatedTruck truck(
            int index, ProtocolVersion version, Route route, DrivingStyle style, long fleetSeed) {
        return new SimulatedTruck(
                phone(index), deviceId(index), plate(index), version, route, style, fleetSeed ^ (index * SEED_MIX));
    }

    private static void checkIndex(int index) {
        if (index < 1 || index > MAX_TRUCKS) {
            throw new IllegalArgumentException("truck numbers run from 1 to " + MAX_TRUCKS + ": " + index);
        }
    }
}
