package org.redwheel.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redwheel.BrowserSupport;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.TextMessage;
import org.redwheel.safety.EventType;
import org.redwheel.sim.Fleet;
import org.redwheel.sim.LongDriveScenario;
import org.redwheel.sim.SimulatedTruck;
import org.redwheel.sim.Simulation;
import org.redwheel.sim.Simulator;
import org.redwheel.sim.SimulatorOptions;
import org.redwheel.sim.TerminalListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The programme's promise end to end, in compressed time: a truck drives 4 h 10 min without rest,
 * the platform raises a fatigue alarm, the truck's terminal speaks a reminder naming the rest place
 * ahead, an operator handles the alarm in the console in real Chromium, and the ledger shows it.
 */
@RedWheelTest
class FatigueEndToEndTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    Jt808Gateway gateway;

    @Autowired
    FleetRegistry fleet;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    Alarms alarms;

    @Autowired
    MeterRegistry meters;

    Simulation simulation;
    WebDriver browser;

    @AfterEach
    void stop() {
        if (simulation != null) {
            simulation.stop();
        }
        if (browser != null) {
            browser.quit();
        }
    }

    private Timer reminderLatency() {
        return meters.get("redwheel.reminder.latency").timer();
    }

    @Test
    void aFourHourTenMinuteDriveIsRemindedWithTheRestPlaceAheadAndHandledByAnOperator() {
        int truck = 96_001;
        long vehicle = fleet.registerVehicle(Fleet.plate(truck), 2, "重型货车", null);
        fleet.registerTerminal(Fleet.phone(truck), Fleet.deviceId(truck), "RW-SIM", "V2013", vehicle);
        List<String> spoken = new CopyOnWriteArrayList<>();
        long remindersTimedBefore = reminderLatency().count();
        // The long drive starts at 07:30: the latest one whose whole drive lies behind the real clock.
        Instant start = LongDriveScenario.latestStartEndingBy(Instant.now(), Duration.ofHours(5));
        simulation = Simulator.start(
                Fleet.longDrive(truck, 1, 5L, ProtocolVersion.V2013),
                SimulatorOptions.defaults("127.0.0.1", gateway.port())
                        .withSimulatedStart(start)
                        .withCompression(900)
                        .withReportInterval(Duration.ofSeconds(30))
                        .withEventLoopThreads(1)
                        .withListener(new TerminalListener() {
                            @Override
                            public void textReceived(SimulatedTruck t, TextMessage text) {
                                spoken.add(text.text());
                            }
                        }));

        var plate = Fleet.plate(truck);
        await().atMost(Duration.ofSeconds(60)).until(() -> fatigueAlarm(plate) != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> spoken.stream().anyMatch(t -> t.contains("疲劳驾驶")));
        assertThat(spoken)
                .anySatisfy(text ->
                        assertThat(text).contains("已连续驾驶3小时30分钟").containsPattern("约\\d+公里有(司机之家|红色驿站|临时停车区)（.+）"));
        assertThat(spoken)
                .anySatisfy(text ->
                        assertThat(text).contains("已连续驾驶4小时").contains("属于疲劳驾驶").contains("公里有"));
        // Each reminder the truck heard was timed from its fix's arrival to the 0x8300 leaving.
        assertThat(reminderLatency().count() - remindersTimedBefore).isGreaterThanOrEqualTo(2);
        assertThat(reminderLatency().max(TimeUnit.MILLISECONDS)).isPositive();
        Alarm alarm = fatigueAlarm(plate);
        // Four hours after the truck set off (it sets off when its terminal first comes online, a few
        // simulated seconds after the scenario's start).
        assertThat(Duration.between(start, alarm.startTime()))
                .isBetween(Duration.ofHours(4), Duration.ofHours(4).plusMinutes(3));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alarms.get(DataScope.county(), alarm.id()).status() == AlarmStatus.REMINDED);

        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, DataScope.county());
        browser = BrowserSupport.chromium(1280, 900);
        BrowserSupport.signIn(browser, port, operator, TestAccounts.PASSWORD);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get("http://localhost:" + port + "/console/alarms?type=FATIGUE&plate=" + plate);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(plate))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=alarm-title]"), "疲劳驾驶"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=alarm-steps]"))
                        .getText())
                .contains("终端已播报");
        new Select(browser.findElement(By.id("action"))).selectByValue("PHONE_CALL");
        browser.findElement(By.id("note")).sendKeys("已电话联系驾驶员，前往前方休息点停车休息");
        browser.findElement(By.cssSelector("[data-testid=handle]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=notice]"), "已登记处置"));

        browser.get("http://localhost:" + port + "/console/alarms?type=FATIGUE&plate=" + plate);
        String row = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("[data-alarm='" + alarm.id() + "']")))
                .getText();
        assertThat(row).contains(plate).contains("疲劳驾驶").contains(operator);
        assertThat(row).containsAnyOf("已处置", "已关闭");
        BrowserSupport.screenshotQuietly(browser, "ledger-handled");
    }

    private Alarm fatigueAlarm(String plate) {
        return alarms
                .search(
                        DataScope.county(),
                        new Alarms.Filter(EventType.FATIGUE.name(), null, plate, null, null, false),
                        new org.redwheel.PageRequest(0, 5, "start", false))
                .content()
                .stream()
                .findFirst()
                .orElse(null);
    }
}
