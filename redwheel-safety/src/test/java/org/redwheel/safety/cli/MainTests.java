package org.redwheel.safety.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTests {

    static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    /** A daytime drive with no rest: a fix every 30 s at 60 km/h from 08:00, heading north. */
    static String drive(String vehicle, String start, int minutes) {
        StringBuilder csv = new StringBuilder("vehicle,time,lat,lon,speed_kmh\n");
        LocalDateTime time = LocalDateTime.parse(start);
        for (int i = 0; i <= minutes * 2; i++) {
            double lat = 35 + i * 500 / METRES_PER_DEGREE;
            csv.append(vehicle)
                    .append(',')
                    .append(time.plusSeconds(30L * i))
                    .append("+08:00,")
                    .append(String.format("%.6f", lat))
                    .append(",118.3,60\n");
        }
        return csv.toString();
    }

    @Test
    void replaysAFourHourTenMinuteDriveIntoOnePreWarningAndOneFatigue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("drive.csv");
        Files.writeString(file, drive("鲁Q12345", "2024-05-06T08:00", 250));

        int status = run("", "replay", file.toString());

        assertThat(lines())
                .satisfiesExactly(
                        first -> assertThat(first)
                                .startsWith("{\"type\":\"FATIGUE_PRE_WARNING\",\"vehicle\":\"鲁Q12345\","
                                        + "\"start\":\"2024-05-06T11:30:00+08:00\",\"end\":\"2024-05-06T12:00:00+08:00\","
                                        + "\"phase\":\"CLOSED\",\"realtime\":true,")
                                .contains("\"continuousDrivingS\":14400"),
                        second -> assertThat(second)
                                .startsWith(
                                        "{\"type\":\"FATIGUE\",\"vehicle\":\"鲁Q12345\","
                                                + "\"start\":\"2024-05-06T12:00:00+08:00\",\"phase\":\"OPENED\",\"realtime\":true,")
                                .contains("\"continuousDrivingS\":14400,\"ruleSet\":\"default\"")
                                .doesNotContain("\"end\""));
        assertThat(status).isZero();
    }

    @Test
    void readsStandardInputReportsBadLinesAndCarriesOn() {
        String csv = drive("V1", "2024-05-06T08:00", 250)
                .replace("\nV1,2024-05-06T09:00+08:00", "\nV1,09:00,oops\nV1,2024-05-06T09:00+08:00");

        int status = run(csv, "replay");

        List<String> lines = lines();
        assertThat(lines.get(0)).isEqualTo("{\"error\":\"expected 5 columns, found 3\",\"line\":122}");
        assertThat(lines.subList(1, lines.size()))
                .extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("{\"type\":\"FATIGUE_PRE_WARNING\"", "{\"type\":\"FATIGUE\"");
        assertThat(status).isEqualTo(1);
    }

    @Test
    void readsOptionalColumnsInAnyOrder() {
        String csv = "time,vehicle,lat,lon,speed_kmh,driver,alarm_flags,heading\n"
                + "2024-05-06T08:00:00+08:00,V1,35,118.3,0,D1,0x1,90\n"
                + "2024-05-06T08:00:30+08:00,V1,35,118.3,0,D1,0,90\n";

        run(csv, "replay");

        assertThat(lines())
                .containsExactly("{\"type\":\"TERMINAL_ALARM\",\"vehicle\":\"V1\",\"driver\":\"D1\","
                        + "\"start\":\"2024-05-06T08:00:00+08:00\",\"end\":\"2024-05-06T08:00:00+08:00\",\"phase\":\"CLOSED\","
                        + "\"realtime\":true,\"lat\":35,\"lon\":118.3,\"terminalAlarmBit\":0,\"ruleSet\":\"default\","
                        + "\"id\":\"V1/TERMINAL_ALARM/0/1714953600\"}");
    }

    @Test
    void takesARuleSetInTheExportFormat(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules.properties");
        Files.writeString(rules, "version=2024.2\nfatigue.continuousLimitS=10800 # [local] stricter\n");

        run(drive("V1", "2024-05-06T08:00", 190), "replay", "--rules", rules.toString());

        assertThat(lines())
                .extracting(line -> line.substring(0, line.indexOf(",\"phase\"")))
                .containsExactly(
                        "{\"type\":\"FATIGUE_PRE_WARNING\",\"vehicle\":\"V1\",\"start\":\"2024-05-06T10:30:00+08:00\","
                                + "\"end\":\"2024-05-06T11:00:00+08:00\"",
                        "{\"type\":\"FATIGUE\",\"vehicle\":\"V1\",\"start\":\"2024-05-06T11:00:00+08:00\"");
        assertThat(lines()).allSatisfy(line -> assertThat(line).contains("\"ruleSet\":\"2024.2\""));
    }

    @Test
    void refusesABadRuleSetAndBadUsage(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules.properties");
        Files.writeString(rules, "version=2024.2\nfatigue.minRestS=abc\n");

        assertThat(run("", "replay", "--rules", rules.toString())).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("line 2: fatigue.minRestS: not a whole number of seconds");
        assertThat(run("", "decode")).isEqualTo(2);
        assertThat(run("", "replay", "--speed")).isEqualTo(2);
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsStopsTheReplay() {
        int status = run("vehicle,lat,lon\nV1,35,118\n", "replay");

        assertThat(lines())
                .containsExactly("{\"error\":\"header lacks time,speed_kmh (expected at least "
                        + "vehicle,time,lat,lon,speed_kmh)\",\"line\":1}");
        assertThat(status).isEqualTo(2);
    }

    @Test
    void silencesShowAsOfflineOnTheReplaysClockButNotAfterTheEnd() {
        String csv = "vehicle,time,lat,lon,speed_kmh\n"
                + "V1,2024-05-06T08:00:00+08:00,35,118.3,0\n"
                + "V2,2024-05-06T08:00:00+08:00,36,118.3,0\n"
                + "V2,2024-05-06T09:30:00+08:00,36,118.3,0\n";

        run(csv, "replay");

        assertThat(lines())
                .extracting(line -> line.substring(0, line.indexOf(",\"phase\"")))
                .containsExactly(
                        "{\"type\":\"OFFLINE\",\"vehicle\":\"V1\",\"start\":\"2024-05-06T08:00:00+08:00\"",
                        "{\"type\":\"OFFLINE\",\"vehicle\":\"V2\",\"start\":\"2024-05-06T08:00:00+08:00\","
                                + "\"end\":\"2024-05-06T09:30:00+08:00\"");
    }

    private int run(String input, String... args) {
        stdout.reset();
        stderr.reset();
        return Main.run(
                args,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        String out = stdout.toString(StandardCharsets.UTF_8);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
}
