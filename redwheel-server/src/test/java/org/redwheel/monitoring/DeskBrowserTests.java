package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redwheel.BrowserSupport;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.sim.Fleet;
import org.redwheel.sim.Simulation;
import org.redwheel.sim.Simulator;
import org.redwheel.sim.SimulatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The monitoring desk in real Chromium: simulated trucks appear live on the map and in the list. */
@RedWheelTest
class DeskBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    StaffAccounts staffAccounts;

    WebDriver browser;
    Simulation simulation;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (simulation != null) {
            simulation.stop();
        }
    }

    @Test
    void simulatedTrucksAppearLiveOnThePlainMapWhenNoTilesCanLoad() throws Exception {
        int first = 95_000;
        for (int i = first; i < first + 3; i++) {
            long vehicle = fleet.registerVehicle(Fleet.plate(i), 2, "重型货车", null);
            fleet.registerTerminal(Fleet.phone(i), Fleet.deviceId(i), "RW-SIM", "V2013", vehicle);
        }
        simulation = Simulator.start(
                Fleet.demo(first, 3, 11L, ProtocolVersion.V2013),
                SimulatorOptions.defaults("127.0.0.1", gateway.port())
                        .withSimulatedStart(Instant.now().minusSeconds(3600))
                        .withCompression(30)
                        .withReportInterval(Duration.ofSeconds(5))
                        .withEventLoopThreads(1));
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());

        browser = BrowserSupport.chromium(1280, 900);
        // The list is redrawn on every push, so an element may go stale between finding and reading it.
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        BrowserSupport.signIn(browser, port, operator, TestAccounts.PASSWORD);
        browser.get("http://localhost:" + port + "/console/desk");

        for (int i = first; i < first + 3; i++) {
            String plate = Fleet.plate(i);
            // One script per poll: the list holds every vehicle of the demo county (hundreds).
            wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                    .executeScript(
                            "var plate = arguments[0];"
                                    + " return Array.from(document.querySelectorAll('#desk-list li')).some(function (li) {"
                                    + " return li.textContent.indexOf(plate) >= 0"
                                    + " && li.getAttribute('data-condition') !== 'OFFLINE'; });",
                            plate));
        }
        wait.until(d -> "true".equals(d.findElement(By.id("desk-map")).getAttribute("data-plain")));
        Number markersOnMap = (Number)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "var n = 0; document.querySelectorAll('#desk-map canvas').forEach(function(){ n++; }); return n;");
        assertThat(markersOnMap.intValue()).as("Leaflet drew its canvas layer").isPositive();
        BrowserSupport.screenshot(browser, "desk");
    }
}
