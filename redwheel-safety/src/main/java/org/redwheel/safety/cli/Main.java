package org.redwheel.safety.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redwheel.safety.Fix;
import org.redwheel.safety.RuleSet;
import org.redwheel.safety.SafetyEngine;
import org.redwheel.safety.SafetyEvent;
import org.redwheel.safety.VehicleClass;

/**
 * {@code replay [--rules FILE] [--vehicle-class CLASS] [FILE]}: runs a CSV track (a file, or standard
 * input) through the safety engine in the order of its lines and prints each event once, in its final
 * state, ordered by start. The replay's clock is the latest receive time read so far; it ticks the
 * engine every minute of that clock, so silences between fixes show as OFFLINE, but it does not tick
 * past the end of the input. A bad line prints {@code {"error": ..., "line": n}} at once and the replay
 * goes on. Exit status 0 when every line was a fix, 1 when some were not, 2 for a usage error, an
 * unreadable file or a bad rule set.
 */
public final class Main {

    private static final String USAGE = "usage: java -jar redwheel-safety-cli.jar replay [--rules FILE]"
            + " [--vehicle-class CLASS|NONE] [FILE]\n"
            + "  replays a CSV track (header vehicle,time,lat,lon,speed_kmh[,driver,alarm_flags,heading,...])\n"
            + "  from FILE or standard input; prints one JSON object per safety event, ordered by start";

    private static final long TICK_EVERY_S = 60;

    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err);
        out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("replay")) {
            err.println(USAGE);
            return 2;
        }
        RuleSet rules = RuleSet.defaults();
        VehicleClass vehicleClass = VehicleClass.HEAVY_TRUCK;
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--rules") || arg.equals("--vehicle-class")) && i + 1 == args.length) {
                err.println(arg + " needs a value\n" + USAGE);
                return 2;
            }
            if (arg.equals("--rules")) {
                Path rulesFile = Path.of(args[++i]);
                try {
                    rules = RuleSet.parse(Files.readString(rulesFile, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.println("cannot read rules " + rulesFile + ": " + e.getMessage());
                    return 2;
                } catch (IllegalArgumentException e) {
                    err.println("bad rules " + rulesFile + ": " + e.getMessage());
                    return 2;
                }
            } else if (arg.equals("--vehicle-class")) {
                String name = args[++i].toUpperCase(Locale.ROOT);
                try {
                    vehicleClass = name.equals("NONE") ? null : VehicleClass.valueOf(name);
                } catch (IllegalArgumentException e) {
                    err.println("--vehicle-class: not one of " + List.of(VehicleClass.values()) + " or NONE");
                    return 2;
                }
            } else if (arg.startsWith("--") || file != null) {
                err.println("unexpected argument " + arg + "\n" + USAGE);
                return 2;
            } else {
                file = Path.of(arg);
            }
        }
        try (Reader reader = file == null
                ? new InputStreamReader(in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return replay(new BufferedReader(reader), rules, vehicleClass, out);
        } catch (IOException e) {
            err.println("cannot read " + (file == null ? "standard input" : file) + ": " + e.getMessage());
            return 2;
        }
    }

    private static int replay(BufferedReader reader, RuleSet rules, VehicleClass vehicleClass, PrintStream out)
            throws IOException {
        ZoneOffset offset = ZoneOffset.of(rules.rule("time.zone").value());
        SafetyEngine engine = new SafetyEngine(rules);
        Map<String, SafetyEvent> latest = new LinkedHashMap<>();
        boolean allFixes = true;
        FixCsv csv = null;
        long clock = Long.MIN_VALUE;
        long lastTick = Long.MIN_VALUE;
        long number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                if (csv == null) {
                    csv = new FixCsv(line, offset, vehicleClass);
                    for (String ignored : csv.ignored()) {
                        out.println(EventJson.error("unknown column '" + ignored + "' ignored", number));
                        allFixes = false;
                    }
                    continue;
                }
                Fix fix = csv.parse(line);
                long received = fix.receivedAt().getEpochSecond();
                if (received > clock) {
                    clock = received;
                    if (lastTick == Long.MIN_VALUE) {
                        lastTick = clock;
                    } else if (clock - lastTick >= TICK_EVERY_S) {
                        lastTick = clock;
                        keep(engine.tick(Instant.ofEpochSecond(clock)), latest);
                    }
                }
                keep(engine.accept(fix), latest);
            } catch (FixCsv.BadLine e) {
                out.println(EventJson.error(e.getMessage(), number));
                allFixes = false;
                if (csv == null) {
                    return 2;
                }
            }
        }
        if (csv == null) {
            out.println(
                    EventJson.error("no header: expected " + String.join(",", FixCsv.REQUIRED), Math.max(1, number)));
            return 2;
        }
        List<SafetyEvent> events = new ArrayList<>(latest.values());
        events.sort(Comparator.comparing(SafetyEvent::start));
        for (SafetyEvent event : events) {
            out.println(EventJson.of(event, offset));
        }
        return allFixes ? 0 : 1;
    }

    private static void keep(List<SafetyEvent> events, Map<String, SafetyEvent> latest) {
        for (SafetyEvent event : events) {
            latest.put(event.id(), event);
        }
    }
}
