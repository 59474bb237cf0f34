package org.redwheel.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redwheel.sim.Fleet;

/**
 * The server's database as the harness sees it: which terminal ids the trucks have, the first fix
 * second that no stored fix of theirs has reached, how many of the run's fixes are stored, and what
 * the server's backends are doing ({@code pg_stat_activity}). Two connections of its own, one for
 * counting and one for sampling, so a slow count does not hold up the samples; both are left out
 * of the samples.
 */
final class PositionDatabase implements AutoCloseable {

    private final Connection counting;
    private final Connection sampling;
    private final List<Integer> ownPids = new ArrayList<>();
    private long minId;
    private long maxId;
    private Long[] ids;
    private boolean contiguous;
    private Instant firstFix;
    private PreparedStatement count;
    private PreparedStatement sample;

    private final Map<String, Long> activity = new HashMap<>();
    private long activitySamples;
    private long samplesWithWriter;

    PositionDatabase(String url, String user, String password) throws SQLException {
        this.counting = DriverManager.getConnection(url, user, password);
        this.sampling = DriverManager.getConnection(url, user, password);
        for (Connection c : List.of(counting, sampling)) {
            try (var s = c.createStatement();
                    var rs = s.executeQuery("select pg_backend_pid()")) {
                rs.next();
                ownPids.add(rs.getInt(1));
            }
        }
    }

    /**
     * The ids of trucks {@code first} .. {@code first + count - 1} in {@code fleet_terminal} (active
     * ones). Returns how many were found.
     */
    int resolveTerminals(int first, int count) throws SQLException {
        String[] phones = new String[count];
        for (int i = 0; i < count; i++) {
            phones[i] = Fleet.phone(first + i).replaceFirst("^0+", "");
        }
        List<Long> found = new ArrayList<>(count);
        try (var statement = counting.prepareStatement(
                "select id from fleet_terminal where active and phone = any(?) order by id")) {
            statement.setArray(1, counting.createArrayOf("text", phones));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        }
        if (!found.isEmpty()) {
            minId = found.get(0);
            maxId = found.get(found.size() - 1);
            contiguous = maxId - minId + 1 == found.size();
            ids = found.toArray(Long[]::new);
        }
        return found.size();
    }

    long minId() {
        return minId;
    }

    long maxId() {
        return maxId;
    }

