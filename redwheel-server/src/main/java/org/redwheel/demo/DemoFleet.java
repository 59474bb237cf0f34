package org.redwheel.demo;

import java.time.Duration;
import java.util.List;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.identity.DataScope;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.TextMessage;
import org.redwheel.monitoring.Jt808Gateway;
import org.redwheel.organization.EnterpriseFilter;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.sim.Fleet;
import org.redwheel.sim.SimulatedTruck;
import org.redwheel.sim.Simulation;
import org.redwheel.sim.Simulator;
import org.redwheel.sim.SimulatorOptions;
import org.redwheel.sim.TerminalListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's trucks: registers the simulator's first N trucks (鲁QA0001 …, terminals 013900000001 …)
 * with the demo enterprises, and once the platform is ready drives them against the local gateway,
 * so a fresh install shows live vehicles. Texts the platform sends them are logged.
 */
@Component
@ConditionalOnBooleanProperty("redwheel.demo.enabled")
class DemoFleet implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);

    private final FleetRegistry fleet;
    private final EnterpriseRegistry enterprises;
    private final Jt808Gateway gateway;
    private final DemoProperties properties;
    private volatile Simulation simulation;

    DemoFleet(FleetRegistry fleet, EnterpriseRegistry enterprises, Jt808Gateway gateway, DemoProperties properties) {
        this.fleet = fleet;
        this.enterprises = enterprises;
        this.gateway = gateway;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerAndDrive() {
        registerMissing(properties.registeredTrucks());
        int trucks = properties.simulatedTrucks();
        if (trucks <= 0) {
            return;
        }
        if (gateway.port() < 0) {
            log.info("The JT/T 808 gateway is off; the demo trucks stay parked");
            return;
        }
        SimulatorOptions options = SimulatorOptions.defaults("127.0.0.1", gateway.port())
                .withCompression(properties.simulationCompression())
                .withReportInterval(Duration.ofSeconds(10))
                .withRampUp(Duration.ofSeconds(5))
                .withEventLoopThreads(1)
                .withListener(new TerminalListener() {
                    @Override
                    public void textReceived(SimulatedTruck truck, TextMessage text) {
                        log.info("Demo truck {} ({}) received: {}", truck.plate(), truck.phone(), text.text());
                    }
                });
        simulation = Simulator.start(Fleet.demo(1, trucks, 20220520L, ProtocolVersion.V2013), options);
        log.info("Driving {} simulated demo trucks against the gateway on port {}", trucks, gateway.port());
    }

    /** Registers the trucks that are not in the registry yet, spread over the demo enterprises. */
    private void registerMissing(int trucks) {
        if (trucks <= 0) {
            return;
        }
        List<Long> enterpriseIds = enterprises
                .list(
                        DataScope.county(),
                        EnterpriseFilter.activeOnes(),
                        new org.redwheel.PageRequest(0, 200, "createdAt", true))
                .content()
                .stream()
                .map(e -> e.id())
                .toList();
        for (int i = 1; i <= trucks; i++) {
            if (fleet.terminalByPhone(Fleet.phone(i)).isPresent()) {
                continue;
            }
            Long enterprise = enterpriseIds.isEmpty() ? null : enterpriseIds.get((i - 1) % enterpriseIds.size());
            if (i % 1000 == 0) {
                log.info("Registered {} of {} demo trucks", i, trucks);
            }
            long vehicle = fleet.registerVehicle(Fleet.plate(i), 2, i % 3 == 0 ? "重型半挂牵引车" : "重型厢式货车", enterprise);
            fleet.registerTerminal(Fleet.phone(i), Fleet.deviceId(i), "RW-SIM", ProtocolVersion.V2013.name(), vehicle);
        }
    }

    @Override
    public void start() {}

    /** Stops the trucks before the gateway stops (a higher phase stops first). */
    @Override
    public void stop() {
        Simulation running = simulation;
        if (running != null) {
            running.stop();
            simulation = null;
        }
    }

    @Override
    public boolean isRunning() {
        return simulation != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }
}
