package org.redwheel.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CPU and memory of the server JVM, its PostgreSQL (the postmaster and all its children: backends,
 * WAL writer, checkpointer, ...), the harness itself and the whole machine, from {@code /proc}.
 * Linux only; where a figure cannot be read it is -1.
 *
 * <p>CPU is in percent of one core, as {@code top} shows it: 200 % is both cores of a 2-core
 * machine. PostgreSQL's CPU counts its live processes plus the children it has reaped ({@code
 * cutime}/{@code cstime} of the postmaster), so backends that come and go are not missed. Its
 * memory is the sum of the processes' PSS (proportional set size: shared buffers counted once, not
 * once per backend); the JVM's is its RSS.
 */
final class ProcessMonitor {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

    private final long serverPid;
    private final long postmasterPid;
    private final long selfPid = ProcessHandle.current().pid();

    /** One reading: cumulative CPU ticks and current memory. */
    record Sample(
            long nanos,
            long serverTicks,
            long postgresTicks,
            long selfTicks,
            long machineIdleTicks,
            long machineStealTicks,
            long machineTotalTicks,
            long serverRssKb,
            long postgresPssKb,
            int postgresProcesses) {}

    /** CPU in percent of one core between two samples. */
    record Usage(double server, double postgres, double harness, double machine, double other, double steal) {}