    /**
     * The first fix second of this run: {@code notBefore}, or one second after the newest stored fix
     * of these terminals at or after it, so no fix of this run collides with an earlier run's.
     */
    Instant chooseFirstFix(Instant notBefore) throws SQLException {
        Instant newest = null;
        for (String table : List.of("monitoring_position", "monitoring_position_outlier")) {
            try (var statement = counting.prepareStatement(
                    "select max(fix_time) from " + table + " where " + terminalPredicate() + " and fix_time >= ?")) {
                int next = bindTerminals(statement, 1);
                statement.setTimestamp(next, Timestamp.from(notBefore));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    Timestamp max = rs.getTimestamp(1);
                    if (max != null && (newest == null || max.toInstant().isAfter(newest))) {
                        newest = max.toInstant();
                    }
                }
            }
        }
        firstFix = newest == null ? notBefore : newest.plusSeconds(1);
        count = counting.prepareStatement(
                "select count(*) from monitoring_position where " + terminalPredicate() + " and fix_time >= ?");
        int next = bindTerminals(count, 1);
        count.setTimestamp(next, Timestamp.from(firstFix));
        return firstFix;
    }

    /** The run's fixes stored in the position partitions so far. */
    long countStored() throws SQLException {
        synchronized (counting) {
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Rows inserted into the position partitions so far by anyone, from PostgreSQL's statistics
     * (each backend flushes its counts about once a second): a cheap live figure, not an exact one.
     */
    long insertedSoFar() throws SQLException {
        synchronized (counting) {
            try (var s = counting.createStatement();
                    var rs = s.executeQuery("select coalesce(sum(s.n_tup_ins), 0) from pg_stat_user_tables s"
                            + " join pg_inherits i on i.inhrelid = s.relid"
                            + " where i.inhparent = 'monitoring_position'::regclass")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The run's fixes the server put aside as outliers (fix time outside the partition window). */
    long countOutliers() throws SQLException {
        synchronized (counting) {
            return countOutliersNow();
        }
    }

    private long countOutliersNow() throws SQLException {
        try (var statement = counting.prepareStatement("select count(*) from monitoring_position_outlier where "
                + terminalPredicate() + " and fix_time >= ?")) {
            int next = bindTerminals(statement, 1);
            statement.setTimestamp(next, Timestamp.from(firstFix));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The server's PostgreSQL: the postmaster's pid from its data directory, or 0. */
    long postmasterPid() {
        try (var s = sampling.createStatement();
                var rs = s.executeQuery("show data_directory")) {
            rs.next();
            Path pidFile = Path.of(rs.getString(1), "postmaster.pid");
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * PostgreSQL's cumulative work counters: commits of this database, WAL bytes, WAL writes and WAL
     * fsyncs of the cluster ({@code pg_stat_database}, {@code pg_stat_wal}); empty if unreadable.
     */
    Map<String, Long> workCounters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        synchronized (sampling) {
            try (var s = sampling.createStatement();
                    var rs = s.executeQuery("select d.xact_commit, w.wal_bytes, w.wal_write, w.wal_sync"
                            + " from pg_stat_database d, pg_stat_wal w where d.datname = current_database()")) {
                if (rs.next()) {
                    counters.put("commits", rs.getLong(1));
                    counters.put("wal_bytes", rs.getLong(2));
                    counters.put("wal_writes", rs.getLong(3));
                    counters.put("wal_syncs", rs.getLong(4));
                }
            } catch (SQLException e) {
                // left out of the summary
            }
        }
        return counters;
    }

    /** Settings that decide what a commit costs, for the report. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        try (var s = sampling.createStatement();
                var rs = s.executeQuery("select name, setting, coalesce(unit, '') from pg_settings where name in "
                        + "('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_wal_size', "
                        + "'commit_delay', 'full_page_writes') order by name")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2) + rs.getString(3));
            }
        } catch (SQLException e) {
            settings.put("error", e.getMessage());
        }
        return settings;
    }

    /**
     * One look at what the application's backends are doing. Each backend that is not idle adds one
     * to "statement kind | state | wait event"; samples in which no backend works on positions add
     * one to the writer's "not in the database" count.
     */
    void sampleActivity() throws SQLException {
        synchronized (sampling) {
            sampleActivityNow();
        }
    }

    private void sampleActivityNow() throws SQLException {
        if (sample == null) {
            sample = sampling.prepareStatement(
                    "select state, coalesce(wait_event_type || ':' || wait_event, 'CPU'), left(query, 80) "
                            + "from pg_stat_activity where backend_type = 'client backend' "
                            + "and datname = current_database() and pid <> all(?) and state <> 'idle'");
            sample.setArray(1, sampling.createArrayOf("int4", ownPids.toArray()));
        }
        boolean writer = false;
        try (ResultSet rs = sample.executeQuery()) {
            while (rs.next()) {
                String state = rs.getString(1);
                String kind = kind(rs.getString(3));
                if (kind.startsWith("position ")) {
                    writer = true;
                }
                String wait = state.equals("active") ? rs.getString(2) : "-";
                activity.merge(kind + " | " + state + " | " + wait, 1L, Long::sum);
            }
        }
        activitySamples++;
        if (writer) {
            samplesWithWriter++;
        }
    }

    long activitySamples() {
        return activitySamples;
    }

    long samplesWithWriter() {
        return samplesWithWriter;
    }

    Map<String, Long> activity() {
        synchronized (sampling) {
            return new HashMap<>(activity);
        }
    }

    /** Groups the statements the server runs. */
    static String kind(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (q.startsWith("copy monitoring_position_staging")) {
            return "position COPY into staging";
        }
        if (q.startsWith("insert into monitoring_position_outlier")) {
            return "position INSERT outliers";
        }
        if (q.startsWith("insert into monitoring_position select")) {
            return "position INSERT staging->partitions";
        }
        if (q.startsWith("create temp table if not exists monitoring_position_staging")) {
            return "position CREATE TEMP staging";
        }
        if (q.startsWith("create table if not exists monitoring_position_p")) {
            return "position CREATE partition";
        }
        if (q.equals("commit")) {
            // in a load test only the position writer runs transactions that end with COMMIT
            return "position COMMIT";
        }
        if (q.startsWith("insert into monitoring_terminal_state")) {
            return "terminal state upsert";
        }
        if (q.contains("fleet_terminal")) {
            return "fleet look-up";
        }
        return "other: " + (q.length() > 40 ? q.substring(0, 40) : q);
    }

    private String terminalPredicate() {
        return contiguous ? "terminal_id between ? and ?" : "terminal_id = any(?)";
    }

    private int bindTerminals(PreparedStatement statement, int index) throws SQLException {
        if (contiguous) {
            statement.setLong(index, minId);
            statement.setLong(index + 1, maxId);
            return index + 2;
        }
        Array array = statement.getConnection().createArrayOf("int8", ids);
        statement.setArray(index, array);
        return index + 1;
    }

    @Override
    public void close() {
        for (Connection c : List.of(counting, sampling)) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
