package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.PageRequest;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.Location;
import org.redwheel.safety.EventType;
import org.redwheel.safety.RuleSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule sets as versioned data: the editor and the API make new versions only from valid values,
 * activation (and rollback) changes the running engine without a restart, and the export is the file
 * the replay command reads.
 */
@RedWheelTest
class RuleSetTests {

    @LocalServerPort
    int port;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    SafetyMonitor safety;

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    Alarms alarms;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    long originalActive;
    String admin;
    String operator;

    @BeforeEach
    void accounts() {
        originalActive = ruleSets.active().id();
        var accounts = new TestAccounts(staffAccounts);
        admin = accounts.create(Role.SYSTEM_ADMIN, DataScope.county());
        operator = accounts.create(Role.MONITORING_OPERATOR, DataScope.county());
    }

    @AfterEach
    void restoreTheActiveVersion() {
        // The shared context's other tests expect the rules they started with.
        ruleSets.activate(originalActive, "test");
    }

    @Test
    void theFirstStartStoresTheEngineDefaultsAsAVersion() {
        RuleSetVersion defaults = ruleSets.list().stream()
                .filter(v -> v.version().equals("default"))
                .findFirst()
                .orElseThrow();
        assertThat(defaults.ruleSet()).isEqualTo(RuleSet.defaults());
        assertThat(defaults.createdBy()).isEqualTo("system");
        assertThat(jdbc.sql("select count(*) from monitoring_rule_set where active")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theExportIsTheFileTheReplayCommandReadsAndEqualsTheActiveSet() {
        RuleSetVersion active = ruleSets.active();
        var web = new WebClient(port);
        web.login(operator, TestAccounts.PASSWORD);
        var console = web.get("/console/rule-sets/" + active.id() + "/export");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains(".properties");
        assertThat(console.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(RuleSet.parse(console.body())).isEqualTo(active.ruleSet());

        String token = web.token(operator, TestAccounts.PASSWORD);
        var api = web.get("/api/v1/monitoring/rule-sets/active/text", token);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(RuleSet.parse(api.body())).isEqualTo(ruleSets.active().ruleSet());

        // What the engine runs: the active version with the test profile's override on top.
        RuleSet running =
                RuleSet.parse(web.get("/console/rule-sets/running/export").body());
        assertThat(running).isEqualTo(safety.rules());
        assertThat(running.rule("realtime.latenessS").value()).isEqualTo("172800");
        assertThat(running.rule("realtime.latenessS").source()).isEqualTo("configuration");
    }

    @Test
    void activatingAVersionChangesTheRunningEngineAtOnceAndRollbackRestoresIt() throws Exception {
        long n = System.nanoTime() % 10_000;
        String plate = "鲁QY" + String.format("%04d", n);
        long vehicle = fleet.registerVehicle(plate, 2, "重型货车", null);
        String phone = "1372" + String.format("%07d", n);
        fleet.registerTerminal(phone, "Y" + n, "RW-T1", "V2013", vehicle);
        var web = new WebClient(port);
        String token = web.token(admin, TestAccounts.PASSWORD);

        var created = web.postJson("/api/v1/monitoring/rule-sets", """
                {"note": "县公安局临时限速通告", "activate": true,
                 "rules": [{"key": "speed.vehicle.HEAVY_TRUCK", "value": "70", "source": "临沭县公安局通告 [test]"}]}
                """, token);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        long strict = body.get("summary").get("id").asLong();
        assertThat(body.get("summary").get("active").asBoolean()).isTrue();
        assertThat(body.get("summary").get("changes").get(0).get("key").asString())
                .isEqualTo("speed.vehicle.HEAVY_TRUCK");
        assertThat(body.get("summary").get("changes").get(0).get("valueBefore").asString())
                .isEqualTo("90");

        // No restart: the engine already runs the new version, with the configuration still on top.
        RuleSet running = safety.rules();
        assertThat(running.version()).isEqualTo(ruleSets.get(strict).version() + "+configuration");
        assertThat(running.rule("speed.vehicle.HEAVY_TRUCK").value()).isEqualTo("70");
        assertThat(running.rule("realtime.latenessS").value()).isEqualTo("172800");

        // 75 km/h for a minute, far from every speed zone: over the new 70 km/h class limit.
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8))
                .truncatedTo(ChronoUnit.SECONDS)
                .minusMinutes(10);
        double[] end;
        try (var terminal = new TestTerminal(gateway.port(), phone, ProtocolVersion.V2013)) {
            terminal.signIn("Y" + n);
            end = TestDrives.driveNorth(terminal, start, 29.50, 106.50, 75, 60, 5);
            await().atMost(Duration.ofSeconds(10)).until(() -> overspeed(plate) != null);
            assertThat(overspeed(plate).limitKmh()).isEqualTo(70);
            assertThat(overspeed(plate).ruleSetVersion())
                    .startsWith(ruleSets.get(strict).version());
            assertThat(TestDrives.statusAfter(safety, vehicle, start.plusSeconds(60))
                            .currentLimitKmh())
                    .isEqualTo(70);

            // Roll back in the console to the version active before.
            web.login(admin, TestAccounts.PASSWORD);
            var rollback =
                    web.postForm("/console/rule-sets", "/console/rule-sets/" + originalActive + "/activate", Map.of());
            assertThat(rollback.statusCode()).isEqualTo(302);
            assertThat(ruleSets.active().id()).isEqualTo(originalActive);
            assertThat(safety.rules().rule("speed.vehicle.HEAVY_TRUCK").value())
                    .isEqualTo(ruleSets.get(originalActive)
                            .ruleSet()
                            .rule("speed.vehicle.HEAVY_TRUCK")
                            .value());
            TestDrives.send(terminal, Location.fix(end[0], end[1], 50, 75, 0, start.plusSeconds(65)));
            assertThat(TestDrives.statusAfter(safety, vehicle, start.plusSeconds(65))
                            .currentLimitKmh())
                    .isEqualTo(90);
        }
        var page = web.get("/console/rule-sets");
        assertThat(page.body())
                .contains("data-version=\"" + ruleSets.get(strict).version() + "\"");
        assertThat(page.body())
                .contains("data-change=\"speed.vehicle.HEAVY_TRUCK\"")
                .contains("90 → 70");
    }

    @Test
    void aBadValueIsRejectedWithItsKeyAndReasonAndNothingIsStored() {
        long versions = count();
        var web = new WebClient(port);
        String token = web.token(admin, TestAccounts.PASSWORD);

        var api = web.postJson("/api/v1/monitoring/rule-sets", """
                {"rules": [{"key": "fatigue.minRestS", "value": "twenty minutes"},
                           {"key": "overspeed.grade.minorPct", "value": "-5"},
                           {"key": "fatigue.nightStart", "value": "25:00"},
                           {"key": "no.such.rule", "value": "1"}]}
                """, token);
        assertThat(api.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(api.body()).get("errors");
        assertThat(errors.findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "fatigue.minRestS", "overspeed.grade.minorPct", "fatigue.nightStart", "no.such.rule");
        assertThat(errors.findValuesAsString("code"))
                .contains(
                        "ruleSet.problem.seconds",
                        "ruleSet.problem.negative",
                        "ruleSet.problem.time",
                        "ruleSet.problem.unknown");

        // A value that breaks a rule between rules: grade bands must rise.
        var bands = web.postJson(
                "/api/v1/monitoring/rule-sets",
                "{\"rules\": [{\"key\": \"overspeed.grade.seriousPct\", \"value\": \"60\"}]}",
                token);
        assertThat(bands.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bands.body()).get("errors").findValuesAsString("code"))
                .containsExactly("ruleSet.problem.grades");

        var bad = web.postJson(
                "/api/v1/monitoring/rule-sets/import",
                "{\"text\": \"version=bad-1\\nfatigue.continuousLimitS=4h # 口头约定\\n\"}",
                token);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("errors").findValuesAsString("field"))
                .containsExactly("fatigue.continuousLimitS");

        web.login(admin, TestAccounts.PASSWORD);
        var form = web.postForm(
                "/console/rule-sets",
                "/console/rule-sets",
                Map.of(
                        "baseId", String.valueOf(ruleSets.active().id()),
                        "value:fatigue.minRestS", "abc",
                        "value:driving.thresholdKmh", "8"));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("data-testid=\"form-errors\"")
                .contains("data-error-for=\"fatigue.minRestS\"")
                .contains("须为不小于0的整数秒");
        assertThat(count()).isEqualTo(versions);
        assertThat(ruleSets.active().id()).isEqualTo(originalActive);
    }

