package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speed zones drawn through the API and the console: a truck over a zone's limit for more than 30 s
 * is an overspeed at that limit, the same drive outside is not, every change applies to the running
 * engine at once, and bad outlines are refused with the field named. The zones lie around Chengdu,
 * far from the demo county's trucks, and are deactivated after each test.
 */
@RedWheelTest
class SpeedZoneTests {

    /** A square of about 11 km around (30.50, 104.00). */
    static final String SQUARE = """
            [{"lat": 30.45, "lon": 103.94}, {"lat": 30.45, "lon": 104.06},
             {"lat": 30.55, "lon": 104.06}, {"lat": 30.55, "lon": 103.94}]""";

    @LocalServerPort
    int port;

    @Autowired
    SpeedZones zones;

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
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    String admin;
    String operator;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void accounts() {
        var accounts = new TestAccounts(staffAccounts);
        admin = accounts.create(Role.SYSTEM_ADMIN, DataScope.county());
        operator = accounts.create(Role.MONITORING_OPERATOR, DataScope.county());
    }

    @AfterEach
    void deactivateTheZones() {
        created.forEach(id -> zones.setActive(id, false, "test"));
    }

    record Truck(long vehicle, String plate, String phone, String device) {}

    Truck truck(String letter) {
        long n = System.nanoTime() % 10_000;
        String plate = "鲁Q" + letter + String.format("%04d", n);
        long vehicle = fleet.registerVehicle(plate, 2, "重型货车", null);
        String phone = "1373" + String.format("%07d", (n * 10 + letter.charAt(0) % 10) % 10_000_000);
        String device = letter + n;
        fleet.registerTerminal(phone, device, "RW-T1", "V2013", vehicle);
        return new Truck(vehicle, plate, phone, device);
    }

