package org.redwheel.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.Location;

class MainTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void runsAFleetForItsDurationPrintingStatisticsAndTexts() {
        try (TestPlatform platform = TestPlatform.start()) {
            platform.greetOnAuthentication("欢迎加入红色方向盘");

            int status = run(
                    "--port", String.valueOf(platform.port()),
                    "--trucks", "2",
                    "--version", "2019",
                    "--compression", "600",
                    "--duration", "1500ms",
                    "--stats-every", "400ms",
                    "--ramp-up", "0s");

            assertThat(status).isZero();
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed)
                    .contains("鲁QA0001 013900000001 欢迎加入红色方向盘")
                    .contains("鲁QA0002 013900000002 欢迎加入红色方向盘")
                    .contains("online 2/2")
                    .contains("final ");
            assertThat(platform.fixes())
                    .extracting(TestPlatform.ReceivedFix::phone)
                    .contains("00000000013900000001");
        }
    }

    @Test
    void explainsItsUsageOnABadOption() {
        int status = run("--trucks", "many");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--trucks", "usage:");
    }

    @Test
    void readsDurationsInShortAndIsoForms() {
        assertThat(Main.Arguments.duration("--duration", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Main.Arguments.duration("--duration", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Main.Arguments.duration("--duration", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Main.Arguments.duration("--duration", "PT10M")).isEqualTo(Duration.ofMinutes(10));
        assertThatIllegalArgumentException().isThrownBy(() -> Main.Arguments.duration("--duration", "10x"));
    }

    @Test
    void readsTheIssuesExampleCommandLine() {
        Main.Arguments arguments = Main.Arguments.parse(new String[] {
            "--host",
            "127.0.0.1",
            "--port",
            "7611",
            "--trucks",
            "30",
            "--version",
            "2013",
            "--compression",
            "60",
            "--duration",
            "10m",
            "--scenario",
            "long-drive",
            "--corrupt",
            "0.01",
            "--split",
            "--coalesce",
            "--disconnect-every",
            "500",
            "--seed",
            "42"
        });

        assertThat(arguments.trucks()).isEqualTo(30);
        assertThat(arguments.version()).isEqualTo(ProtocolVersion.V2013);
        assertThat(arguments.scenario()).isEqualTo(Scenario.LONG_DRIVE);
        assertThat(arguments.faults()).isEqualTo(new FaultInjector(0.01, true, true, 500, 0));
        assertThat(arguments.seed()).isEqualTo(42);
    }

    @Test
    void startsSimulatedTimeSoThatTheRunEndsByNow() {
        Instant now = Instant.parse("2026-03-15T12:00:00Z");
        String[] tenMinutesAt60 = {"--compression", "60", "--duration", "10m"};

        SimulatorOptions routes = Main.Arguments.parse(tenMinutesAt60).options(now);
        SimulatorOptions longDrive = Main.Arguments.parse(
                        new String[] {"--compression", "60", "--duration", "10m", "--scenario", "long-drive"})
                .options(now);

        assertThat(routes.simulatedStart()).isEqualTo(now.minus(Duration.ofHours(10)));
        OffsetDateTime longDriveStart = OffsetDateTime.ofInstant(longDrive.simulatedStart(), Location.GMT8);
        assertThat(longDriveStart.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(longDrive.simulatedStart().plus(Duration.ofHours(10))).isBeforeOrEqualTo(now);
    }

    private int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new CountDownLatch(1));
    }
}