    @Test
    void anEditInTheConsoleBecomesANewVersionAndAnImportedFileAnother() {
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);
        RuleSetVersion base = ruleSets.active();
        String label = "t" + System.nanoTime() % 1_000_000;
        var saved = web.postForm(
                "/console/rule-sets",
                "/console/rule-sets",
                Map.of(
                        "baseId", String.valueOf(base.id()),
                        "version", label,
                        "note", "夜间时段按本县规定",
                        "value:fatigue.nightStart", "21:30",
                        "source:fatigue.nightStart", "[local] 县交通运输局规定"));
        assertThat(saved.statusCode()).isEqualTo(302);
        RuleSetVersion edited = ruleSets.list().stream()
                .filter(v -> v.version().equals(label))
                .findFirst()
                .orElseThrow();
        assertThat(edited.active()).isFalse();
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/console/rule-sets/" + edited.id());
        assertThat(RuleSets.differences(base.ruleSet(), edited.ruleSet()))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.key()).isEqualTo("fatigue.nightStart");
                    assertThat(d.valueAfter()).isEqualTo("21:30");
                    assertThat(d.sourceAfter()).isEqualTo("[local] 县交通运输局规定");
                });
        assertThat(web.get("/console/rule-sets/" + edited.id()).body())
                .contains("data-change=\"fatigue.nightStart\"")
                .contains("22:00 → 21:30");
        // Editing on from that version, which is not the active one.
        assertThat(web.get("/console/rule-sets?base=" + edited.id()).body())
                .contains("name=\"baseId\" value=\"" + edited.id() + "\"")
                .contains("value=\"21:30\"");

        // Its export, edited and imported under another label.
        String exported =
                web.get("/console/rule-sets/" + edited.id() + "/export").body();
        String text = exported.replace("version=" + label, "version=" + label + "-imported")
                .replaceAll("(?m)^fatigue\\.preWarningS=.*$", "fatigue.preWarningS=1500 # [test] 提前25分钟预警");
        String token = web.token(admin, TestAccounts.PASSWORD);
        var imported = web.postJson(
                "/api/v1/monitoring/rule-sets/import",
                json.writeValueAsString(Map.of("text", text, "note", "导入测试")),
                token);
        assertThat(imported.statusCode()).isEqualTo(201);
        long importedId =
                json.readTree(imported.body()).get("summary").get("id").asLong();
        assertThat(ruleSets.get(importedId).ruleSet()).isEqualTo(RuleSet.parse(text));
        assertThat(ruleSets.get(importedId).active()).isFalse();

        var again = web.postJson(
                "/api/v1/monitoring/rule-sets/import", json.writeValueAsString(Map.of("text", text)), token);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json.readTree(again.body()).get("errors").findValuesAsString("code"))
                .containsExactly("ruleSet.version.taken");
    }

    @Test
    void onlyTheSystemAdministratorEditsRuleSets() {
        var web = new WebClient(port);
        web.login(operator, TestAccounts.PASSWORD);
        var page = web.get("/console/rule-sets");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-rule=\"fatigue.continuousLimitS\"")
                .doesNotContain("save-rule-set");
        long versions = count();
        assertThat(web.postForm(
                                "/console/rule-sets",
                                "/console/rule-sets",
                                Map.of("baseId", String.valueOf(originalActive), "value:fatigue.minRestS", "900"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(web.postForm("/console/rule-sets", "/console/rule-sets/" + originalActive + "/activate", Map.of())
                        .statusCode())
                .isEqualTo(403);
        String token = web.token(operator, TestAccounts.PASSWORD);
        assertThat(web.get("/api/v1/monitoring/rule-sets", token).statusCode()).isEqualTo(200);
        assertThat(web.get("/v3/api-docs", token).body())
                .contains("/api/v1/monitoring/rule-sets/{id}/activate")
                .contains("/api/v1/monitoring/speed-zones/{id}");
        assertThat(web.postJson(
                                "/api/v1/monitoring/rule-sets",
                                "{\"rules\": [{\"key\": \"fatigue.minRestS\", \"value\": \"900\"}]}",
                                token)
                        .statusCode())
                .isEqualTo(403);
        assertThat(count()).isEqualTo(versions);

        String countyAdmin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var county = new WebClient(port);
        county.login(countyAdmin, TestAccounts.PASSWORD);
        assertThat(county.get("/console/rule-sets").statusCode()).isEqualTo(403);
    }

    @Test
    void theEditorDescribesEveryRuleAndShowsTheConfiguredOverride() {
        var web = new WebClient(port);
        web.login(admin, TestAccounts.PASSWORD);
        String page = web.get("/console/rule-sets").body();
        for (RuleSet.Rule rule : RuleSet.defaults().rules()) {
            assertThat(page).contains("data-rule=\"" + rule.key() + "\"");
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertThat(messages.getMessage("ruleSet.rule." + rule.key(), null, null, locale))
                        .as(rule.key() + " in " + locale)
                        .isNotBlank();
                String group = rule.key().substring(0, rule.key().indexOf('.'));
                assertThat(messages.getMessage("ruleSet.group." + group, null, null, locale))
                        .isNotBlank();
            }
        }
        assertThat(page).contains("白天连续驾驶时限").contains("由配置覆盖：实际按 172800 运行").contains("data-testid=\"save-rule-set\"");
        assertThat(web.get("/console/rule-sets?lang=en").body()).contains("Continuous driving limit by day");
    }

    private long count() {
        return jdbc.sql("select count(*) from monitoring_rule_set")
                .query(Long.class)
                .single();
    }

    private Alarm overspeed(String plate) {
        return alarms
                .search(
                        DataScope.county(),
                        new Alarms.Filter(EventType.OVERSPEED.name(), null, plate, null, null, false),
                        new PageRequest(0, 5, "start", false))
                .content()
                .stream()
                .findFirst()
                .orElse(null);
    }
}
