package org.redwheel.sim;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.TextMessage;

/**
 * The simulator's command line: starts a fleet against a platform, prints a statistics line every
 * few seconds and every text the platform sends ({@code plate phone TEXT}), and stops after
 * {@code --duration} or on Ctrl-C. Exit status 0 after a run, 2 for a usage error.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar redwheel-sim-cli.jar [options]
              --host HOST                 platform address (127.0.0.1)
              --port PORT                 platform JT/T 808 port (7611)
              --trucks N                  trucks to simulate (10)
              --first I                   number of the first truck (1): phone 0139 + I as 8 digits
              --version 2011|2013|2019    protocol edition (2013)
              --scenario routes|long-drive  everyday demo routes, or 4 h 10 min of driving without rest
              --compression F             simulated seconds per real second (1)
              --duration D                run this long in real time, e.g. 90s, 10m, 1h30m (until Ctrl-C)
              --start TIME                simulated start, ISO-8601 (so that the run ends now)
              --fast-forward              report as fast as acknowledgements allow, ignoring the clock
              --report-interval D         simulated time between fixes (30s)
              --heartbeat D               real time between heartbeats (30s)
              --ramp-up D                 spread first connections over this time (2s)
              --threads N                 event loop threads (2)
              --corrupt SHARE             share of frames with a broken check code, e.g. 0.01
              --split                     write frames in several pieces
              --coalesce                  write several frames at once
              --disconnect-every N        reset the connection after every N frames
              --disconnect-probability P  reset the connection after a frame with probability P
              --seed S                    random seed (42)
              --stats-every D             real time between statistics lines (10s)
            """;

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted.countDown();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        int status = run(args, out, System.err, interrupted);
        finished.countDown();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the simulator until the duration passes or {@code interrupted} opens. */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch interrupted) {
        Arguments arguments;
        List<SimulatedTruck> trucks;
        SimulatorOptions options;
        try {
            arguments = Arguments.parse(args);
            trucks = arguments
                    .scenario()
                    .fleet(arguments.first(), arguments.trucks(), arguments.seed(), arguments.version());
            options = arguments.options(Instant.now()).withListener(new TerminalListener() {
                @Override
                public void textReceived(SimulatedTruck truck, TextMessage text) {
                    out.println(truck.plate() + " " + truck.phone() + " " + text.text());
                }
            });
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (arguments.help()) {
            out.print(USAGE);
            return 0;
        }
        out.printf(
                Locale.ROOT,
                "redwheel-sim: %d trucks (%s, %d) -> %s:%d, %s, simulated start %s%n",
                trucks.size(),
                arguments.scenario().id(),
                arguments.version().year(),
                options.host(),
                options.port(),
                options.fastForward() ? "fast-forward" : "compression " + options.compression(),
                OffsetDateTime.ofInstant(options.simulatedStart(), Location.GMT8));
        Simulation simulation;
        try {
            simulation = Simulator.start(trucks, options);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            long deadline = arguments
                    .duration()
                    .map(d -> System.nanoTime() + d.toNanos())
                    .orElse(Long.MAX_VALUE);
            long statsEvery = arguments.statsEvery().toNanos();
            while (true) {
                long wait = Math.min(statsEvery, deadline - System.nanoTime());
                if (wait <= 0 || interrupted.await(wait, TimeUnit.NANOSECONDS)) {
                    break;
                }
                out.println(statsLine(simulation, options));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            simulation.stop();
        }
        out.println("final " + statsLine(simulation, options));
        return 0;
    }

    private static String statsLine(Simulation simulation, SimulatorOptions options) {
        String time = options.fastForward()
                ? ""
                : "["
                        + OffsetDateTime.ofInstant(simulation.clock().now(), Location.GMT8)
                                .truncatedTo(ChronoUnit.SECONDS)
                        + "] ";
        return time + simulation.stats().summary();
    }

    /** The parsed command line. */
    record Arguments(
            boolean help,
            String host,
            int port,
            int trucks,
            int first,
            ProtocolVersion version,
            Scenario scenario,
            double compression,
            Optional<Duration> duration,
            Optional<Instant> start,
            boolean fastForward,
            Duration reportInterval,
            Duration heartbeat,
            Duration rampUp,
            int threads,
            FaultInjector faults,
            long seed,
            Duration statsEvery) {

        static Arguments parse(String[] args) {
            boolean help = false;
            String host = "127.0.0.1";
            int port = 7611;
            int trucks = 10;
            int first = 1;
            ProtocolVersion version = ProtocolVersion.V2013;
            Scenario scenario = Scenario.ROUTES;
            double compression = 1;
            Optional<Duration> duration = Optional.empty();
            Optional<Instant> start = Optional.empty();
            boolean fastForward = false;
            Duration reportInterval = Duration.ofSeconds(30);
            Duration heartbeat = Duration.ofSeconds(30);
            Duration rampUp = Duration.ofSeconds(2);
            int threads = 2;
            FaultInjector faults = FaultInjector.NONE;
            long seed = 42;
            Duration statsEvery = Duration.ofSeconds(10);
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--help", "-h" -> help = true;
                    case "--split" -> faults = faults.withSplitting(true);
                    case "--coalesce" -> faults = faults.withCoalescing(true);
                    case "--fast-forward" -> fastForward = true;
                    default -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(option + ": unknown option or missing value");
                        }
                        String value = args[++i];
                        switch (option) {
                            case "--host" -> host = value;
                            case "--port" -> port = integer(option, value);
                            case "--trucks" -> trucks = integer(option, value);
                            case "--first" -> first = integer(option, value);
                            case "--version" -> version = version(value);
                            case "--scenario" -> scenario = Scenario.of(value);
                            case "--compression" -> compression = decimal(option, value);
                            case "--duration" -> duration = Optional.of(duration(option, value));
                            case "--start" -> start = Optional.of(instant(value));
                            case "--report-interval" -> reportInterval = duration(option, value);
                            case "--heartbeat" -> heartbeat = duration(option, value);
                            case "--ramp-up" -> rampUp = duration(option, value);
                            case "--threads" -> threads = integer(option, value);
                            case "--corrupt" -> faults = faults.withCorruption(decimal(option, value));
                            case "--disconnect-every" -> faults = faults.withDisconnectEvery(integer(option, value));
                            case "--disconnect-probability" ->
                                faults = faults.withDisconnectProbability(decimal(option, value));
                            case "--seed" -> seed = Long.parseLong(value);
                            case "--stats-every" -> statsEvery = duration(option, value);
                            default -> throw new IllegalArgumentException("unknown option " + option);
                        }
                    }
                }
            }
            if (trucks < 1 || first < 1 || first + (long) trucks - 1 > Fleet.MAX_TRUCKS) {
                throw new IllegalArgumentException(
                        "trucks " + first + ".." + (first + trucks - 1) + " outside 1.." + Fleet.MAX_TRUCKS);
            }
            if (statsEvery.isZero()) {
                throw new IllegalArgumentException("--stats-every must be positive");
            }
            return new Arguments(
                    help,
                    host,
                    port,
                    trucks,
                    first,
                    version,
                    scenario,
                    compression,
                    duration,
                    start,
                    fastForward,
                    reportInterval,
                    heartbeat,
                    rampUp,
                    threads,
                    faults,
                    seed,
                    statsEvery);
        }

        /**
         * The simulator options these arguments ask for. Without {@code --start}, simulated time
         * starts so that the run ends about now: a run of {@code --duration} at compression F plays
         * duration × F; an open-ended compressed or fast-forward run assumes a day.
         */
        SimulatorOptions options(Instant now) {
            Duration span = fastForward
                    ? Duration.ofDays(1)
                    : duration.map(d -> Duration.ofMillis((long) (d.toMillis() * compression)))
                            .orElse(compression > 1 ? Duration.ofDays(1) : Duration.ZERO);
            Instant simulatedStart = start.orElseGet(() -> scenario.start(now, span));
            SimulatorOptions options = SimulatorOptions.defaults(host, port)
                    .withSimulatedStart(simulatedStart)
                    .withCompression(compression)
                    .withReportInterval(reportInterval)
                    .withHeartbeatInterval(heartbeat)
                    .withRampUp(rampUp)
                    .withEventLoopThreads(threads)
                    .withFaults(faults);
            return fastForward ? options.withFastForward(1) : options;
        }

        private static int integer(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": not a whole number: " + value);
            }
        }

        private static double decimal(String option, String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": not a number: " + value);
            }
        }

        private static ProtocolVersion version(String value) {
            try {
                return ProtocolVersion.ofYear(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--version: 2011, 2013 or 2019, not " + value);
            }
        }

        private static Instant instant(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--start: an ISO-8601 time with offset, e.g. 2026-03-15T07:30+08:00");
            }
        }

        /** {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 500ms}, or ISO-8601 {@code PT10M}. */
        static Duration duration(String option, String value) {
            if (value.startsWith("P") || value.startsWith("p")) {
                try {
                    return Duration.parse(value);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(option + ": not a duration: " + value);
                }
            }
            Matcher part = DURATION_PART.matcher(value);
            Duration total = Duration.ZERO;
            int end = 0;
            while (part.find() && part.start() == end) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(
                        switch (part.group(2)) {
                            case "h" -> Duration.ofHours(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            case "s" -> Duration.ofSeconds(amount);
                            default -> Duration.ofMillis(amount);
                        });
                end = part.end();
            }
            if (end == 0 || end != value.length()) {
                throw new IllegalArgumentException(option + ": not a duration (90s, 10m, 1h30m): " + value);
            }
            return total;
        }
    }
}
