package org.redwheel.mobile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The demo shows drivers' sign-in codes on screen; production never starts that way. */
class ShowCodeOnScreenTests {

    private static final String[] SECRETS = {
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
        "--spring.datasource.password=x",
        "--redwheel.security.encryption-key=" + Base64.getEncoder().encodeToString(new byte[32]),
        "--redwheel.initial-admin.password=Long-enough-1",
        "--spring.main.web-application-type=none"
    };

    @Test
    void theProdProfileRefusesToStartWithCodesOnScreen() {
        String[] args = java.util.Arrays.copyOf(SECRETS, SECRETS.length + 1);
        args[SECRETS.length] = "--redwheel.mobile.login.show-code-on-screen=true";
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedWheelApplication.class)
                        .profiles("prod")
                        .run(args))
                .hasMessageContaining("prod profile refuses to start")
                .hasMessageContaining("redwheel.mobile.login.show-code-on-screen");
    }

    @Test
    void theDemoSettingsCannotRunInProduction() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedWheelApplication.class)
                        .profiles("demo", "prod")
                        .run(SECRETS))
                .hasMessageContaining("redwheel.mobile.login.show-code-on-screen");
    }
}
