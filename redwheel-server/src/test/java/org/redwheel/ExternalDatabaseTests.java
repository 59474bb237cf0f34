package org.redwheel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redwheel.EmbeddedPostgresConfiguration.EmbeddedDatabaseProperties;
import org.redwheel.EmbeddedPostgresConfiguration.SharedServer;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * With REDWHEEL_DB_URL (spring.datasource.url) the platform uses that server and starts nothing
 * embedded. The "external" server here is a separately started PostgreSQL addressed only by URL.
 */
class ExternalDatabaseTests {

    @Test
    void usesTheConfiguredServerAndStartsNoEmbeddedOne(@TempDir Path directory) throws Exception {
        var external =
                SharedServer.acquire(new EmbeddedDatabaseProperties(directory.resolve("external"), 0, "county", false));
        try (var context = new SpringApplicationBuilder(RedWheelApplication.class)
                .run(
                        "--spring.datasource.url=" + external.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=unused",
                        "--server.port=0",
                        "--redwheel.gateway.port=0",
                        "--redwheel.security.generated-key-file=" + directory.resolve("key"),
                        "--redwheel.embedded-database.data-directory=" + directory.resolve("must-not-exist"))) {
            assertThat(context.getBeansOfType(SharedServer.class)).isEmpty();
            assertThat(directory.resolve("must-not-exist")).doesNotExist();
            try (Connection c = DriverManager.getConnection(external.jdbcUrl())) {
                var rs = c.createStatement().executeQuery("select count(*) from flyway_schema_history where success");
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(4);
            }
        } finally {
            external.release();
        }
    }
}
