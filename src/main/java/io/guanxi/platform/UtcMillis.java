package io.guanxi.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one way Guanxi writes a moment: ISO-8601 in UTC with exactly three fraction digits
 * ({@code 2026-11-23T08:15:30.123Z}), in answers, exports, views and the audit chain's encoding;
 * and the database's UTC {@code DATETIME(3)} values it converts from and to.
 */
public final class UtcMillis {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private UtcMillis() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** A database value, which Guanxi always stores in UTC. */
    public static String format(LocalDateTime utc) {
        return FORMAT.format(utc.toInstant(ZoneOffset.UTC));
    }

    /** The database value (UTC, no zone) for an instant; null stays null. */
    public static LocalDateTime toDatabase(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
