package org.redwheel;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL 17 from the binaries on the class path when no external datasource is
 * configured, so a fresh machine runs the platform with zero set-up. The server's data lives under
 * {@code redwheel.embedded-database.data-directory}; it survives restarts.
 *
 * <p>Several application contexts in one JVM (tests) share one server per data directory: it is
 * reference counted and stopped when the last context closes.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatasource.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "release")
    SharedServer embeddedPostgres(EmbeddedDatabaseProperties properties) {
        return SharedServer.acquire(properties);
    }

    @Bean
    DataSource dataSource(SharedServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("redwheel-embedded");
        return dataSource;
    }

    /**
     * Embedded database settings ({@code redwheel.embedded-database.*}).
     *
     * @param dataDirectory where the cluster lives; kept across restarts
     * @param port fixed port, or 0 for any free one
     * @param databaseName the application's database inside the cluster
     * @param fresh wipe the directory before starting (tests only)
     */
    @ConfigurationProperties("redwheel.embedded-database")
    record EmbeddedDatabaseProperties(Path dataDirectory, int port, String databaseName, boolean fresh) {

        EmbeddedDatabaseProperties {
            dataDirectory = dataDirectory == null ? Path.of("data", "pg") : dataDirectory;
            databaseName = StringUtils.hasText(databaseName) ? databaseName : "redwheel";
        }
    }

    /** One running server per data directory, shared by the contexts of this JVM. */
    static final class SharedServer {

        private static final Map<Path, SharedServer> RUNNING = new HashMap<>();

        private final Path directory;
        private final EmbeddedPostgres postgres;
        private final String jdbcUrl;
        private int users;

        private SharedServer(Path directory, EmbeddedPostgres postgres, String jdbcUrl) {
            this.directory = directory;
            this.postgres = postgres;
            this.jdbcUrl = jdbcUrl;
        }

        static synchronized SharedServer acquire(EmbeddedDatabaseProperties properties) {
            Path directory = properties.dataDirectory().toAbsolutePath().normalize();
            SharedServer server = RUNNING.computeIfAbsent(directory, dir -> start(dir, properties));
            server.users++;
            return server;
        }

        private static SharedServer start(Path directory, EmbeddedDatabaseProperties properties) {
            try {
                if (properties.fresh()) {
                    deleteRecursively(directory);
                }
                Files.createDirectories(directory);
                stopOrphanedServer(directory);
                boolean existing = Files.exists(directory.resolve("PG_VERSION"));
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        // Spring stops it after everything that uses it; the library's own JVM hook
                        // would stop it first, under the feet of the closing application.
                        .setRegisterShutdownHook(false)
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setServerConfig("timezone", "Asia/Shanghai")
                        // The library starts PostgreSQL for throw-away tests (-F, no synchronous
                        // commit). These are real data: a commit, and so a terminal's 0x8001, must
                        // mean the data is on disk.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
                if (properties.port() > 0) {
                    builder.setPort(properties.port());
                }
                EmbeddedPostgres postgres = builder.start();
                createDatabaseIfMissing(postgres, properties.databaseName());
                String url = postgres.getJdbcUrl("postgres", properties.databaseName());
                log.info(
                        "Embedded PostgreSQL {} on port {} with data in {}",
                        existing ? "reopened" : "initialised",
                        postgres.getPort(),
                        directory);
                return new SharedServer(directory, postgres, url);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + directory, e);
            }
        }

        private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String name) {
            if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("redwheel.embedded-database.database-name: not a plain identifier");
            }
            try (var connection = postgres.getPostgresDatabase().getConnection();
                    var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                check.setString(1, name);
                if (!check.executeQuery().next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + name);
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Cannot create the database " + name, e);
            }
        }

        /**
         * A server left running by a JVM that died without stopping it (kill -9, power loss of the
         * JVM only) still holds the directory; stop it so this start can take over its data.
         */
        private static void stopOrphanedServer(Path directory) throws IOException {
            Path pidFile = directory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid;
            try {
                pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            } catch (RuntimeException e) {
                return;
            }
            var process = ProcessHandle.of(pid)
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (process.isEmpty()) {
                return;
            }
            log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", pid, directory);
            // SIGTERM: PostgreSQL's smart shutdown, with a checkpoint; its data stays consistent.
            process.get().destroy();
            try {
                process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("PostgreSQL (pid " + pid + ") on " + directory + " did not stop", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping PostgreSQL on " + directory, e);
            }
        }

        private static void deleteRecursively(Path directory) throws IOException {
            if (!Files.exists(directory)) {
                return;
            }
            try (var paths = Files.walk(directory)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }

        String jdbcUrl() {
            return jdbcUrl;
        }

        int port() {
            return postgres.getPort();
        }

        void release() {
            synchronized (SharedServer.class) {
                if (--users > 0) {
                    return;
                }
                RUNNING.remove(directory);
            }
            try {
                postgres.close();
                log.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    /** Matches when neither {@code spring.datasource.url} nor {@code REDWHEEL_DB_URL} names a server. */
    static class NoExternalDatasource implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
