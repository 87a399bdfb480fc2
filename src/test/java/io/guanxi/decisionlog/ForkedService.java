package io.guanxi.decisionlog;

import io.guanxi.system.ApiKeyTestFilter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The service in a JVM of its own, with a heap as small as a test asks for, on a database given by
 * URL; stopped (and its process ended) on close.
 */
final class ForkedService implements AutoCloseable {

    private final Process process;
    private final int port;

    private ForkedService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ForkedService start(String jdbcUrl, int heapMb, Path log) throws IOException, InterruptedException {
        int port = freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath, "io.guanxi.Application"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DATASOURCES_DEFAULT_URL", jdbcUrl);
        builder.environment().put("DATASOURCES_DEFAULT_USERNAME", AuditDatabase.server().username());
        builder.environment().put("DATASOURCES_DEFAULT_PASSWORD", AuditDatabase.server().password());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("GUANXI_API_KEYS", ApiKeyTestFilter.AUDITOR + "=AUDITOR;"
                + ApiKeyTestFilter.ALL_ROLES + "=ADVICE_CLIENT+AUDITOR+RULES_ADMIN");
        builder.environment().put("GUANXI_DATA_DIR", "target/test-data-forked");
        builder.environment().put("GUANXI_WATCH_RULES", "false");
        ForkedService service = new ForkedService(builder.start(), port);
        service.awaitHealthy(Duration.ofSeconds(60), log);
        return service;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void awaitHealthy(Duration timeout, Path log) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the forked service exited with " + process.exitValue() + "; see " + log);
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
        throw new IllegalStateException("the forked service was not healthy within " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
