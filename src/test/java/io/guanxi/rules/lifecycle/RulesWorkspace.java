package io.guanxi.rules.lifecycle;

import io.guanxi.advice.AdviceApi;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private copy of the shipped rules directory that a test may edit, and a service started on it
 * (against the shared test database), as an analyst would work.
 */
public final class RulesWorkspace {

    private final Path dir;

    public RulesWorkspace(Path emptyDir) {
        this.dir = emptyDir;
        copyTree(Path.of("rules"), emptyDir);
    }

    public Path dir() {
        return dir;
    }

    /** Replaces text in one rule file, as an analyst saving a change. */
    public void edit(String file, String from, String to) {
        Path path = dir.resolve(file);
        try {
            String text = Files.readString(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Path temp = Files.createTempFile(dir, ".edit-", ".tmp");
            Files.writeString(temp, text.replace(from, to));
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String file, String content) {
        try {
            Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EmbeddedServer start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        all.putIfAbsent("guanxi.rules-dir", dir.toString());
        return ApplicationContext.run(EmbeddedServer.class, all, "test");
    }

    public static AdviceApi api(EmbeddedServer server) {
        ApplicationContext context = server.getApplicationContext();
        return new AdviceApi(context.createBean(HttpClient.class, server.getURL()), context.getBean(JsonMapper.class));
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
