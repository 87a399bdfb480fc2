package io.guanxi.platform.db;

import ch.vorburger.exec.ManagedProcessException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB of a data directory, for the zero-setup default and for tests: a real
 * server whose data survives every restart, closed to everyone but the service's own account, and
 * supervised — if its process dies, it is started again on the same data and port. One server per
 * data directory per JVM, shared by every application context; a second process that opens the
 * directory (the {@code audit} command while the service runs) uses the running server.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "guanxi";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();
    private static final long WATCH_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final DataDirectory directory;
    /** The server this process started and supervises; null when another process runs it. */
    private final MariaDbServer server;
    private final int port;
    private final AtomicLong restarts = new AtomicLong();
    private volatile boolean up = true;

    private EmbeddedMariaDb(DataDirectory directory, MariaDbServer server, int port) {
        this.directory = directory;
        this.server = server;
        this.port = port;
    }

    /** The server of this data directory: started and supervised by this process, or the one already running. */
    public static synchronized EmbeddedMariaDb startIn(Path dataDirectory) {
        return startIn(dataDirectory, true);
    }

    /**
     * As {@link #startIn(Path)}; without supervision a server whose process dies stays down until
     * {@link #restart()} (tests use that to play an external database that an operator restarts).
     */
    public static synchronized EmbeddedMariaDb startIn(Path dataDirectory, boolean supervised) {
        return open(dataDirectory, supervised, false);
    }

    /**
     * The server of this data directory for a command-line tool: the one a running service owns, or
     * else one started here. Only a tool may use another process's server: a service never does,
     * since that server ends with its owner and nothing would start it again.
     */
    public static synchronized EmbeddedMariaDb attachOrStartIn(Path dataDirectory) {
        return open(dataDirectory, true, true);
    }

    private static EmbeddedMariaDb open(Path dataDirectory, boolean supervised, boolean mayAttach) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        EmbeddedMariaDb running = RUNNING.get(dir);
        if (running == null) {
            running = open(DataDirectory.open(dir), supervised, mayAttach);
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

    /** The service's account: the only one that may log in over TCP. */
    public String username() {
        return MariaDbServer.ACCOUNT;
    }

    /** The account's password, kept owner-readable only under the data directory. */
    public String password() {
        return directory.password();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), password());
    }

    /** False while the server's process is dead or being started again. */
    public boolean isUp() {
        return server == null ? MariaDbServer.process(directory.root()).isPresent() : up && server.isAlive();
    }

    /** How often the server was started again after its process died. */
    public long restarts() {
        return restarts.get();
    }

    public Path dataDirectory() {
        return directory.root();
    }

    DataDirectory directory() {
        return directory;
    }

    /** Starts the server again on the same data and port after its process died (unsupervised servers). */
    public synchronized void restart() {
        if (server == null) {
            throw new IllegalStateException("the server of " + directory.root() + " runs in another process");
        }
        try {
            server.startWithAccount();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot start the embedded MariaDB again in " + directory.root()
                    + ": " + e.getMessage(), e);
        }
        restarts.incrementAndGet();
    }

    /**
     * Stops the server this process started and lets the data directory go (tests that restart a
     * server in one JVM); the service itself keeps its server until the JVM exits.
     */
    public void stop() {
        synchronized (EmbeddedMariaDb.class) {
            RUNNING.remove(directory.root());
        }
        try {
            if (server != null) {
                server.stop();
            }
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot stop the embedded MariaDB in " + directory.root(), e);
        } finally {
            directory.close();
        }
    }

    private static EmbeddedMariaDb open(DataDirectory directory, boolean supervised, boolean mayAttach) {
        if (!directory.owned() && !mayAttach) {
            throw DataDirectory.unusable(directory.root(), "another process owns it (a service or an audit command"
                    + " running on it" + MariaDbServer.process(directory.root()).map(p -> ", its MariaDB pid "
                    + p.pid()).orElse("") + "); one process at a time");
        }
        if (!directory.owned()) {
            return attach(directory);
        }
        long startedAt = System.nanoTime();
        try {
            MariaDbServer server = MariaDbServer.start(directory, DATABASE);
            EmbeddedMariaDb db = new EmbeddedMariaDb(directory, server, server.port());
            LOG.info("Embedded MariaDB ready on 127.0.0.1:{} with data in {} ({} ms)", db.port,
                    directory.resolve(DataDirectory.MARIADB_DATA), (System.nanoTime() - startedAt) / 1_000_000);
            if (supervised) {
                db.supervise();
            }
            return db;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot start the embedded MariaDB in " + directory.root() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Another process (a running service) owns the directory: use its server. */
    private static EmbeddedMariaDb attach(DataDirectory directory) {
        return MariaDbServer.process(directory.root())
                .filter(ProcessHandle::isAlive)
                .flatMap(MariaDbServer::port)
                .map(port -> new EmbeddedMariaDb(directory, null, port))
                .orElseThrow(() -> new IllegalStateException("the data directory " + directory.root() + " is in use"
                        + " by another process, and its MariaDB is not running (is that service still starting?)"));
    }

    /** Watches the server's process and starts it again, on the same data and port, when it dies. */
    private void supervise() {
        Thread watcher = new Thread(() -> {
            while (!server.stopping() && !Thread.currentThread().isInterrupted()) {
                sleep(WATCH_MILLIS);
                if (!server.isAlive() && !server.stopping()) {
                    up = false;
                    LOG.error("The embedded MariaDB's process has died: decisions are refused until it runs again;"
                            + " starting it again on the same data in {}", directory.root());
                    startAgain();
                }
            }
        }, "embedded-mariadb-supervisor");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void startAgain() {
        long backoff = WATCH_MILLIS;
        while (!server.stopping() && !Thread.currentThread().isInterrupted()) {
            long startedAt = System.nanoTime();
            try {
                restart();
                up = true;
                LOG.warn("The embedded MariaDB runs again after {} ms (restart {} since start)",
                        (System.nanoTime() - startedAt) / 1_000_000, restarts.get());
                return;
            } catch (RuntimeException e) {
                LOG.error("The embedded MariaDB did not start again; next try in {} ms", backoff, e);
                sleep(backoff);
                backoff = Math.min(2 * backoff, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
