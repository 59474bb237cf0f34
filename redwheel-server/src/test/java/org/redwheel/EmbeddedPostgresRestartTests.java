package org.redwheel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redwheel.EmbeddedPostgresConfiguration.EmbeddedDatabaseProperties;
import org.redwheel.EmbeddedPostgresConfiguration.SharedServer;

/** The embedded PostgreSQL keeps its data in its directory across a stop and a start. */
class EmbeddedPostgresRestartTests {

    @Test
    void dataSurvivesAStopAndAStart(@TempDir Path directory) throws Exception {
        var properties = new EmbeddedDatabaseProperties(directory.resolve("pg"), 0, "restart_check", false);

        SharedServer first = SharedServer.acquire(properties);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl())) {
            assertThat(setting(c, "fsync")).as("a commit reaches the disk").isEqualTo("on");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            c.createStatement().execute("create table survivor (name text)");
            c.createStatement().execute("insert into survivor values ('红色方向盘')");
        }
        first.release();

        SharedServer second = SharedServer.acquire(properties);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl())) {
            var rs = c.createStatement().executeQuery("select name from survivor");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("红色方向盘");
        } finally {
            second.release();
        }
        assertThat(directory.resolve("pg").resolve("PG_VERSION")).exists();
    }

    @Test
    void contextsOfOneJvmShareOneServerUntilTheLastReleasesIt(@TempDir Path directory) throws Exception {
        var properties = new EmbeddedDatabaseProperties(directory.resolve("pg"), 0, "shared_check", false);
        SharedServer a = SharedServer.acquire(properties);
        SharedServer b = SharedServer.acquire(properties);
        assertThat(b).isSameAs(a);
        a.release();
        try (Connection c = DriverManager.getConnection(b.jdbcUrl())) {
            assertThat(c.isValid(2)).isTrue();
        }
        b.release();
        assertThat(canConnect(b.jdbcUrl())).isFalse();
    }

    @Test
    void takesOverADirectoryWhoseServerOutlivedItsKilledJvm(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pg");
        Process jvm = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingServerOwner.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals(CrashingServerOwner.READY)) {
                // wait until the other JVM has written its row
            }
        }
        jvm.destroyForcibly().waitFor();
        assertThat(data.resolve("postmaster.pid"))
                .as("the killed JVM's server is still running")
                .exists();

        var properties = new EmbeddedDatabaseProperties(data, 0, "orphan_check", false);
        SharedServer next = SharedServer.acquire(properties);
        try (Connection c = DriverManager.getConnection(next.jdbcUrl())) {
            var rs = c.createStatement().executeQuery("select n from kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        } finally {
            next.release();
        }
    }

    private static String setting(Connection c, String name) throws Exception {
        var rs = c.createStatement().executeQuery("show " + name);
        rs.next();
        return rs.getString(1);
    }

    private static boolean canConnect(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }
}
