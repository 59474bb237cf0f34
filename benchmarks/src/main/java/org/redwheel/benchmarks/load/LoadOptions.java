package org.redwheel.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.redwheel.jt808.ProtocolVersion;

/**
 * The load harness's command line. Durations are {@code 500ms}, {@code 20s}, {@code 2m}, {@code
 * 1h}, ISO-8601 ({@code PT1M}) or a bare number of seconds.
 */
record LoadOptions(
        String host,
        int port,
        int terminals,
        int first,
        double rate,
        Duration duration,
        Duration rampUp,
        Duration warmUp,
        ProtocolVersion version,
        int batch,
        int threads,
        String dbUrl,
        String dbUser,
        String dbPassword,
        long serverPid,
        Duration drain,
        Duration dbInterval,
        boolean exactCount,
        int pgSampleMillis,
        Duration handshakeTimeout,
        Duration heartbeat,
        Duration waitReady,
        Duration waitQuiet,
        Path jfr,
        Path summaryFile,
        int speedingPercent,
        String httpUrl,
        Path credentials) {

    static final String USAGE = """
            usage: java -cp benchmarks/target/benchmarks.jar org.redwheel.benchmarks.load.LoadHarness [options]

              --host H              gateway address (127.0.0.1)
              --port P              gateway port (7611)
              --terminals K         terminals to connect (100): trucks first .. first+K-1 of the simulator numbering
              --first I             number of the first truck (1)
              --rate R              positions per second over all terminals (500)
              --duration T          measurement window: reporting at --rate for this long (20s)
              --ramp-up D           connect the K terminals evenly over this time (10s)
              --warm-up D           report at --rate for this long before the window, not counted (10s; 0 = none)
              --version Y           JT/T 808 edition 2011 | 2013 | 2019 (2013)
              --batch N             N fixes per 0x0704 frame instead of one 0x0200 per fix (1 = 0x0200; at most 30)
              --threads N           client Netty event loop threads (2)
              --db-url URL          PostgreSQL of the server, for the stored count and pg_stat_activity
                                    (jdbc:postgresql://127.0.0.1:55432/redwheel); 'none' to run without
              --db-user U           (postgres)    --db-password P   (empty)
              --server-pid PID      the server JVM, for CPU and RSS (0 = not measured)
              --drain D             after the window, wait this long at most for outstanding acks (30s)
              --db-interval D       how often to refresh the live stored figure (1s)
              --count MODE          live stored figure from pg_stat_user_tables (stats, default: free, about
                                    a second behind) or count(*) (exact: costs the server CPU, every 5 s when
                                    slow); the summary always counts exactly
              --pg-sample-ms M      sample pg_stat_activity every M ms during the window (100; 0 = off)
              --handshake-timeout D registration + authentication must finish within this (60s)
              --heartbeat D         0x0002 when a terminal has sent nothing for this long (30s)
              --wait-ready D        wait this long at most for the K terminals to exist in fleet_terminal (10m)
              --wait-quiet D        before the window, wait at most this long until no Maven build or test run
                                    (surefire) of someone else has been seen for 10 s (0s = don't wait)
              --jfr FILE            record the server's window with JFR into FILE (jcmd <server-pid> JFR.start,
                                    issued during the warm-up with a delay: its start stalls the JVM)
              --summary-file F      also write the summary as key=value lines to F
              --speeding P          P % of the terminals (every truck whose number mod 100 < P) alternate 60 s
                                    of fix time at 110 km/h with 120 s at 60 km/h, so each cycle is one
                                    overspeed episode and one real-time 0x8300 reminder; the others (and
                                    all with 0, the default) drive at 60 km/h
              --http-url URL        the server's HTTP address: with --credentials, the window's reminder
                                    latency (fix arrival to 0x8300 leaving the server) is read from
                                    /actuator/prometheus before and after the window
              --credentials FILE    the demo credentials file of that server (its SYSTEM_ADMIN line is used)
            """;

    static LoadOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                throw new UsageException(null);
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument " + arg);
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                name = arg.substring(2);
                value = args[++i];
            }
            values.put(name, value);
        }
        Reader r = new Reader(values);
        LoadOptions options = new LoadOptions(
                r.string("host", "127.0.0.1"),
                r.integer("port", 7611),
                r.integer("terminals", 100),
                r.integer("first", 1),
                r.decimal("rate", 500),
                r.duration("duration", "20s"),
                r.duration("ramp-up", "10s"),
                r.duration("warm-up", "10s"),
                ProtocolVersion.ofYear(r.integer("version", 2013)),
                r.integer("batch", 1),
                r.integer("threads", 2),
                r.string("db-url", "jdbc:postgresql://127.0.0.1:55432/redwheel"),
                r.string("db-user", "postgres"),
                r.string("db-password", ""),
                r.integer("server-pid", 0),
                r.duration("drain", "30s"),
                r.duration("db-interval", "1s"),
                countMode(r.string("count", "stats")),
                r.integer("pg-sample-ms", 100),
                r.duration("handshake-timeout", "60s"),
                r.duration("heartbeat", "30s"),
                r.duration("wait-ready", "10m"),
                r.duration("wait-quiet", "0s"),
                r.path("jfr"),
                r.path("summary-file"),
                r.integer("speeding", 0),
                r.string("http-url", null),
                r.path("credentials"));
        if (!values.isEmpty()) {
            throw new UsageException(
                    "unknown option --" + values.keySet().iterator().next());
        }
        options.check();
        return options;
    }

    private void check() {
        require(terminals >= 1, "--terminals must be at least 1");
        require(first >= 1 && first + terminals - 1 <= 99_999, "trucks must lie within 1 .. 99999");
        require(rate > 0, "--rate must be positive");
        require(!duration.isNegative() && !duration.isZero(), "--duration must be positive");
        require(!warmUp.isNegative(), "--warm-up must not be negative");
        require(batch >= 1 && batch <= 30, "--batch must be 1 .. 30 (one 0x0704 frame without segmentation)");
        require(threads >= 1, "--threads must be at least 1");
        require(pgSampleMillis >= 0, "--pg-sample-ms must not be negative");
        require(jfr == null || serverPid > 0, "--jfr needs --server-pid");
        require(speedingPercent >= 0 && speedingPercent <= 100, "--speeding must be 0 .. 100");
        require((httpUrl == null) == (credentials == null), "--http-url and --credentials go together");
    }

    private static boolean countMode(String mode) {
        return switch (mode) {
            case "stats" -> false;
            case "exact" -> true;
            default -> throw new UsageException("--count must be stats or exact");
        };
    }

    boolean database() {
        return dbUrl != null && !dbUrl.isBlank() && !dbUrl.equalsIgnoreCase("none");
    }

    /** Frames per second over all terminals. */
    double frameRate() {
        return rate / batch;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new UsageException(message);
        }
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            if (t.endsWith("h")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3_600_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (RuntimeException e) {
            throw new UsageException("not a duration: " + text);
        }
    }

    /** A usage error: the message (or none for --help) and the usage text, exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private record Reader(Map<String, String> values) {

        String string(String name, String fallback) {
            String value = values.remove(name);
            return value == null ? fallback : value;
        }

        int integer(String name, int fallback) {
            String value = values.remove(name);
            try {
                return value == null
                        ? fallback
                        : Integer.parseInt(value.replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + ": not a whole number: " + value);
            }
        }

        double decimal(String name, double fallback) {
            String value = values.remove(name);
            try {
                return value == null
                        ? fallback
                        : Double.parseDouble(value.replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + ": not a number: " + value);
            }
        }

        Duration duration(String name, String fallback) {
            String value = values.remove(name);
            return parseDuration(value == null ? fallback : value);
        }

        Path path(String name) {
            String value = values.remove(name);
            return value == null || value.isBlank() ? null : Path.of(value);
        }
    }
}
