package org.redwheel.benchmarks.load;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;

/**
 * End-to-end load test of the JT/T 808 gateway and its durable position ingestion: K terminals as
 * real TCP clients register, authenticate and then report at a fixed total rate for a fixed window,
 * while the harness measures the time from each location frame's write to its 0x8001 (which the
 * server sends only after the fixes are committed), counts the fixes that reached {@code
 * monitoring_position}, and samples the CPU and memory of the server and its PostgreSQL. See the
 * module's README for how to run it and what each figure means.
 */
public final class LoadHarness {

    private final LoadOptions options;
    private final LoadStats stats = new LoadStats();
    private final List<LoopDriver> drivers = new ArrayList<>();
    private final List<ProcessMonitor.Usage> windowUsages = new ArrayList<>();
    /** Latencies of the window's seconds in which other processes used less than 20 % CPU. */
    private final Histogram quietLatency = new Histogram(3);

    private int quietSeconds;
    private PositionDatabase db;
    private ReminderLatency reminders;
    /** The reminders of the window (and its drain), or null when not measured. */
    private ReminderLatency.Snapshot reminderWindow;

    private ProcessMonitor monitor;
    private long maxServerRssKb = -1;
    private long maxPostgresPssKb = -1;
    private int postgresProcesses;

    // the stored count, refreshed by the counting thread
    private volatile long storedCount = -1;
    private volatile long storedAtNanos;
    private volatile long previousStoredCount = -1;
    private volatile long previousStoredAtNanos;

