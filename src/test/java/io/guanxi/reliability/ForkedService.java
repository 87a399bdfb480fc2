package io.guanxi.reliability;

import io.guanxi.testing.ApiKeyTestFilter;
import io.guanxi.testing.AuditDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The service in a JVM of its own, with a heap as small as a test asks for, on a database given by
 * URL or on its own embedded MariaDB under a data directory; stopped (and its process ended) on
 * close, or killed together with its database as a power cut would, and started again on the same
 * data.
 */
public final class ForkedService implements AutoCloseable {

    /**
     * What a service starts on: a database URL (null: the embedded MariaDB under dataDir), heap, log
     * file and further JVM options.
     */
    record Setup(String jdbcUrl, Path dataDir, int heapMb, Path log, List<String> jvmOptions) {

        static Setup onDatabase(String jdbcUrl, int heapMb, Path log) {
            return new Setup(jdbcUrl, Path.of("target/test-data-forked"), heapMb, log, List.of());
        }

        static Setup embedded(Path dataDir, int heapMb, Path log) {
            return new Setup(null, dataDir, heapMb, log, List.of());
        }

        /**
         * For a service that lives seconds: the quick compiler only and one GC thread, since on two
         * shared cores its start (rules compiled, scenarios run) is most of its life.
         */
        Setup shortLived() {
            return new Setup(jdbcUrl, dataDir, heapMb, log, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
    }

    /** Generous: two services starting side by side on two busy shared cores took over a minute. */
    private static final Duration START_LIMIT = Duration.ofSeconds(150);

    private final Setup setup;
    private final Process process;
    private final int port;

    private ForkedService(Setup setup, Process process, int port) {
        this.setup = setup;
        this.process = process;
        this.port = port;
    }

    public static ForkedService start(String jdbcUrl, int heapMb, Path log) throws IOException, InterruptedException {
        return start(Setup.onDatabase(jdbcUrl, heapMb, log));
    }

    /** Starts a service on a free port, its log file begun afresh. */
    public static ForkedService start(Setup setup) throws IOException, InterruptedException {
        return start(setup, ProcessBuilder.Redirect.to(setup.log().toFile()));
    }

    /** Another service on the same setup (the same data), on a free port; its output goes on in the same log. */
    ForkedService restart() throws IOException, InterruptedException {
        return start(setup, ProcessBuilder.Redirect.appendTo(setup.log().toFile()));
    }

    private static ForkedService start(Setup setup, ProcessBuilder.Redirect log) throws IOException,
            InterruptedException {
        int port = freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + setup.heapMb() + "m", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(setup.jvmOptions());
        command.addAll(List.of("-cp", classpath, "io.guanxi.Application"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log);
        Map<String, String> env = builder.environment();
        env.remove("DATASOURCES_DEFAULT_URL");
        if (setup.jdbcUrl() != null) {
            env.put("DATASOURCES_DEFAULT_URL", setup.jdbcUrl());
            env.put("DATASOURCES_DEFAULT_USERNAME", AuditDatabase.login().user());
            env.put("DATASOURCES_DEFAULT_PASSWORD", AuditDatabase.login().password());
        }
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        env.put("GUANXI_API_KEYS", ApiKeyTestFilter.AUDITOR + "=AUDITOR;"
                + ApiKeyTestFilter.ALL_ROLES + "=ADVICE_CLIENT+AUDITOR+RULES_ADMIN");
        env.put("GUANXI_DATA_DIR", setup.dataDir().toString());
        env.put("GUANXI_WATCH_RULES", "false");
        ForkedService service = new ForkedService(setup, builder.start(), port);
        service.awaitHealthy();
        return service;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGKILL of the service's JVM and of its embedded mariadbd at the same moment, mid-work, as a
     * power cut would; returns once both are gone.
     */
    void killWithItsDatabase() throws Exception {
        ProcessHandle database = database();
        database.destroyForcibly();
        process.destroyForcibly();
        database.onExit().get(30, TimeUnit.SECONDS);
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /**
     * SIGKILL of the service's JVM alone: its embedded mariadbd goes on running, orphaned, holding
     * the data files. Returns that mariadbd once the JVM is gone.
     */
    ProcessHandle killAlone() throws Exception {
        ProcessHandle database = database();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        return database;
    }

    private ProcessHandle database() {
        return process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no mariadbd runs under the forked service"));
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the forked service exited with " + process.exitValue() + "; see "
                        + setup.log());
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("the forked service was not healthy within " + START_LIMIT + "; see "
                + setup.log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the service; an embedded mariadbd it leaves behind (if it had to be killed) is ended too. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> descendants = process.toHandle().descendants().toList();
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle left : descendants) {
            try {
                left.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException stillRunning) {
                left.destroyForcibly();
            }
        }
    }
}
