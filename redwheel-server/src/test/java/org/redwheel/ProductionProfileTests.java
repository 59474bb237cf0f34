package org.redwheel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The prod profile never starts with a missing secret. */
class ProductionProfileTests {

    @Test
    void refusesToStartWithoutItsSecrets() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedWheelApplication.class)
                        .profiles("prod")
                        .run(
                                "--spring.datasource.url=",
                                "--spring.datasource.password=",
                                "--redwheel.security.encryption-key=",
                                "--redwheel.initial-admin.password=",
                                "--spring.main.web-application-type=none"))
                .hasMessageContaining("prod profile refuses to start")
                .hasMessageContaining("REDWHEEL_ENCRYPTION_KEY")
                .hasMessageContaining("REDWHEEL_DB_PASSWORD")
                .hasMessageContaining("REDWHEEL_ADMIN_PASSWORD");
    }

    @Test
    void refusesAKeyThatIsNotAnAes256Key() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RedWheelApplication.class)
                        .profiles("prod")
                        .run(
                                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                                "--spring.datasource.password=x",
                                "--redwheel.security.encryption-key=c2hvcnQ=",
                                "--redwheel.initial-admin.password=Long-enough-1",
                                "--spring.main.web-application-type=none"))
                .hasMessageContaining("REDWHEEL_ENCRYPTION_KEY")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage())
                        .doesNotContain("REDWHEEL_DB_PASSWORD")
                        .doesNotContain("REDWHEEL_ADMIN_PASSWORD"));
    }
}