    @Test
    void seventyFiveInsideASixtyZoneForMoreThanThirtySecondsIsAnOverspeedAtSixtyAndOutsideItIsNot() throws Exception {
        var web = new WebClient(port);
        String token = web.token(admin, TestAccounts.PASSWORD);
        String name = "成都测试学校区" + System.nanoTime() % 100_000;
        var response = web.postJson(
                "/api/v1/monitoring/speed-zones",
                "{\"name\": \"" + name + "\", \"limitKmh\": 60, \"kind\": \"POLYGON\", \"vertices\": " + SQUARE
                        + ", \"note\": \"上下学时段\"}",
                token);
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode zone = json.readTree(response.body());
        long id = zone.get("id").asLong();
        created.add(id);
        assertThat(zone.get("vertices")).hasSize(4);
        assertThat(zone.get("createdBy").asString()).isEqualTo(admin);

        Truck inside = truck("Z");
        Truck outside = truck("X");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8))
                .truncatedTo(ChronoUnit.SECONDS)
                .minusMinutes(10);
        double[] end;
        try (var terminal = new TestTerminal(gateway.port(), inside.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(inside.device());
            end = TestDrives.driveNorth(terminal, start, 30.49, 104.00, 75, 60, 5);
            await().atMost(Duration.ofSeconds(10)).until(() -> alarm(inside.plate(), EventType.OVERSPEED) != null);
            Alarm alarm = alarm(inside.plate(), EventType.OVERSPEED);
            assertThat(alarm.limitKmh()).isEqualTo(60);
            assertThat(alarm.maxSpeedKmh()).isEqualTo(75f);
            var status = TestDrives.statusAfter(safety, inside.vehicle(), start.plusSeconds(60));
            assertThat(status.currentLimitKmh()).isEqualTo(60);
            assertThat(status.limitSource()).isEqualTo("zone:" + name);

            // An edit of the limit applies with the very next fix.
            var edited = web.putJson(
                    "/api/v1/monitoring/speed-zones/" + id,
                    "{\"name\": \"" + name + "\", \"limitKmh\": 80, \"kind\": \"POLYGON\", \"vertices\": " + SQUARE
                            + "}",
                    token);
            assertThat(edited.statusCode()).isEqualTo(200);
            TestDrives.send(terminal, Location.fix(end[0], end[1], 50, 75, 0, start.plusSeconds(65)));
            assertThat(TestDrives.statusAfter(safety, inside.vehicle(), start.plusSeconds(65))
                            .currentLimitKmh())
                    .isEqualTo(80);

            // Deactivated, the zone no longer applies: the heavy-truck class limit does.
            assertThat(delete("/api/v1/monitoring/speed-zones/" + id, token)).isEqualTo(204);
            TestDrives.send(terminal, Location.fix(end[0] + 0.001, end[1], 50, 75, 0, start.plusSeconds(70)));
            assertThat(TestDrives.statusAfter(safety, inside.vehicle(), start.plusSeconds(70))
                            .currentLimitKmh())
                    .isEqualTo(90);
        }

        try (var terminal = new TestTerminal(gateway.port(), outside.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(outside.device());
            TestDrives.driveNorth(terminal, start, 31.49, 105.00, 75, 60, 5);
        }
        assertThat(TestDrives.statusAfter(safety, outside.vehicle(), start.plusSeconds(60))
                        .currentLimitKmh())
                .isEqualTo(90);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> alarm(outside.plate(), EventType.OVERSPEED) == null);
    }

    @Test
    void aCorridorAppliesAlongItsCentreLineWithinHalfItsWidth() throws Exception {
        var web = new WebClient(port);
        String token = web.token(admin, TestAccounts.PASSWORD);
        var response =
                web.postJson("/api/v1/monitoring/speed-zones", """
                {"name": "测试施工路段%d", "limitKmh": 40, "kind": "CORRIDOR", "widthM": 200,
                 "vertices": [{"lat": 28.00, "lon": 113.00}, {"lat": 28.10, "lon": 113.00}]}
                """.formatted(System.nanoTime() % 100_000), token);
        assertThat(response.statusCode()).isEqualTo(201);
        created.add(json.readTree(response.body()).get("id").asLong());

        Truck onTheRoad = truck("W");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8))
                .truncatedTo(ChronoUnit.SECONDS)
                .minusMinutes(20);
        try (var terminal = new TestTerminal(gateway.port(), onTheRoad.phone(), ProtocolVersion.V2013)) {
            terminal.signIn(onTheRoad.device());
            // 50 m east of the centre line: inside the 200 m corridor.
            TestDrives.send(terminal, Location.fix(28.05, 113.0005, 50, 50, 0, start));
            assertThat(TestDrives.statusAfter(safety, onTheRoad.vehicle(), start)
                            .currentLimitKmh())
                    .isEqualTo(40);
            // About 500 m east: outside it.
            TestDrives.send(terminal, Location.fix(28.0502, 113.005, 50, 50, 0, start.plusSeconds(40)));
            assertThat(TestDrives.statusAfter(safety, onTheRoad.vehicle(), start.plusSeconds(40))
                            .currentLimitKmh())
                    .isEqualTo(90);
        }
    }

    @Test
    void badOutlinesAreRefusedWithTheFieldNamedAndNothingIsStored() {
        var web = new WebClient(port);
        String token = web.token(admin, TestAccounts.PASSWORD);
        long before = count();

        assertThat(errorFields(web.postJson("/api/v1/monitoring/speed-zones", """
                        {"name": "两点区", "limitKmh": 60, "kind": "POLYGON",
                         "vertices": [{"lat": 30.1, "lon": 104.1}, {"lat": 30.2, "lon": 104.2}]}
                        """, token)))
                .containsExactly("vertices");
        assertThat(errorFields(web.postJson(
                        "/api/v1/monitoring/speed-zones",
                        "{\"name\": \"限速过低\", \"limitKmh\": 3, \"kind\": \"POLYGON\", \"vertices\": " + SQUARE + "}",
                        token)))
                .containsExactly("limitKmh");
        assertThat(errorFields(web.postJson(
                        "/api/v1/monitoring/speed-zones",
                        "{\"name\": \"限速过高\", \"limitKmh\": 131, \"kind\": \"POLYGON\", \"vertices\": " + SQUARE + "}",
                        token)))
                .containsExactly("limitKmh");
        assertThat(errorFields(web.postJson("/api/v1/monitoring/speed-zones", """
                        {"name": "境外", "limitKmh": 60, "kind": "POLYGON",
                         "vertices": [{"lat": 60.1, "lon": 104.1}, {"lat": 60.2, "lon": 104.2}, {"lat": 60.2, "lon": 104.1}]}
                        """, token)))
                .containsExactly("vertices");
        assertThat(errorFields(web.postJson("/api/v1/monitoring/speed-zones", """
                        {"name": "", "limitKmh": 60, "kind": "CORRIDOR",
                         "vertices": [{"lat": 30.1, "lon": 104.1}]}
                        """, token)))
                .containsExactlyInAnyOrder("name", "vertices", "widthM");
        assertThat(errorFields(web.postJson(
                        "/api/v1/monitoring/speed-zones",
                        "{\"name\": \"圆形\", \"limitKmh\": 60, \"kind\": \"CIRCLE\", \"vertices\": " + SQUARE + "}",
                        token)))
                .containsExactly("kind");
        var problem = web.postJson(
                "/api/v1/monitoring/speed-zones",
                "{\"name\": \"宽度\", \"limitKmh\": 60, \"kind\": \"CORRIDOR\", \"widthM\": 3000, \"vertices\": " + SQUARE
                        + "}",
                token);
        assertThat(problem.statusCode()).isEqualTo(400);
        assertThat(problem.body()).contains("\"field\":\"widthM\"").contains("speedZone.width.range");

        var console = new WebClient(port);
        console.login(admin, TestAccounts.PASSWORD);
        var form = console.postForm(
                "/console/speed-zones/new",
                "/console/speed-zones",
                Map.of(
                        "name",
                        "控制台两点",
                        "limitKmh",
                        "六十",
                        "kind",
                        "POLYGON",
                        "vertices",
                        "[{\"lat\":30.1,\"lon\":104.1}]"));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("data-error-for=\"vertices\"")
                .contains("多边形区域至少需要3个顶点")
                .contains("data-error-for=\"limitKmh\"")
                .contains("限速须为5至130 km/h之间的整数");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void monitoringStaffSeeTheZonesButOnlyTheSystemAdministratorDrawsThem() throws Exception {
        var web = new WebClient(port);
        String adminToken = web.token(admin, TestAccounts.PASSWORD);
        String name = "只读测试区" + System.nanoTime() % 100_000;
        var response = web.postJson(
                "/api/v1/monitoring/speed-zones",
                "{\"name\": \"" + name + "\", \"limitKmh\": 50, \"kind\": \"POLYGON\", \"vertices\": "
                        + SQUARE.replace("30.", "26.").replace("104.", "119.") + "}",
                adminToken);
        assertThat(response.statusCode()).isEqualTo(201);
        long id = json.readTree(response.body()).get("id").asLong();
        created.add(id);
        long before = count();

        var operatorWeb = new WebClient(port);
        operatorWeb.login(operator, TestAccounts.PASSWORD);
        assertThat(operatorWeb.get("/console/speed-zones").body())
                .contains(name)
                .doesNotContain("data-testid=\"new-zone\"");
        assertThat(operatorWeb.get("/console/speed-zones/" + id).body())
                .contains(name)
                .doesNotContain("data-testid=\"zone-save\"");
        assertThat(operatorWeb.get("/console/speed-zones/new").statusCode()).isEqualTo(403);
        assertThat(operatorWeb.get("/console/speed-zones/layer").body()).contains(name);
        assertThat(operatorWeb
                        .postForm(
                                "/console/speed-zones/" + id,
                                "/console/speed-zones/" + id + "/active",
                                Map.of("active", "false"))
                        .statusCode())
                .isEqualTo(403);
        String token = operatorWeb.token(operator, TestAccounts.PASSWORD);
        assertThat(operatorWeb.get("/api/v1/monitoring/speed-zones", token).body())
                .contains(name);
        assertThat(operatorWeb
                        .postJson(
                                "/api/v1/monitoring/speed-zones",
                                "{\"name\": \"越权\", \"limitKmh\": 50, \"kind\": \"POLYGON\", \"vertices\": " + SQUARE
                                        + "}",
                                token)
                        .statusCode())
                .isEqualTo(403);
        assertThat(delete("/api/v1/monitoring/speed-zones/" + id, token)).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
        assertThat(zones.get(id).active()).isTrue();
    }

    private List<String> errorFields(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        return json.readTree(response.body()).get("errors").findValuesAsString("field");
    }

    /** A DELETE through the API; WebClient has none. */
    private int delete(String path, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .DELETE()
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private long count() {
        return jdbc.sql("select count(*) from monitoring_speed_zone")
                .query(Long.class)
                .single();
    }

    private Alarm alarm(String plate, EventType type) {
        return alarms
                .search(
                        DataScope.county(),
                        new Alarms.Filter(type.name(), null, plate, null, null, false),
                        new PageRequest(0, 5, "start", false))
                .content()
                .stream()
                .findFirst()
                .orElse(null);
    }
}
