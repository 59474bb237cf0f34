package org.redwheel.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own measure of real-time reminders: the histogram {@code redwheel.reminder.latency}
 * (from the arrival of the fix that caused a reminder to its 0x8300 leaving the server), read from
 * {@code /actuator/prometheus} with a system administrator's API token before and after the window,
 * so the percentiles are those of the window's reminders only. A percentile is reported as the upper
 * bound of the histogram bucket it falls in.
 */
final class ReminderLatency {

    private static final String METRIC = "redwheel_reminder_latency_seconds";
    private static final Pattern BUCKET = Pattern.compile(METRIC + "_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)");
    private static final Pattern COUNT = Pattern.compile(METRIC + "_count(?:\\{[^}]*})? ([0-9.eE+]+)");

    /** Cumulative counts by bucket upper bound (seconds; infinity last) and the total. */
    record Snapshot(TreeMap<Double, Long> buckets, long count) {

        Snapshot minus(Snapshot before) {
            TreeMap<Double, Long> diff = new TreeMap<>();
            buckets.forEach((le, n) -> diff.put(le, n - before.buckets.getOrDefault(le, 0L)));
            return new Snapshot(diff, count - before.count);
        }

        /** The bucket bound (ms) under which the given share of reminders lies; NaN when none. */
        double percentileMs(double percentile) {
            if (count == 0) {
                return Double.NaN;
            }
            double rank = Math.ceil(percentile / 100 * count);
            for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
                if (bucket.getValue() >= rank) {
                    return bucket.getKey() * 1000;
                }
            }
            return Double.POSITIVE_INFINITY;
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    private ReminderLatency(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * Signs in as the system administrator named in a demo credentials file (lines of {@code user
     * password ROLE}).
     */
    static ReminderLatency connect(String url, Path credentials) throws IOException, InterruptedException {
        String user = null;
        String password = null;
        for (String line : Files.readAllLines(credentials)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3 && parts[2].equals("SYSTEM_ADMIN")) {
                user = parts[0];
                password = parts[1];
            }
        }
        if (user == null) {
            throw new IOException("no SYSTEM_ADMIN account in " + credentials);
        }
        URI base = URI.create(url.endsWith("/") ? url : url + "/");
        String body = "{\"username\":\"" + json(user) + "\",\"password\":\"" + json(password) + "\"}";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("api/v1/auth/token"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher token =
                Pattern.compile("\"access_?[tT]oken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IOException("token request answered " + response.statusCode() + ": " + response.body());
        }
        return new ReminderLatency(base, token.group(1));
    }

    Snapshot snapshot() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("actuator/prometheus"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("/actuator/prometheus answered " + response.statusCode());
        }
        return parse(response.body());
    }

    static Snapshot parse(String exposition) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        long count = 0;
        for (String line : exposition.split("\n")) {
            Matcher bucket = BUCKET.matcher(line);
            if (bucket.lookingAt()) {
                String le = bucket.group(1);
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.merge(bound, (long) Double.parseDouble(bucket.group(2)), Long::sum);
                continue;
            }
            Matcher total = COUNT.matcher(line);
            if (total.lookingAt()) {
                count += (long) Double.parseDouble(total.group(1));
            }
        }
        return new Snapshot(buckets, count);
    }

    static String format(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        return Double.isInfinite(ms) ? "> 10 s" : String.format(Locale.ROOT, "≤ %.0f", ms);
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
