package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.Location;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Track playback over the REST API, with fixes a terminal sent over a real socket at times the test
 * chooses (three days ago, so no reminder is spoken to the test's terminal).
 */
@RedWheelTest
class TrackApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    Alarms alarms;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    static OffsetDateTime threeDaysAgo() {
        return OffsetDateTime.now(Location.GMT8).minusDays(3).truncatedTo(ChronoUnit.MINUTES);
    }

    String operatorToken(WebClient web) {
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        return web.token(operator, TestAccounts.PASSWORD);
    }

    static String track(long vehicle, Object from, Object to) {
        return "/api/v1/vehicles/" + vehicle + "/track?from=" + encode(from) + "&to=" + encode(to);
    }

    static String encode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    JsonNode read(String body) {
        return json.readTree(body);
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Test
    void givesTheFixesInTimeOrderWithTheirAlarmsMarkedAndWhatTheyAddUpTo() throws Exception {
        var truck = TestTracks.register(fleet, null);
        OffsetDateTime t0 = threeDaysAgo();
        // 40 fixes ten seconds apart: 50 km/h, then 100 s at 110 km/h (over the heavy truck's 90), then 60,
        // with one fix at 200 km/h, which the engine takes for invalid.
        double[] speeds = new double[40];
        for (int i = 0; i < speeds.length; i++) {
            speeds[i] = i < 10 ? 50 : i < 20 ? 110 : i == 30 ? 200 : 60;
        }
        List<Location> fixes = TestTracks.drive(t0, 10, speeds);
        try (var terminal = new TestTerminal(gateway.port(), truck.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(truck.deviceId());
            TestTracks.report(terminal, fixes.subList(10, 40));
            // The first ten arrive last, as a terminal's backlog does.
            TestTracks.report(terminal, fixes.subList(0, 10));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alarms
                        .ofVehicle(
                                DataScope.county(),
                                truck.vehicleId(),
                                t0.toInstant(),
                                t0.toInstant().plusSeconds(400),
                                10)
                        .stream()
                        .map(Alarm::type)
                        .toList()
                        .containsAll(List.of("OVERSPEED", "INVALID_FIX")));

        var web = new WebClient(port);
        String token = operatorToken(web);
        var response = web.get(track(truck.vehicleId(), t0.minusMinutes(1), t0.plusSeconds(400)), token);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = read(response.body());

        assertThat(body.get("vehicle").get("plate").asString()).isEqualTo(truck.plate());
        List<JsonNode> points = list(body.get("points"));
        assertThat(points).hasSize(40);
        List<Instant> times =
                points.stream().map(p -> Instant.parse(p.get("t").asString())).toList();
        assertThat(times).isSortedAccordingTo(Instant::compareTo).doesNotHaveDuplicates();
        assertThat(times.get(0)).isEqualTo(t0.toInstant());
        assertThat(points.get(0).get("lat").asDouble()).isEqualTo(34.90);
        assertThat(points.get(0).get("lon").asDouble()).isEqualTo(118.60);
        assertThat(points.get(15).get("speedKmh").asDouble()).isEqualTo(110.0);
        assertThat(points.get(15).get("heading").asInt()).isZero();
        assertThat(points.stream().filter(p -> !p.get("valid").asBoolean()))
                .singleElement()
                .satisfies(p -> assertThat(p.get("speedKmh").asDouble()).isEqualTo(200.0));
        assertThat(body.get("fixCount").asInt()).isEqualTo(40);
        assertThat(body.get("invalidCount").asInt()).isEqualTo(1);
        assertThat(body.get("downsampled").asBoolean()).isFalse();
        assertThat(body.get("maxSpeedKmh").asDouble())
                .as("the invalid fix does not count")
                .isEqualTo(110.0);
        // 39 steps of 0.0005° of latitude; every fix moving, ten seconds apart (twenty across the invalid one)
        assertThat(body.get("distanceKm").asDouble()).isCloseTo(2.17, within(0.01));
        assertThat(body.get("drivingS").asLong()).isEqualTo(390);
        assertThat(body.get("speedLimitKmh").asInt()).isEqualTo(90);

        List<JsonNode> overspeed = list(body.get("alarms")).stream()
                .filter(a -> a.get("type").asString().equals("OVERSPEED"))
                .toList();
        assertThat(overspeed).singleElement().satisfies(a -> {
            assertThat(a.get("id").asLong()).isPositive();
            assertThat(Instant.parse(a.get("start").asString()))
                    .isEqualTo(t0.toInstant().plusSeconds(100));
            assertThat(a.get("lat").asDouble()).isCloseTo(34.905, within(1e-6));
            assertThat(a.get("lon").asDouble()).isCloseTo(118.60, within(1e-6));
            assertThat(a.get("limitKmh").asInt()).isEqualTo(90);
            assertThat(a.get("maxSpeedKmh").asDouble()).isEqualTo(110.0);
            assertThat(a.get("grade").asString()).isNotBlank();
        });
        assertThat(list(body.get("alarms")))
                .extracting(a -> a.get("type").asString())
                .contains("INVALID_FIX");

        // A part of the period: only its fixes, and the alarm overlapping it.
        JsonNode part = read(web.get(track(truck.vehicleId(), t0.plusSeconds(100), t0.plusSeconds(200)), token)
                .body());
        assertThat(list(part.get("points")))
                .extracting(p -> Instant.parse(p.get("t").asString()))
                .containsExactly(Arrays.stream(new int[] {100, 110, 120, 130, 140, 150, 160, 170, 180, 190})
                        .mapToObj(s -> t0.toInstant().plusSeconds(s))
                        .toArray(Instant[]::new));
        assertThat(list(part.get("alarms")))
                .extracting(a -> a.get("type").asString())
                .contains("OVERSPEED");
    }

    @Test
    void refusesAPeriodThatIsBackwardsLongerThanSevenDaysOrMissingAndNamesTheField() {
        var truck = TestTracks.register(fleet, null);
        var web = new WebClient(port);
        String token = operatorToken(web);
        OffsetDateTime t0 = threeDaysAgo();

        var backwards = web.get(track(truck.vehicleId(), t0, t0.minusHours(1)), token);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(errors(backwards.body())).containsExactly("to:track.range.order");
        assertThat(read(backwards.body()).get("errors").get(0).get("message").asString())
                .isEqualTo("结束时间必须晚于开始时间。");

        var tooLong = web.get(track(truck.vehicleId(), t0.minusDays(8), t0), token);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(errors(tooLong.body())).containsExactly("to:track.range.tooLong");

        var missing = web.get("/api/v1/vehicles/" + truck.vehicleId() + "/track?to=" + encode(t0), token);
        assertThat(errors(missing.body())).containsExactly("from:validation.required");

        var malformed = web.get(track(truck.vehicleId(), "yesterday", t0), token);
        assertThat(errors(malformed.body())).containsExactly("from:track.range.format");

        var week = web.get(track(truck.vehicleId(), t0.minusDays(7), t0), token);
        assertThat(week.statusCode()).as("exactly seven days is allowed").isEqualTo(200);
        assertThat(read(week.body()).get("points").size()).isZero();

        JsonNode operation = read(web.get("/v3/api-docs", token).body())
                .get("paths")
                .get("/api/v1/vehicles/{id}/track")
                .get("get");
        assertThat(operation.get("summary").asString()).isEqualTo("A vehicle's track for a period");
        assertThat(list(operation.get("parameters")))
                .extracting(p -> p.get("name").asString())
                .containsExactlyInAnyOrder("id", "from", "to");
    }

    List<String> errors(String body) {
        List<String> errors = new ArrayList<>();
        read(body)
                .get("errors")
                .forEach(e -> errors.add(
                        e.get("field").asString() + ":" + e.get("code").asString()));
        return errors;
    }

    @Test
    void anEnterpriseSeesItsOwnVehiclesTrackAndAnotherEnterpriseGetsNotFound() throws Exception {
        long own = enterprises.create(TestEnterprises.valid("轨迹本企业"));
        long other = enterprises.create(TestEnterprises.valid("轨迹他企业"));
        var truck = TestTracks.register(fleet, own);
        OffsetDateTime t0 = threeDaysAgo();
        try (var terminal = new TestTerminal(gateway.port(), truck.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(truck.deviceId());
            TestTracks.report(terminal, TestTracks.drive(t0, 10, 40, 45, 50));
        }
        var accounts = new TestAccounts(staffAccounts);
        var web = new WebClient(port);
        String ownAdmin = accounts.create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(own));
        String ownToken = web.token(ownAdmin, TestAccounts.PASSWORD);
        String otherToken =
                web.token(accounts.create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(other)), TestAccounts.PASSWORD);
        String path = track(truck.vehicleId(), t0, t0.plusMinutes(5));

        var mine = web.get(path, ownToken);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(read(mine.body()).get("points").size()).isEqualTo(3);
        // a location track is personal information: who read which vehicle's track for which period
        assertThat(jdbc.sql("select detail from identity_audit_event where actor = :actor and action = 'VIEW_TRACK'"
                                + " and target_type = 'vehicle' and target_id = :vehicle")
                        .param("actor", ownAdmin)
                        .param("vehicle", Long.toString(truck.vehicleId()))
                        .query(String.class)
                        .list())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(t0.toInstant().toString())
                .endsWith("3 fixes");
        var foreign = web.get(path, otherToken);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(truck.plate()).doesNotContain("34.9");
        assertThat(web.get(
                                "/api/v1/vehicles/" + Long.MAX_VALUE + "/track?from=" + encode(t0) + "&to="
                                        + encode(t0.plusMinutes(5)),
                                ownToken)
                        .statusCode())
                .isEqualTo(404);
        assertThat(web.get(path).statusCode()).as("no token").isEqualTo(401);

        // The console page and its data come through the session, within the same scope.
        var console = new WebClient(port);
        console.login(accounts.create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(own)), TestAccounts.PASSWORD);
        var vehiclePage = console.get("/console/vehicles/" + truck.vehicleId());
        assertThat(vehiclePage.body()).contains("/console/vehicles/" + truck.vehicleId() + "/track");
        String query = "?from=" + encode(t0) + "&to=" + encode(t0.plusMinutes(5));
        var page = console.get("/console/vehicles/" + truck.vehicleId() + "/track" + query);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(truck.plate())
                .contains("data-url=\"/console/vehicles/" + truck.vehicleId() + "/track/data?from=")
                .contains("data-testid=\"preset-yesterday\"");
        var data = console.get("/console/vehicles/" + truck.vehicleId() + "/track/data" + query);
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(read(data.body()).get("points").size()).isEqualTo(3);
        var backwards = console.get("/console/vehicles/" + truck.vehicleId() + "/track?from=" + encode(t0) + "&to="
                + encode(t0.minusHours(1)));
        assertThat(backwards.body())
                .contains("data-testid=\"track-to-error\"")
                .contains("结束时间必须晚于开始时间。")
                .doesNotContain("/track/data?");

        var outsider = new WebClient(port);
        outsider.login(accounts.create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(other)), TestAccounts.PASSWORD);
        assertThat(outsider.get("/console/vehicles/" + truck.vehicleId() + "/track")
                        .statusCode())
                .isEqualTo(404);
        assertThat(outsider.get("/console/vehicles/" + truck.vehicleId() + "/track/data" + query)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aLongTrackIsThinnedKeepingTheEndsTheFastestFixAndTheAlarmPoints() throws Exception {
        var truck = TestTracks.register(fleet, null);
        OffsetDateTime t0 = threeDaysAgo().minusHours(2);
        // 6,000 fixes a second apart; 40 s at 100 km/h from fix 3,000 (an overspeed alarm); a peak of
        // 130 km/h for a single second at fix 4,321.
        double[] speeds = new double[6_000];
        for (int i = 0; i < speeds.length; i++) {
            speeds[i] = i >= 3_000 && i < 3_040 ? 100 : i == 4_321 ? 130 : 50 + (i % 7);
        }
        List<Location> fixes = new ArrayList<>();
        for (int i = 0; i < speeds.length; i++) {
            fixes.add(Location.fix(34.90 + i * 0.00001, 118.60, 60, speeds[i], 0, t0.plusSeconds(i)));
        }
        try (var terminal = new TestTerminal(gateway.port(), truck.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(truck.deviceId());
            TestTracks.report(terminal, fixes);
        }
        Instant alarmStart = t0.toInstant().plusSeconds(3_000);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> alarms
                                .ofVehicle(
                                        DataScope.county(),
                                        truck.vehicleId(),
                                        alarmStart,
                                        alarmStart.plusSeconds(60),
                                        5)
                                .stream()
                                .anyMatch(a -> a.type().equals("OVERSPEED")));

        var web = new WebClient(port);
        JsonNode body = read(web.get(track(truck.vehicleId(), t0, t0.plusHours(2)), operatorToken(web))
                .body());
        assertThat(body.get("downsampled").asBoolean()).isTrue();
        assertThat(body.get("fixCount").asInt()).isEqualTo(6_000);
        List<Instant> times = list(body.get("points")).stream()
                .map(p -> Instant.parse(p.get("t").asString()))
                .toList();
        assertThat(times.size()).isBetween(2_500, Tracks.MAX_POINTS);
        assertThat(times).isSortedAccordingTo(Instant::compareTo).doesNotHaveDuplicates();
        assertThat(times.get(0)).isEqualTo(t0.toInstant());
        assertThat(times.get(times.size() - 1)).isEqualTo(t0.toInstant().plusSeconds(5_999));
        assertThat(times).contains(alarmStart, t0.toInstant().plusSeconds(4_321));
        assertThat(body.get("maxSpeedKmh").asDouble()).isEqualTo(130.0);
    }
}
