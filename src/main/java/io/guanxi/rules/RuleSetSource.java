package io.guanxi.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule files of one rule set as read from a directory, and their version: {@code sha256:} and
 * the hex SHA-256 over the files sorted by relative path, each contributing its UTF-8 path, a zero
 * byte, its length as an 8-byte big-endian number and its raw bytes. READMEs, scenario tests
 * ({@code tests/}) and hidden files are not rule files and do not change the version.
 */
public record RuleSetSource(String directory, List<RuleFile> files, String version) {

    public static RuleSetSource read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RuleSetException(List.of(directory + ": rules directory not found"));
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<RuleFile> files = paths.filter(Files::isRegularFile)
                    .map(p -> toPosix(directory.relativize(p)))
                    .filter(RuleSetSource::isRuleFile)
                    .sorted(Comparator.naturalOrder())
                    .map(rel -> new RuleFile(rel, readBytes(directory.resolve(rel))))
                    .toList();
            if (files.stream().noneMatch(f -> f.isDrl() || f.isDecisionTable())) {
                throw new RuleSetException(List.of(directory + ": no rule files (*.drl, *.drl.xlsx, *.drl.csv) found"));
            }
            return of(directory.toString(), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + directory, e);
        }
    }

    /** A rule set from files given directly, sorted into version order. */
    public static RuleSetSource of(String directory, List<RuleFile> files) {
        List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
        return new RuleSetSource(directory, sorted, versionOf(sorted));
    }

    public static boolean isRuleFile(String relativePath) {
        if (relativePath.startsWith("tests/") || relativePath.contains("/.") || relativePath.startsWith(".")) {
            return false;
        }
        RuleFile probe = new RuleFile(relativePath, new byte[0]);
        return probe.isDrl() || probe.isDecisionTable() || probe.isActionCatalogue();
    }

    static String versionOf(List<RuleFile> sortedFiles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : sortedFiles) {
                sha.update(file.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(file.content().length).array());
                sha.update(file.content());
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** Where an error in a file should point a reader: the directory as configured plus the file. */
    public String displayPath(String relativePath) {
        return Path.of(directory).resolve(relativePath).toString();
    }

    private static String toPosix(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file, e);
        }
    }
}
