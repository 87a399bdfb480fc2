package io.guanxi.rules.lifecycle;

import io.guanxi.platform.GuanxiConfiguration;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the rules when a file under the rules directory is saved: changes are collected until
 * the directory has been quiet for a moment (an editor saves in several steps), then one reload
 * runs through the same gate as every other.
 */
@Context
final class RulesDirectoryWatcher {

    static final long QUIET_MILLIS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(RulesDirectoryWatcher.class);

    private final RuleSetActivator activator;
    private final Path rulesDir;
    private final WatchService watcher;
    private final Thread thread;

    RulesDirectoryWatcher(GuanxiConfiguration config, RuleSetActivator activator) {
        this.activator = activator;
        this.rulesDir = config.getRulesDir();
        if (!config.isWatchRules()) {
            this.watcher = null;
            this.thread = null;
            return;
        }
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            registerTree();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + rulesDir, e);
        }
        this.thread = new Thread(this::watch, "rules-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Watching {} for rule changes", rulesDir);
    }

    @PreDestroy
    void stop() throws IOException {
        if (watcher != null) {
            watcher.close();
            thread.interrupt();
        }
    }

    private void watch() {
        try {
            long changedAt = 0;
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.poll(changedAt == 0 ? 1000 : QUIET_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                    registerQuietly();
                    changedAt = System.nanoTime();
                } else if (changedAt != 0 && System.nanoTime() - changedAt >= QUIET_MILLIS * 1_000_000) {
                    changedAt = 0;
                    reloadQuietly();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void registerQuietly() {
        try {
            registerTree();
        } catch (IOException | RuntimeException e) {
            // A folder that vanished mid-walk: the next change registers again; keep watching.
            LOG.warn("Could not watch every folder under {}: {}", rulesDir, e.getMessage());
        }
    }

    private void reloadQuietly() {
        try {
            activator.reload(Activation.FILE_CHANGE);
        } catch (RuleSetRejectedException e) {
            // Already logged and kept as the last failure; the live set keeps serving.
            LOG.debug("File change rejected", e);
        } catch (RuntimeException e) {
            LOG.error("Reloading {} after a file change failed: {}", rulesDir, e.getMessage(), e);
        }
    }

    /**
     * Watches the rules directory and every folder below it (new folders too). Editors save through
     * temporary files that vanish while the tree is walked: a file that is gone is skipped, never
     * the end of watching.
     */
    private void registerTree() throws IOException {
        Files.walkFileTree(rulesDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
