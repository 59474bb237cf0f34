package org.redwheel;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.redwheel.EmbeddedPostgresConfiguration.EmbeddedDatabaseProperties;
import org.redwheel.EmbeddedPostgresConfiguration.SharedServer;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresRestartTests}: starts the embedded server, writes a
 * row, says so, and waits to be killed without stopping the server.
 */
public final class CrashingServerOwner {

    static final String READY = "ready";

    private CrashingServerOwner() {}

    public static void main(String[] args) throws Exception {
        var server = SharedServer.acquire(new EmbeddedDatabaseProperties(Path.of(args[0]), 0, "orphan_check", false));
        try (var c = DriverManager.getConnection(server.jdbcUrl())) {
            c.createStatement().execute("create table kept (n int)");
            c.createStatement().execute("insert into kept values (42)");
        }
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
