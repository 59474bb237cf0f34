package org.redwheel.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo settings ({@code redwheel.demo.*}).
 *
 * @param enabled seed the demo county at start-up (the demo profile turns it on)
 * @param credentialsFile where the demo accounts' random passwords are written
 * @param simulatedTrucks demo trucks the simulator drives against the local gateway (0: none)
 * @param simulationCompression simulated seconds per real second for the demo trucks
 * @param registeredTrucks trucks (with terminals) registered for the simulator's numbering, at least
 *     the simulated ones; more for a load test whose trucks are driven from outside
 */
@ConfigurationProperties("redwheel.demo")
record DemoProperties(
        boolean enabled,
        Path credentialsFile,
        Integer simulatedTrucks,
        Double simulationCompression,
        Integer registeredTrucks) {

    DemoProperties {
        credentialsFile = credentialsFile == null ? Path.of("data", "demo-credentials.txt") : credentialsFile;
        simulatedTrucks = simulatedTrucks == null ? 30 : simulatedTrucks;
        simulationCompression = simulationCompression == null ? 1.0 : simulationCompression;
        registeredTrucks = Math.max(registeredTrucks == null ? 0 : registeredTrucks, simulatedTrucks);
    }
}
