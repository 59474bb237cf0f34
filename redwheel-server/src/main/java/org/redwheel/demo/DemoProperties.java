package org.redwheel.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo settings ({@code redwheel.demo.*}).
 *
 * @param enabled seed the demo county at start-up (the demo profile turns it on)
 * @param credentialsFile where the demo accounts' random passwords are written
 */
@ConfigurationProperties("redwheel.demo")
record DemoProperties(boolean enabled, Path credentialsFile) {

    DemoProperties {
        credentialsFile = credentialsFile == null ? Path.of("data", "demo-credentials.txt") : credentialsFile;
    }
}
