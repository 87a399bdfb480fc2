package io.guanxi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code GET /prometheus} as Prometheus makes it (the OPERATOR test key as a Bearer
 * token, through the JDK client so that no test filter adds another key), parsed into samples.
 */
public final class Scrape {

    /** One line of the text format: a name, its labels, a value. */
    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    /** Scrapes the service at this base URI with the OPERATOR key; fails unless the answer is 200. */
    public static Scrape of(URI server) {
        HttpResponse<String> response = get(server, "/prometheus", "Authorization", "Bearer " + ApiKeyTestFilter.OPERATOR);
        if (response.statusCode() != 200) {
            throw new AssertionError("scrape answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /** A GET with one header (none when {@code header} is null), through the JDK client. */
    public static HttpResponse<String> get(URI server, String path, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).GET();
        if (header != null) {
            request.header(header, value);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new Scrape(samples);
    }

    /** The sum of the samples of this name that carry every given label ({@code "key=value"}); 0 when none does. */
    public double value(String name, String... labels) {
        return matching(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** How much {@link #value} grew since an earlier scrape. */
    public double since(Scrape earlier, String name, String... labels) {
        return value(name, labels) - earlier.value(name, labels);
    }

    /** Whether any sample of this name carries every given label. */
    public boolean has(String name, String... labels) {
        return series(name, labels) > 0;
    }

    /** How many samples of this name carry every given label (a histogram's buckets, say). */
    public int series(String name, String... labels) {
        return matching(name, labels).size();
    }

    private List<Sample> matching(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && carries(s, labels)).toList();
    }

    private static boolean carries(Sample sample, String... labels) {
        for (String label : labels) {
            String[] kv = label.split("=", 2);
            if (!kv[1].equals(sample.labels().get(kv[0]))) {
                return false;
            }
        }
        return true;
    }
}