    ProcessMonitor(long serverPid, long postmasterPid) {
        this.serverPid = serverPid;
        this.postmasterPid = postmasterPid;
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    Sample sample() {
        long now = System.nanoTime();
        long server = serverPid > 0 ? ticks(serverPid, false) : -1;
        long postgres = -1;
        long pss = -1;
        int processes = 0;
        if (postmasterPid > 0) {
            long master = ticks(postmasterPid, true);
            if (master >= 0) {
                postgres = master;
                pss = pssKb(postmasterPid);
                processes = 1;
                for (long child : children(postmasterPid)) {
                    long t = ticks(child, false);
                    if (t >= 0) {
                        postgres += t;
                        long p = pssKb(child);
                        if (p > 0) {
                            pss += p;
                        }
                        processes++;
                    }
                }
            }
        }
        long[] machine = machineTicks();
        return new Sample(
                now,
                server,
                postgres,
                ticks(selfPid, false),
                machine[0],
                machine[1],
                machine[2],
                serverPid > 0 ? statusKb(serverPid, "VmRSS:") : -1,
                pss,
                processes);
    }

    static Usage usage(Sample from, Sample to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        if (seconds <= 0) {
            return new Usage(-1, -1, -1, -1, -1, -1);
        }
        double server = percent(from.serverTicks(), to.serverTicks(), seconds);
        double postgres = percent(from.postgresTicks(), to.postgresTicks(), seconds);
        double harness = percent(from.selfTicks(), to.selfTicks(), seconds);
        long total = to.machineTotalTicks() - from.machineTotalTicks();
        // busy = wall time x cores - idle - steal: with a tickless kernel the idle time is exact while
        // user and system time are sampled by the tick and undercount short bursts at light load
        double idle = total <= 0
                ? -1
                : 100.0 * (to.machineIdleTicks() - from.machineIdleTicks()) / TICKS_PER_SECOND / seconds;
        double steal = total <= 0
                ? -1
                : 100.0 * (to.machineStealTicks() - from.machineStealTicks()) / TICKS_PER_SECOND / seconds;
        double machine = idle < 0 ? -1 : Math.max(0, 100.0 * cores() - idle - steal);
        double other = machine < 0 ? -1 : machine - Math.max(0, server) - Math.max(0, postgres) - Math.max(0, harness);
        return new Usage(server, postgres, harness, machine, Math.max(0, other), steal);
    }

    private static double percent(long from, long to, double seconds) {
        if (from < 0 || to < 0) {
            return -1;
        }
        return Math.max(0, 100.0 * (to - from) / TICKS_PER_SECOND / seconds);
    }

    /** utime + stime (+ cutime + cstime), or -1 when the process is gone. */
    private static long ticks(long pid, boolean withReapedChildren) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            return -1;
        }
        // the command may contain spaces and parentheses: fields start after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state): utime is field 14 -> f[11], stime f[12], cutime f[13], cstime f[14]
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks;
    }

    private static long ppid(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            return -1;
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[1]);
    }

    private static List<Long> children(long parent) {
        List<Long> children = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                    long pid = Long.parseLong(name);
                    if (ppid(pid) == parent) {
                        children.add(pid);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process list that cannot be read: no children counted
        }
        return children;
    }

    private static long pssKb(long pid) {
        String rollup = read(Path.of("/proc", Long.toString(pid), "smaps_rollup"));
        if (rollup == null) {
            return statusKb(pid, "VmRSS:");
        }
        return field(rollup, "Pss:");
    }

    private static long statusKb(long pid, String key) {
        String status = read(Path.of("/proc", Long.toString(pid), "status"));
        return status == null ? -1 : field(status, key);
    }

    private static long field(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int start = at + key.length();
        int end = text.indexOf('\n', start);
        String value = text.substring(start, end < 0 ? text.length() : end)
                .replace("kB", "")
                .trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {idle + iowait, steal, total} jiffies of all CPUs. */
    private static long[] machineTicks() {
        String stat = read(Path.of("/proc/stat"));
        if (stat == null) {
            return new long[] {-1, -1, -1};
        }
        String[] f = stat.substring(0, stat.indexOf('\n')).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        return new long[] {idle, steal, total};
    }

    /**
     * CPU ticks of every process now (its own plus those of its children that have ended), with its
     * command line, to tell afterwards what else was busy.
     */
    static Map<Long, Map.Entry<String, Long>> allProcesses() {
        Map<Long, Map.Entry<String, Long>> all = new HashMap<>();
        try (var entries = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                long pid = Long.parseLong(name);
                // with reaped children: a build's short-lived processes show up in their parent
                long ticks = ticks(pid, true);
                String cmd = read(entry.resolve("cmdline"));
                if (ticks < 0 || cmd == null) {
                    continue;
                }
                cmd = cmd.replace('\0', ' ').trim();
                if (cmd.isEmpty()) {
                    String stat = read(entry.resolve("stat"));
                    cmd = stat == null ? "?" : stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                }
                all.put(pid, Map.entry(cmd.length() > 100 ? cmd.substring(0, 100) + "…" : cmd, ticks));
            }
        } catch (IOException | RuntimeException e) {
            // nothing to say
        }
        return all;
    }

    /** The processes other than {@code ours} that used the most CPU between two snapshots, as "pct% pid cmd". */
    static List<String> busiest(
            Map<Long, Map.Entry<String, Long>> before,
            Map<Long, Map.Entry<String, Long>> after,
            double seconds,
            Set<Long> ours,
            int limit) {
        List<Map.Entry<String, Double>> found = new ArrayList<>();
        after.forEach((pid, now) -> {
            if (ours.contains(pid)) {
                return;
            }
            Map.Entry<String, Long> then = before.get(pid);
            long ticks = now.getValue() - (then == null ? 0 : then.getValue());
            double percent = 100.0 * ticks / TICKS_PER_SECOND / seconds;
            if (percent >= 1) {
                found.add(Map.entry(pid + " " + now.getKey(), percent));
            }
        });
        found.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, found.size()); i++) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%.0f%% %s",
                    found.get(i).getValue(),
                    found.get(i).getKey()));
        }
        return lines;
    }

    /**
     * CPU ticks of the server JVM's threads by name (numbers at the end of a name dropped, so the
     * event loops or GC threads add up), and of PostgreSQL's processes by role (backends, WAL
     * writer, checkpointer, ...), keyed "server: name" and "postgres: role".
     */
    Map<String, Long> breakdown() {
        Map<String, Long> ticks = new HashMap<>();
        if (serverPid > 0) {
            try (var tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(serverPid), "task"))) {
                for (Path task : tasks) {
                    String stat = read(task.resolve("stat"));
                    if (stat == null) {
                        continue;
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    name = name.replaceAll("[-#_ ]?\\d+$", "");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge("server: " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                }
            } catch (IOException | RuntimeException e) {
                // no breakdown
            }
        }
        if (postmasterPid > 0) {
            long master = ticks(postmasterPid, true);
            if (master >= 0) {
                ticks.merge("postgres: postmaster and ended children", master, Long::sum);
            }
            for (long child : children(postmasterPid)) {
                String cmd = read(Path.of("/proc", Long.toString(child), "cmdline"));
                long t = ticks(child, false);
                if (cmd == null || t < 0) {
                    continue;
                }
                cmd = cmd.replace('\0', ' ').trim();
                String role = cmd.startsWith("postgres: ") ? cmd.substring("postgres: ".length()) : cmd;
                if (role.matches("\\S+ \\S+ \\S+\\(\\d+\\).*")) {
                    role = "client backends";
                }
                ticks.merge("postgres: " + role.trim(), t, Long::sum);
            }
        }
        return ticks;
    }

    /** The biggest CPU users between two {@link #breakdown}s, as "pct% name". */
    static List<String> breakdownUsage(Map<String, Long> before, Map<String, Long> after, double seconds, int limit) {
        List<Map.Entry<String, Double>> found = new ArrayList<>();
        after.forEach((name, ticks) -> {
            long delta = ticks - before.getOrDefault(name, 0L);
            double percent = 100.0 * delta / TICKS_PER_SECOND / seconds;
            if (percent >= 0.5) {
                found.add(Map.entry(name, percent));
            }
        });
        found.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, found.size()); i++) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%.0f%% %s",
                    found.get(i).getValue(),
                    found.get(i).getKey()));
        }
        return lines;
    }

    /** The postmaster and its children now. */
    Set<Long> postgresPids() {
        Set<Long> pids = new HashSet<>();
        if (postmasterPid > 0) {
            pids.add(postmasterPid);
            pids.addAll(children(postmasterPid));
        }
        return pids;
    }

    /** Processes other than ours that look like a Maven build or test run (to say what else ran). */
    static List<String> otherBusyProcesses(long... ours) {
        List<String> found = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                long pid = Long.parseLong(name);
                boolean mine = pid == ProcessHandle.current().pid();
                for (long o : ours) {
                    mine |= pid == o;
                }
                if (mine) {
                    continue;
                }
                String cmd = read(entry.resolve("cmdline"));
                if (cmd == null) {
                    continue;
                }
                cmd = cmd.replace('\0', ' ').trim();
                if (cmd.contains("surefire") || cmd.contains("plexus-classworlds") || cmd.contains("maven-wrapper")) {
                    String shown = cmd.length() > 120 ? cmd.substring(0, 120) + "…" : cmd;
                    found.add(pid + " " + shown);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to say
        }
        return found;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
