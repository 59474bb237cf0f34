package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.WebClient;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.TerminalGeneralResponse;
import org.redwheel.jt808.message.TextMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's vehicle pages: live state, and a message from an operator reaching the truck. */
@RedWheelTest
class VehicleConsoleTests {

    @LocalServerPort
    int port;

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    StaffAccounts staffAccounts;

    @Test
    void anOperatorSeesTheTruckOnlineAndItsTerminalReceivesAndAnswersTheMessage() throws Exception {
        long n = System.nanoTime() % 10_000;
        long vehicle = fleet.registerVehicle("鲁QV" + String.format("%04d", n), 2, "重型货车", null);
        String phone = "1360" + String.format("%07d", n);
        fleet.registerTerminal(phone, "V" + n, "RW-T1", "V2013", vehicle);
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        var web = new WebClient(port);
        web.login(operator, TestAccounts.PASSWORD);

        try (var terminal = new TestTerminal(gateway.port(), phone, ProtocolVersion.V2013)) {
            terminal.signIn("V" + n);
            terminal.acknowledgement(terminal.send(new LocationReport(GatewayTests.fixAt(GatewayTests.now(), 66.6))));

            var page = web.get("/console/vehicles/" + vehicle);
            assertThat(page.body())
                    .contains("鲁QV" + String.format("%04d", n))
                    .contains("在线")
                    .contains("66.6 km/h")
                    .contains("data-testid=\"vehicle-status\"");

            // The terminal answers the 0x8300 while the console request waits for it.
            CompletableFuture<String> spoken = CompletableFuture.supplyAsync(() -> {
                try {
                    var text = terminal.receive();
                    terminal.send(new TerminalGeneralResponse(text.header().serial(), 0x8300, 0));
                    return ((TextMessage) text.message()).text();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            var sent = web.postForm(
                    "/console/vehicles/" + vehicle,
                    "/console/vehicles/" + vehicle + "/messages",
                    Map.of("text", "前方有司机之家，请注意休息"));
            assertThat(sent.statusCode()).isEqualTo(302);
            assertThat(spoken.get(10, TimeUnit.SECONDS)).isEqualTo("前方有司机之家，请注意休息");
            assertThat(web.get("/console/vehicles/" + vehicle).body())
                    .contains("data-testid=\"message-outcome\"")
                    .contains("终端已收到消息：前方有司机之家，请注意休息");
        }
    }

    @Test
    void anEnterpriseAdministratorSeesOnlyHisOwnVehicles() {
        long n = System.nanoTime() % 10_000;
        long own = fleet.registerVehicle("鲁QE" + String.format("%04d", n), 2, null, 777_001L);
        long other = fleet.registerVehicle("鲁QF" + String.format("%04d", n), 2, null, 777_002L);
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, DataScope.county());
        var county = new WebClient(port);
        county.login(admin, TestAccounts.PASSWORD);
        assertThat(county.get("/console/vehicles/" + other).statusCode()).isEqualTo(200);
        assertThat(county.postForm(
                                "/console/vehicles/" + other,
                                "/console/vehicles/" + other + "/messages",
                                Map.of("text", "x"))
                        .statusCode())
                .as("a county administrator reads but does not message trucks")
                .isEqualTo(403);

        var enterpriseAdmin = fleet.vehicle(DataScope.county(), own).orElseThrow();
        assertThat(enterpriseAdmin.enterpriseId()).isEqualTo(777_001L);
        assertThat(fleet.vehicle(DataScope.enterprise(777_001L), other)).isEmpty();
        assertThat(fleet.vehicles(DataScope.enterprise(777_001L), null, 0, 50))
                .extracting(v -> v.id())
                .containsExactly(own);
    }
}
