package org.redwheel.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.MessageIds;
import org.redwheel.jt808.message.Results;
import org.redwheel.jt808.message.TerminalAuthentication;
import org.redwheel.jt808.message.TerminalGeneralResponse;
import org.redwheel.jt808.message.TerminalRegistration;
import org.redwheel.jt808.message.TextMessage;
import org.redwheel.sim.TestPlatform.ReceivedFix;

class TerminalClientTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestPlatform platform = TestPlatform.start();
    private final List<Location> generated = new CopyOnWriteArrayList<>();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final TerminalListener listener = new TerminalListener() {
        @Override
        public void fixGenerated(SimulatedTruck truck, Location fix) {
            generated.add(fix);
        }

        @Override
        public void textReceived(SimulatedTruck truck, TextMessage text) {
            texts.add(truck.plate() + " " + text.text());
        }
    };
    private Simulation simulation;

    @AfterEach
    void stop() {
        if (simulation != null) {
            simulation.stop();
        }
        platform.close();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void registersAuthenticatesAndReportsFixesInSimulatedTimeOrder(ProtocolVersion version) {
        SimulatedTruck truck = Fleet.demo(1, 1, 42, version).get(0);
        SimulatorOptions options = platform.options().withListener(listener).withFastForward(1);

        simulation = Simulator.start(List.of(truck), options);
        await().atMost(WAIT).until(() -> platform.fixes().size() >= 20);

        List<Jt808Envelope> messages = platform.messages();
        assertThat(messages.get(0).header().messageId()).isEqualTo(MessageIds.TERMINAL_REGISTRATION);
        assertThat(messages.get(0).header().version()).isEqualTo(version);
        assertThat(messages.get(0).header().terminalPhone()).isEqualTo("13900000001");
        TerminalRegistration registration =
                (TerminalRegistration) messages.get(0).message();
        assertThat(registration.terminalId()).isEqualTo("RW00001");
        assertThat(registration.plate()).isEqualTo("鲁QA0001");
        assertThat(messages.get(1).message())
                .isInstanceOfSatisfying(
                        TerminalAuthentication.class,
                        authentication -> assertThat(authentication.authCode()).isEqualTo("AUTH13900000001"));
        List<ReceivedFix> fixes = platform.fixes();
        assertThat(fixes).allMatch(fix -> fix.messageId() == MessageIds.LOCATION_REPORT);
        for (int i = 0; i < fixes.size(); i++) {
            assertThat(fixes.get(i).location().time().toInstant())
                    .isEqualTo(options.simulatedStart()
                            .plus(options.reportInterval().multipliedBy(i)));
        }
    }

    @Test
    void sendsHeartbeatsWhileOnline() {
        simulation =
                Simulator.start(Fleet.demo(1, 42), platform.options().withHeartbeatInterval(Duration.ofMillis(50)));

        await().atMost(WAIT).until(() -> platform.messages(MessageIds.HEARTBEAT).size() >= 3);
        assertThat(simulation.stats().heartbeats()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void resendsUnacknowledgedFixesAsABlindAreaBatchAfterTheConnectionDrops() {
        SimulatorOptions options = platform.options()
                .withListener(listener)
                .withCompression(600)
                .withReconnectDelay(Duration.ofMillis(100), Duration.ofMillis(200));
        simulation = Simulator.start(Fleet.demo(1, 42), options);
        await().atMost(WAIT).until(() -> platform.fixes().size() >= 5);

        platform.acknowledgeLocations(false);
        int firstUnacknowledged = platform.fixes().size();
        await().atMost(WAIT).until(() -> platform.fixes().size() >= firstUnacknowledged + 3);
        platform.disconnectAll();
        platform.acknowledgeLocations(true);
        await().atMost(WAIT).until(() -> platform.fixes().stream().anyMatch(ReceivedFix::blindArea));

        Set<Instant> unacknowledged = platform.fixes().subList(firstUnacknowledged, firstUnacknowledged + 3).stream()
                .map(fix -> fix.location().time().toInstant())
                .collect(Collectors.toSet());
        assertThat(platform.fixes().stream()
                        .filter(ReceivedFix::blindArea)
                        .map(fix -> fix.location().time().toInstant()))
                .containsAll(unacknowledged);
        assertThat(platform.fixes())
                .filteredOn(ReceivedFix::blindArea)
                .allMatch(fix -> fix.messageId() == MessageIds.BATCH_LOCATION_UPLOAD);
        List<Instant> generatedSoFar = times(generated);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(times(platform.fixes().stream()
                                .map(ReceivedFix::location)
                                .toList()))
                        .containsAll(generatedSoFar));
        assertThat(simulation.stats().resent()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void sendsAnUnansweredFixAgainAfterTheResponseTimeoutWithoutReconnecting() {
        simulation = Simulator.start(
                Fleet.demo(1, 42),
                platform.options()
                        .withListener(listener)
                        .withCompression(600)
                        .withResponseTimeout(Duration.ofMillis(200)));
        await().atMost(WAIT).until(() -> platform.fixes().size() >= 3);

        platform.acknowledgeLocations(false);
        int firstUnanswered = platform.fixes().size();
        await().atMost(WAIT).until(() -> platform.fixes().size() > firstUnanswered);
        platform.acknowledgeLocations(true);
        Instant unanswered =
                platform.fixes().get(firstUnanswered).location().time().toInstant();

        await().atMost(WAIT)
                .until(() -> platform.fixes().stream()
                        .filter(ReceivedFix::blindArea)
                        .anyMatch(fix -> fix.location().time().toInstant().equals(unanswered)));
        assertThat(platform.connectionsAccepted()).isEqualTo(1);
        await().atMost(WAIT).until(() -> simulation.stats().outbox() <= 1);
    }

    @Test
    void authenticatesWithItsStoredCodeAfterAReconnectWithoutRegisteringAgain() {
        simulation = Simulator.start(
                Fleet.demo(1, 42),
                platform.options().withReconnectDelay(Duration.ofMillis(50), Duration.ofMillis(100)));
        await().atMost(WAIT).until(() -> simulation.stats().online() == 1);

        platform.disconnectAll();

        await().atMost(WAIT)
                .until(() ->
                        platform.messages(MessageIds.TERMINAL_AUTHENTICATION).size() == 2);
        await().atMost(WAIT).until(() -> simulation.stats().online() == 1);
        assertThat(platform.messages(MessageIds.TERMINAL_REGISTRATION)).hasSize(1);
        assertThat(simulation.stats().connections()).isEqualTo(2);
        assertThat(simulation.stats().disconnects()).isEqualTo(1);
    }

    @Test
    void passesTextsToTheListenerAndAnswersThem() {
        simulation = Simulator.start(Fleet.demo(1, 42), platform.options().withListener(listener));
        await().atMost(WAIT).until(() -> simulation.stats().online() == 1);

        platform.sendText("013900000001", "您已连续驾驶4小时，请到青云镇司机之家休息");

        await().atMost(WAIT).until(() -> !texts.isEmpty());
        assertThat(texts).containsExactly("鲁QA0001 您已连续驾驶4小时，请到青云镇司机之家休息");
        await().atMost(WAIT)
                .until(() ->
                        !platform.messages(MessageIds.TERMINAL_GENERAL_RESPONSE).isEmpty());
        assertThat(platform.messages(MessageIds.TERMINAL_GENERAL_RESPONSE))
                .singleElement()
                .extracting(Jt808Envelope::message)
                .isInstanceOfSatisfying(TerminalGeneralResponse.class, response -> {
                    assertThat(response.responseMessageId()).isEqualTo(MessageIds.TEXT_MESSAGE);
                    assertThat(response.result()).isEqualTo(Results.SUCCESS);
                });
        assertThat(simulation.stats().textsReceived()).isEqualTo(1);
    }

    @Test
    void dropsTheOldestFixesWhenTheOutboxIsFull() {
        platform.acknowledgeLocations(false);

        simulation = Simulator.start(
                Fleet.demo(1, 42),
                platform.options().withListener(listener).withCompression(3000).withOutboxCapacity(5));

        await().atMost(WAIT).untilAsserted(() -> {
            TrafficStats stats = simulation.stats();
            assertThat(stats.outbox()).isEqualTo(5);
            assertThat(stats.dropped()).isGreaterThanOrEqualTo(5);
            assertThat(stats.acknowledged()).isZero();
        });
    }

    @Test
    void uploadsFixesMadeWhileOfflineOldestFirstInBatchesOfTheConfiguredSize() {
        SimulatorOptions options = platform.options()
                .withListener(listener)
                .withCompression(3000)
                .withBlindAreaBatchSize(4)
                .withReconnectDelay(Duration.ofMillis(300), Duration.ofMillis(300));
        simulation = Simulator.start(Fleet.demo(1, 42), options);
        await().atMost(WAIT).until(() -> platform.fixes().size() >= 3);

        platform.disconnectAll();

        await().atMost(WAIT)
                .until(() -> platform.messages(MessageIds.BATCH_LOCATION_UPLOAD).size() >= 3);
        List<Jt808Envelope> batches = platform.messages(MessageIds.BATCH_LOCATION_UPLOAD);
        assertThat(batches)
                .extracting(batch -> (BatchLocationUpload) batch.message())
                .allSatisfy(batch -> {
                    assertThat(batch.blindArea()).isTrue();
                    assertThat(batch.locations()).hasSizeBetween(1, 4);
                });
        List<Instant> uploaded = batches.stream()
                .flatMap(batch -> ((BatchLocationUpload) batch.message()).locations().stream())
                .map(location -> location.time().toInstant())
                .toList();
        assertThat(uploaded).isSorted();
    }

    private static List<Instant> times(List<Location> fixes) {
        return fixes.stream().map(fix -> fix.time().toInstant()).toList();
    }
}