    private LoadHarness(LoadOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (LoadOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("redwheel-load: " + e.getMessage());
            }
            System.err.print(LoadOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        System.exit(new LoadHarness(options).run());
    }

    private int run() throws Exception {
        int last = options.first() + options.terminals() - 1;
        println(String.format(
                Locale.ROOT,
                "redwheel-load: %d terminals (trucks %d..%d, %d) -> %s:%d, %s positions/s (%s), window %s, ramp-up %s,"
                        + " warm-up %s, %d client threads",
                options.terminals(),
                options.first(),
                last,
                options.version().year(),
                options.host(),
                options.port(),
                number(options.rate()),
                options.batch() == 1 ? "one 0x0200 per fix" : options.batch() + " fixes per 0x0704",
                seconds(options.duration().toNanos()),
                seconds(options.rampUp().toNanos()),
                seconds(options.warmUp().toNanos()),
                options.threads()));
        List<String> others = ProcessMonitor.otherBusyProcesses(options.serverPid());
        println("also running (Maven/Surefire): " + (others.isEmpty() ? "nothing seen" : String.join("; ", others)));

        long firstFixSecond = prepareDatabase();
        if (firstFixSecond < 0) {
            return 1;
        }
        monitor = new ProcessMonitor(options.serverPid(), db == null ? 0 : db.postmasterPid());

        double framesPerTerminal = options.frameRate() / options.terminals();
        int slots =
                Integer.highestOneBit((int) Math.min(4096, Math.max(64, Math.ceil(framesPerTerminal * 120))) * 2 - 1);
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(
                options.threads(), new DefaultThreadFactory("redwheel-load", true), NioIoHandler.newFactory());
        for (EventExecutor executor : group) {
            drivers.add(new LoopDriver((EventLoop) executor, stats));
        }
        List<LoadTerminal> terminals = new ArrayList<>(options.terminals());
        for (int i = 0; i < options.terminals(); i++) {
            LoopDriver driver = drivers.get(i % drivers.size());
            LoadTerminal terminal = new LoadTerminal(
                    options.first() + i,
                    driver.loop(),
                    stats,
                    options.version(),
                    firstFixSecond,
                    slots,
                    options.handshakeTimeout().toNanos(),
                    options.speedingPercent());
            driver.add(terminal);
            terminals.add(terminal);
        }
        try {
            return measure(terminals);
        } finally {
            CompletableFuture.allOf(drivers.stream().map(LoopDriver::close).toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
            if (db != null) {
                db.close();
            }
        }
    }

    /** Finds the terminals and the run's first fix second; -1 when the run cannot go on. */
    private long prepareDatabase() throws InterruptedException {
        long span = (long) Math.ceil(options.rate()
                        / options.terminals()
                        * options.duration().toSeconds())
                + 1;
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(span);
        if (!options.database()) {
            println("no database: stored positions are not counted, lost cannot be told");
            return notBefore.getEpochSecond();
        }
        long deadline = System.nanoTime() + options.waitReady().toNanos();
        while (true) {
            try {
                if (db == null) {
                    db = new PositionDatabase(options.dbUrl(), options.dbUser(), options.dbPassword());
                }
                int found = db.resolveTerminals(options.first(), options.terminals());
                if (found == options.terminals() || System.nanoTime() > deadline) {
                    if (found < options.terminals()) {
                        println("WARNING: only " + found + " of " + options.terminals()
                                + " terminals are registered; the server will refuse the others");
                    }
                    if (found == 0) {
                        return -1;
                    }
                    break;
                }
                println("waiting for the server to register the terminals: " + found + " of " + options.terminals());
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    println("cannot reach the database " + options.dbUrl() + ": " + e.getMessage());
                    return -1;
                }
                println("waiting for the database: " + e.getMessage());
                if (db != null) {
                    db.close();
                    db = null;
                }
            }
            Thread.sleep(5_000);
        }
        try {
            Instant first = db.chooseFirstFix(notBefore);
            println(String.format(
                    Locale.ROOT,
                    "terminal ids %d..%d; fixes of this run start at %s (one second apart per terminal)",
                    db.minId(),
                    db.maxId(),
                    first));
            println("postgres settings: " + db.settings());
            return first.getEpochSecond();
        } catch (SQLException e) {
            println("cannot read the positions table: " + e.getMessage());
            return -1;
        }
    }

    private int measure(List<LoadTerminal> terminals) throws Exception {
        InetSocketAddress server = new InetSocketAddress(options.host(), options.port());
        long rampNanos = options.rampUp().toNanos();
        for (int i = 0; i < terminals.size(); i++) {
            LoadTerminal terminal = terminals.get(i);
            long delay = rampNanos * i / terminals.size();
            terminal.loop().schedule(() -> terminal.connect(server), delay, TimeUnit.NANOSECONDS);
        }
        for (LoopDriver driver : drivers) {
            driver.startHeartbeats(options.heartbeat().toNanos());
        }

        // 1. connect, register, authenticate
        long connectStart = System.nanoTime();
        long connectDeadline =
                connectStart + rampNanos + options.handshakeTimeout().toNanos() + 5_000_000_000L;
        ProcessMonitor.Sample previous = monitor.sample();
        while (true) {
            Thread.sleep(1_000);
            int settled = sum(drivers.stream().map(LoopDriver::settledCount).toList());
            ProcessMonitor.Sample now = monitor.sample();
            ProcessMonitor.Usage usage = ProcessMonitor.usage(previous, now);
            previous = now;
            track(now);
            println(String.format(
                    Locale.ROOT,
                    "[connect %4s] online %d/%d  refused %d  timeouts %d  connect failures %d  closed %d | cpu%% server %s"
                            + " pg %s harness %s other %s",
                    seconds(System.nanoTime() - connectStart),
                    stats.online.get(),
                    options.terminals(),
                    stats.registrationsRefused.sum() + stats.authenticationsRefused.sum(),
                    stats.handshakeTimeouts.sum(),
                    stats.connectFailures.sum(),
                    stats.disconnects.sum(),
                    pct(usage.server()),
                    pct(usage.postgres()),
                    pct(usage.harness()),
                    pct(usage.other())));
            if (settled == terminals.size() || System.nanoTime() > connectDeadline) {
                break;
            }
        }
        List<Integer> onlinePerLoop = new ArrayList<>();
        for (LoopDriver driver : drivers) {
            onlinePerLoop.add(driver.onlineCount().get());
        }
        int online = onlinePerLoop.stream().mapToInt(Integer::intValue).sum();
        int onlineAtStart = online;
        if (online == 0) {
            println("no terminal came online; failures: " + stats.failureReasons);
            return 1;
        }

        // 2. warm-up: the same load, not counted, so the server's JIT and pools are warm for the window
        boolean jfrDuringWarmUp = options.jfr() != null && options.warmUp().toSeconds() >= 3;
        if (jfrDuringWarmUp) {
            // JFR's start-up stalls the JVM for a moment: start it now, recording from the window on
            startJfr(options.warmUp().toSeconds());
        }
        if (!options.warmUp().isZero()) {
            previous = pace("warm-up ", options.warmUp(), onlinePerLoop, online, previous, null);
            long deadline = System.nanoTime() + options.drain().toNanos();
            while (outstanding() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (outstanding() > 0) {
                println("WARNING: " + outstanding() + " warm-up frames still unacknowledged; they may count as"
                        + " stored in the window");
            }
            stats.resetCounts();
        }

        waitForQuiet();

        // 3. the window: report at the rate
        ReminderLatency.Snapshot remindersBefore = reminderSnapshot();
        stats.resetLatency();
        long baseline = db == null ? 0 : db.countStored();
        if (baseline != 0) {
            println(baseline + " positions stored before the window (warm-up); counted from there");
        }
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread counter = db == null ? null : startCounter(baseline);
        Thread sampler = db == null || options.pgSampleMillis() == 0 ? null : startSampler(sampling);
        if (options.jfr() != null && !jfrDuringWarmUp) {
            startJfr(0);
        }
        Map<Long, Map.Entry<String, Long>> processesBefore = ProcessMonitor.allProcesses();
        Map<String, Long> breakdownBefore = monitor.breakdown();
        Map<String, Long> workBefore = db == null ? Map.of() : db.workCounters();
        ProcessMonitor.Sample windowStart = monitor.sample();
        previous = pace("", options.duration(), onlinePerLoop, online, windowStart, windowUsages);
        ProcessMonitor.Sample windowEnd = previous;
        Map<Long, Map.Entry<String, Long>> processesAfter = ProcessMonitor.allProcesses();
        Map<String, Long> breakdownAfter = monitor.breakdown();
        Map<String, Long> workAfter = db == null ? Map.of() : db.workCounters();
        long storedAtWindowEnd = db == null ? -1 : db.countStored() - baseline;
        Histogram windowLatency = stats.total();
        sampling.set(false);
        if (sampler != null) {
            sampler.join(2_000);
        }
        Set<Long> ours = new HashSet<>(monitor.postgresPids());
        ours.add(options.serverPid());
        ours.add(ProcessHandle.current().pid());
        double windowSeconds = (windowEnd.nanos() - windowStart.nanos()) / 1e9;
        List<String> busiest = ProcessMonitor.busiest(processesBefore, processesAfter, windowSeconds, ours, 5);
        List<String> breakdown = ProcessMonitor.breakdownUsage(breakdownBefore, breakdownAfter, windowSeconds, 12);
        Map<String, Double> work = new LinkedHashMap<>();
        workAfter.forEach((key, value) -> {
            Long before = workBefore.get(key);
            if (before != null) {
                work.put(key, (value - before) / windowSeconds);
            }
        });

        // 4. drain: wait for the acknowledgements still outstanding
        Counts last = Counts.of(stats);
        long drainStart = System.nanoTime();
        long drainDeadline = drainStart + options.drain().toNanos();
        while (outstanding() > 0 && System.nanoTime() < drainDeadline) {
            Thread.sleep(1_000);
            ProcessMonitor.Sample now = monitor.sample();
            ProcessMonitor.Usage usage = ProcessMonitor.usage(previous, now);
            track(now);
            Counts counts = Counts.of(stats);
            report(
                    "drain ",
                    now.nanos() - drainStart,
                    (now.nanos() - previous.nanos()) / 1e9,
                    last,
                    counts,
                    usage,
                    now);
            previous = now;
            last = counts;
        }
        if (counter != null) {
            counter.interrupt();
            counter.join(5_000);
        }
        long stored = db == null ? -1 : db.countStored() - baseline;
        ReminderLatency.Snapshot remindersAfter = remindersBefore == null ? null : reminderSnapshot();
        reminderWindow = remindersAfter == null ? null : remindersAfter.minus(remindersBefore);
        long outliers = db == null ? -1 : db.countOutliers();
        stats.takeInterval();
        Histogram latency = stats.total();
        return summary(
                onlineAtStart,
                storedAtWindowEnd,
                stored,
                outliers,
                latency,
                windowLatency,
                windowStart,
                windowEnd,
                busiest,
                breakdown,
                work);
    }

    /**
     * Sends at the rate for {@code length}, printing a line a second; returns the last sample. The
     * per-second CPU figures go to {@code usages} when given.
     */
    private ProcessMonitor.Sample pace(
            String label,
            java.time.Duration length,
            List<Integer> onlinePerLoop,
            int online,
            ProcessMonitor.Sample previous,
            List<ProcessMonitor.Usage> usages)
            throws Exception {
        long start = System.nanoTime() + 20_000_000L;
        long end = start + length.toNanos();
        List<CompletableFuture<Void>> finished = new ArrayList<>();
        for (int i = 0; i < drivers.size(); i++) {
            double share = (double) onlinePerLoop.get(i) / online;
            finished.add(drivers.get(i).run(options.frameRate() * share, options.batch(), start, end));
        }
        Thread.sleep(Math.max(0, (start - System.nanoTime()) / 1_000_000));
        Counts last = Counts.of(stats);
        long tickNanos = start;
        while (true) {
            tickNanos += 1_000_000_000L;
            long sleep = Math.min(tickNanos, end) - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            ProcessMonitor.Sample now = monitor.sample();
            ProcessMonitor.Usage usage = ProcessMonitor.usage(previous, now);
            if (usages != null) {
                usages.add(usage);
            }
            track(now);
            Counts counts = Counts.of(stats);
            Histogram second = report(
                    label, now.nanos() - start, (now.nanos() - previous.nanos()) / 1e9, last, counts, usage, now);
            if (usages != null && usage.other() >= 0 && usage.other() < 20) {
                quietLatency.add(second);
                quietSeconds++;
            }
            previous = now;
            last = counts;
            if (now.nanos() >= end) {
                break;
            }
        }
        CompletableFuture.allOf(finished.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        return previous;
    }

    /**
     * Waits (at most --wait-quiet) until no Maven build or test run of someone else has been seen for
     * 10 s, so the window does not start in the middle of one. The terminals stay connected.
     */
    private void waitForQuiet() throws InterruptedException {
        if (options.waitQuiet().isZero()) {
            return;
        }
        long deadline = System.nanoTime() + options.waitQuiet().toNanos();
        int quiet = 0;
        boolean said = false;
        while (quiet < 10) {
            List<String> others = ProcessMonitor.otherBusyProcesses(options.serverPid());
            if (others.isEmpty()) {
                quiet++;
            } else {
                quiet = 0;
                if (!said) {
                    println("waiting for other builds to end before the window: " + String.join("; ", others));
                    said = true;
                }
            }
            if (System.nanoTime() > deadline) {
                println("still not quiet after " + seconds(options.waitQuiet().toNanos()) + "; starting the window");
                return;
            }
            Thread.sleep(1_000);
        }
        if (said) {
            println("quiet for 10 s: starting the window");
        }
    }

    /** The server's reminder-latency histogram now; null when not measured or unreadable. */
    private ReminderLatency.Snapshot reminderSnapshot() {
        if (options.httpUrl() == null) {
            return null;
        }
        try {
            if (reminders == null) {
                reminders = ReminderLatency.connect(options.httpUrl(), options.credentials());
            }
            return reminders.snapshot();
        } catch (IOException e) {
            println("cannot read the reminder latency from " + options.httpUrl() + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private long outstanding() {
        return stats.framesSent.sum() - stats.framesAcked.sum() - stats.ackErrors.sum();
    }

    /**
     * Refreshes the stored figure of the per-second lines: by default from PostgreSQL's own insert
     * counter of the position partitions ({@code pg_stat_user_tables.n_tup_ins}, flushed by the
     * backends about once a second), which costs nothing; with {@code --count exact} by {@code
     * count(*)} of the run's rows, which is exact but scans the partition and takes CPU from the
     * server on a small machine (it backs off to every 5 s when a count takes over 200 ms). The
     * summary always uses exact counts.
     */
    private Thread startCounter(long exactBaseline) throws SQLException {
        boolean exact = options.exactCount();
        long statsBaseline = exact ? 0 : db.insertedSoFar();
        Thread thread = new Thread(
                () -> {
                    long interval = options.dbInterval().toNanos();
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            long before = System.nanoTime();
                            long count = exact ? db.countStored() - exactBaseline : db.insertedSoFar() - statsBaseline;
                            long after = System.nanoTime();
                            previousStoredCount = storedCount;
                            previousStoredAtNanos = storedAtNanos;
                            storedAtNanos = (before + after) / 2;
                            storedCount = count;
                            if (after - before > 200_000_000L && interval < 5_000_000_000L) {
                                interval = 5_000_000_000L;
                                println("counting stored positions took " + (after - before) / 1_000_000
                                        + " ms: counting every 5 s from now on");
                            }
                            TimeUnit.NANOSECONDS.sleep(Math.max(0, interval - (after - before)));
                        } catch (InterruptedException e) {
                            return;
                        } catch (SQLException e) {
                            println("count failed: " + e.getMessage());
                            try {
                                Thread.sleep(1_000);
                            } catch (InterruptedException interrupted) {
                                return;
                            }
                        }
                    }
                },
                "redwheel-load-count");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private Thread startSampler(AtomicBoolean running) {
        Thread thread = new Thread(
                () -> {
                    while (running.get()) {
                        try {
                            db.sampleActivity();
                            Thread.sleep(options.pgSampleMillis());
                        } catch (InterruptedException e) {
                            return;
                        } catch (SQLException e) {
                            println("pg_stat_activity sample failed: " + e.getMessage());
                            return;
                        }
                    }
                },
                "redwheel-load-pg-sampler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void startJfr(long delaySeconds) {
        String file = options.jfr().toAbsolutePath().toString();
        long secs = Math.max(1, options.duration().toSeconds());
        List<String> command = new ArrayList<>(List.of(
                "jcmd",
                Long.toString(options.serverPid()),
                "JFR.start",
                "name=redwheel-load",
                "settings=profile",
                "duration=" + secs + "s",
                "filename=" + file));
        if (delaySeconds > 0) {
            command.add("delay=" + delaySeconds + "s");
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        Process process = new ProcessBuilder(command)
                                .redirectErrorStream(true)
                                .start();
                        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        process.waitFor();
                        println("jfr: " + out.replace('\n', ' ').trim());
                    } catch (IOException e) {
                        println("jfr: cannot run jcmd: " + e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "redwheel-load-jfr");
        thread.setDaemon(true);
        thread.start();
    }

    private void track(ProcessMonitor.Sample sample) {
        maxServerRssKb = Math.max(maxServerRssKb, sample.serverRssKb());
        maxPostgresPssKb = Math.max(maxPostgresPssKb, sample.postgresPssKb());
        postgresProcesses = Math.max(postgresProcesses, sample.postgresProcesses());
    }

    private Histogram report(
            String phase,
            long elapsedNanos,
            double intervalSeconds,
            Counts from,
            Counts to,
            ProcessMonitor.Usage usage,
            ProcessMonitor.Sample sample) {
        Histogram interval = stats.takeInterval();
        String stored;
        long count = storedCount;
        long prev = previousStoredCount;
        if (count < 0) {
            stored = "stored -";
        } else if (prev < 0 || storedAtNanos == previousStoredAtNanos) {
            stored = "stored " + count;
        } else {
            double rate = (count - prev) / ((storedAtNanos - previousStoredAtNanos) / 1e9);
            stored = String.format(
                    Locale.ROOT,
                    options.exactCount() ? "stored %d (%s/s, %.0fs ago)" : "stored~ %d (%s/s, %.0fs ago)",
                    count,
                    number(rate),
                    (System.nanoTime() - storedAtNanos) / 1e9);
        }
        println(String.format(
                Locale.ROOT,
                "[%s%4s] online %d | sent %s/s acked %s/s | %s | outstanding %d | ack ms p50 %s p99 %s max %s"
                        + " | cpu%% server %s pg %s harness %s other %s | MB server %s pg %s",
                phase,
                seconds(elapsedNanos),
                stats.online.get(),
                number((to.positionsSent - from.positionsSent) / intervalSeconds),
                number((to.positionsAcked - from.positionsAcked) / intervalSeconds),
                stored,
                to.framesSent - to.framesAcked - to.ackErrors,
                millis(interval.getTotalCount() == 0 ? -1 : interval.getValueAtPercentile(50)),
                millis(interval.getTotalCount() == 0 ? -1 : interval.getValueAtPercentile(99)),
                millis(interval.getTotalCount() == 0 ? -1 : interval.getMaxValue()),
                pct(usage.server()),
                pct(usage.postgres()),
                pct(usage.harness()),
                pct(usage.other()),
                mb(sample.serverRssKb()),
                mb(sample.postgresPssKb())));
        return interval;
    }

    private int summary(
            int onlineAtStart,
            long storedAtWindowEnd,
            long stored,
            long outliers,
            Histogram latency,
            Histogram windowLatency,
            ProcessMonitor.Sample windowStart,
            ProcessMonitor.Sample windowEnd,
            List<String> busiest,
            List<String> breakdown,
            Map<String, Double> work) {
        double window = options.duration().toNanos() / 1e9;
        long sent = stats.positionsSent.sum();
        long acked = stats.positionsAcked.sum();
        ProcessMonitor.Usage average = ProcessMonitor.usage(windowStart, windowEnd);
        double maxServer = windowUsages.stream()
                .mapToDouble(ProcessMonitor.Usage::server)
                .max()
                .orElse(-1);
        double maxPostgres = windowUsages.stream()
                .mapToDouble(ProcessMonitor.Usage::postgres)
                .max()
                .orElse(-1);
        long lost = stored < 0 ? -1 : sent - stored - Math.max(0, outliers);
        long ackedNotStored = stored < 0 ? -1 : Math.max(0, acked - stored - Math.max(0, outliers));
        double storedPerSecond = stored < 0 ? -1 : stored / window;
        double p99 = latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(99) / 1000.0;
        boolean sustained = stored >= 0
                && lost == 0
                && storedPerSecond >= 0.99 * options.rate()
                && p99 <= 100
                && onlineAtStart == options.terminals();

        Map<String, String> s = new LinkedHashMap<>();
        s.put("terminals", Integer.toString(options.terminals()));
        s.put("first_truck", Integer.toString(options.first()));
        s.put("target_rate", number(options.rate()));
        s.put("batch", Integer.toString(options.batch()));
        s.put("version", Integer.toString(options.version().year()));
        s.put("window_s", String.format(Locale.ROOT, "%.1f", window));
        s.put("terminals_online", Integer.toString(onlineAtStart));
        s.put("refused", Long.toString(stats.registrationsRefused.sum() + stats.authenticationsRefused.sum()));
        s.put("handshake_timeouts", Long.toString(stats.handshakeTimeouts.sum()));
        s.put("connect_failures", Long.toString(stats.connectFailures.sum()));
        s.put("disconnects", Long.toString(stats.disconnects.sum()));
        s.put("sent", Long.toString(sent));
        s.put("sent_per_s", number(sent / window));
        s.put("frames_sent", Long.toString(stats.framesSent.sum()));
        s.put("skipped_slots", Long.toString(stats.skippedSlots.sum()));
        s.put("acked", Long.toString(acked));
        s.put("ack_errors", Long.toString(stats.ackErrors.sum()));
        s.put("unmatched_acks", Long.toString(stats.unmatchedAcks.sum()));
        s.put("outstanding_after_drain", Long.toString(outstanding()));
        s.put("stored", Long.toString(stored));
        s.put("stored_at_window_end", Long.toString(storedAtWindowEnd));
        s.put("outliers", Long.toString(outliers));
        s.put("stored_per_s", number(storedPerSecond));
        s.put("stored_per_s_within_window", number(storedAtWindowEnd < 0 ? -1 : storedAtWindowEnd / window));
        s.put("ack_p50_ms", millis(latency.getValueAtPercentile(50)));
        s.put("ack_p90_ms", millis(latency.getValueAtPercentile(90)));
        s.put("ack_p99_ms", millis(latency.getValueAtPercentile(99)));
        s.put("ack_p999_ms", millis(latency.getValueAtPercentile(99.9)));
        s.put("ack_max_ms", millis(latency.getMaxValue()));
        s.put("ack_p99_window_ms", millis(windowLatency.getValueAtPercentile(99)));
        s.put("quiet_seconds", Integer.toString(quietSeconds));
        s.put(
                "ack_p50_quiet_ms",
                millis(quietLatency.getTotalCount() == 0 ? -1 : quietLatency.getValueAtPercentile(50)));
        s.put(
                "ack_p99_quiet_ms",
                millis(quietLatency.getTotalCount() == 0 ? -1 : quietLatency.getValueAtPercentile(99)));
        s.put("acks_measured", Long.toString(latency.getTotalCount()));
        s.put("server_cpu_avg_pct", pct(average.server()));
        s.put("server_cpu_max_pct", pct(maxServer));
        s.put("server_rss_max_mb", mb(maxServerRssKb));
        s.put("postgres_cpu_avg_pct", pct(average.postgres()));
        s.put("postgres_cpu_max_pct", pct(maxPostgres));
        s.put("postgres_pss_max_mb", mb(maxPostgresPssKb));
        s.put("postgres_processes", Integer.toString(postgresProcesses));
        s.put("harness_cpu_avg_pct", pct(average.harness()));
        s.put("other_cpu_avg_pct", pct(average.other()));
        s.put("machine_cpu_avg_pct", pct(average.machine()));
        s.put("steal_cpu_avg_pct", pct(average.steal()));
        s.put("other_processes", String.join("; ", busiest));
        s.put("cpu_breakdown", String.join("; ", breakdown));
        s.put("pg_commits_per_s", number(work.getOrDefault("commits", -1.0)));
        s.put("pg_wal_syncs_per_s", number(work.getOrDefault("wal_syncs", -1.0)));
        s.put("pg_wal_writes_per_s", number(work.getOrDefault("wal_writes", -1.0)));
        s.put("pg_wal_mb_per_s", String.format(Locale.ROOT, "%.1f", work.getOrDefault("wal_bytes", -1.0) / 1_048_576));
        s.put("machine_cores", Integer.toString(ProcessMonitor.cores()));
        s.put("lost", Long.toString(lost));
        s.put("acked_not_stored", Long.toString(ackedNotStored));
        s.put("distinct_fixes_sent", Long.toString(sent));
        s.put("sustained", Boolean.toString(sustained));

        println("");
        println("=== summary ===");
        row(
                "target",
                "%d terminals, %s positions/s (%s), %s window, JT/T 808-%d",
                options.terminals(),
                number(options.rate()),
                options.batch() == 1 ? "0x0200" : options.batch() + " per 0x0704",
                seconds(options.duration().toNanos()),
                options.version().year());
        row(
                "terminals online",
                "%d of %d at the window's start (refused %s, handshake timeouts %s, connect failures %s,"
                        + " disconnects %s)",
                onlineAtStart,
                options.terminals(),
                s.get("refused"),
                s.get("handshake_timeouts"),
                s.get("connect_failures"),
                s.get("disconnects"));
        if (!stats.failureReasons.isEmpty()) {
            stats.failureReasons.forEach((reason, n) -> row("  failure", "%d × %s", n.sum(), reason));
        }
        row(
                "positions sent",
                "%d (%s/s; %d frames; %s schedule slots skipped)",
                sent,
                s.get("sent_per_s"),
                stats.framesSent.sum(),
                s.get("skipped_slots"));
        row(
                "acknowledged",
                "%d (errors %s, unmatched %s, still outstanding %s after %s drain)",
                acked,
                s.get("ack_errors"),
                s.get("unmatched_acks"),
                s.get("outstanding_after_drain"),
                seconds(options.drain().toNanos()));
        row(
                "stored",
                "%d in monitoring_position (%d when the window closed; %d in the outlier table)",
                stored,
                storedAtWindowEnd,
                outliers);
        row(
                "stored per second",
                "%s (stored / %.0f s window); %s within the window",
                s.get("stored_per_s"),
                window,
                s.get("stored_per_s_within_window"));
        row(
                "ack latency ms",
                "p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  (%d acks)",
                s.get("ack_p50_ms"),
                s.get("ack_p90_ms"),
                s.get("ack_p99_ms"),
                s.get("ack_p999_ms"),
                s.get("ack_max_ms"),
                latency.getTotalCount());
        row(
                "  in quiet seconds",
                "p50 %s  p99 %s  over the %d of %d window seconds in which other processes used < 20 %% CPU",
                s.get("ack_p50_quiet_ms"),
                s.get("ack_p99_quiet_ms"),
                quietSeconds,
                windowUsages.size());
        row(
                "server JVM",
                "CPU %s %% avg, %s %% max (of %d00 %%); RSS max %s MB",
                s.get("server_cpu_avg_pct"),
                s.get("server_cpu_max_pct"),
                ProcessMonitor.cores(),
                s.get("server_rss_max_mb"));
        row(
                "postgres",
                "CPU %s %% avg, %s %% max; PSS max %s MB (%d processes)",
                s.get("postgres_cpu_avg_pct"),
                s.get("postgres_cpu_max_pct"),
                s.get("postgres_pss_max_mb"),
                postgresProcesses);
        row(
                "harness / other / machine",
                "CPU %s %% / %s %% / %s %% avg (of %d00 %%; hypervisor steal %s %%)",
                s.get("harness_cpu_avg_pct"),
                s.get("other_cpu_avg_pct"),
                s.get("machine_cpu_avg_pct"),
                ProcessMonitor.cores(),
                s.get("steal_cpu_avg_pct"));
        row("CPU by thread / process", "%s", breakdown.isEmpty() ? "-" : String.join(", ", breakdown));
        row(
                "postgres work",
                "%s commits/s, %s WAL fsyncs/s, %s WAL writes/s, %s MB/s of WAL (whole cluster)",
                s.get("pg_commits_per_s"),
                s.get("pg_wal_syncs_per_s"),
                s.get("pg_wal_writes_per_s"),
                s.get("pg_wal_mb_per_s"));
        row("busiest other processes", "%s", busiest.isEmpty() ? "none above 1 %" : String.join("; ", busiest));
        if (reminderWindow != null) {
            s.put("reminders", Long.toString(reminderWindow.count()));
            s.put("reminders_heard", Long.toString(stats.textMessages.sum()));
            s.put("reminder_p50_ms", ReminderLatency.format(reminderWindow.percentileMs(50)));
            s.put("reminder_p90_ms", ReminderLatency.format(reminderWindow.percentileMs(90)));
            s.put("reminder_p99_ms", ReminderLatency.format(reminderWindow.percentileMs(99)));
            s.put("reminder_max_ms", ReminderLatency.format(reminderWindow.percentileMs(100)));
            row(
                    "reminder latency ms",
                    "p50 %s  p90 %s  p99 %s  max %s  (%s reminders sent, %s 0x8300 heard; fix arrival to 0x8300"
                            + " leaving the server, by histogram bucket)",
                    s.get("reminder_p50_ms"),
                    s.get("reminder_p90_ms"),
                    s.get("reminder_p99_ms"),
                    s.get("reminder_max_ms"),
                    s.get("reminders"),
                    s.get("reminders_heard"));
        }
        row("lost", "%s (sent - stored)", s.get("lost"));
        row("acked, not stored", "%s (must be 0: an ack promises a commit)", s.get("acked_not_stored"));
        row("duplicates", "none possible: %d stored of %d distinct (terminal, fix time) sent", stored, sent);
        row(
                "verdict",
                "%s",
                sustained
                        ? "SUSTAINED: all online, stored/s >= 99% of target, lost 0, p99 <= 100 ms"
                        : "NOT SUSTAINED (needs all online, stored/s >= 99% of target, lost 0, p99 <= 100 ms)");
        if (db != null && db.activitySamples() > 0) {
            printActivity();
        }
        if (options.summaryFile() != null) {
            StringBuilder text = new StringBuilder();
            s.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            try {
                Files.writeString(options.summaryFile(), text);
            } catch (IOException e) {
                println("cannot write " + options.summaryFile() + ": " + e.getMessage());
            }
        }
        return lost == 0 && ackedNotStored == 0 ? 0 : 1;
    }

    private void printActivity() {
        long samples = db.activitySamples();
        println("");
        println(String.format(
                Locale.ROOT,
                "postgres activity: %d samples of pg_stat_activity every %d ms during the window; the position writer"
                        + " was in a statement in %.0f %% of them. Share of samples with a backend in each state:",
                samples,
                options.pgSampleMillis(),
                100.0 * db.samplesWithWriter() / samples));
        db.activity().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(15)
                .forEach(e -> println(
                        String.format(Locale.ROOT, "  %5.1f %%  %s", 100.0 * e.getValue() / samples, e.getKey())));
    }

    private static void row(String label, String format, Object... args) {
        println(String.format(Locale.ROOT, "%-26s %s", label, String.format(Locale.ROOT, format, args)));
    }

    private static int sum(List<CompletableFuture<Integer>> counts) throws Exception {
        int total = 0;
        for (CompletableFuture<Integer> count : counts) {
            total += count.get(10, TimeUnit.SECONDS);
        }
        return total;
    }

    private static synchronized void println(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static String number(double value) {
        if (value < 0 || Double.isNaN(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private static String millis(double micros) {
        if (micros < 0 || Double.isNaN(micros)) {
            return "-";
        }
        double ms = micros / 1000.0;
        return String.format(Locale.ROOT, ms >= 100 ? "%.0f" : ms >= 10 ? "%.1f" : "%.2f", ms);
    }

    private static String pct(double percent) {
        return percent < 0 ? "-" : String.format(Locale.ROOT, "%.0f", percent);
    }

    private static String mb(long kb) {
        return kb < 0 ? "-" : Long.toString(kb / 1024);
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return String.format(Locale.ROOT, s >= 10 ? "%.0fs" : "%.1fs", s);
    }

    /** The counters at one moment. */
    private record Counts(long positionsSent, long positionsAcked, long framesSent, long framesAcked, long ackErrors) {

        static Counts of(LoadStats stats) {
            return new Counts(
                    stats.positionsSent.sum(),
                    stats.positionsAcked.sum(),
                    stats.framesSent.sum(),
                    stats.framesAcked.sum(),
                    stats.ackErrors.sum());
        }
    }
}
