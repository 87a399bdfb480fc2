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
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (utc.getYear() < 1000 || utc.getYear() > 9999) {
            return FORMAT.format(instant); // signs and widths of far years: the formatter's own rules
        }
        // Written out by hand: every answer and every record carries one, and the formatter
        // took several times as long (UtcMillisTest holds the two equal).
        StringBuilder text = new StringBuilder(24).append(utc.getYear());
        two(text.append('-'), utc.getMonthValue());
        two(text.append('-'), utc.getDayOfMonth());
        two(text.append('T'), utc.getHour());
        two(text.append(':'), utc.getMinute());
        two(text.append(':'), utc.getSecond());
        int millis = utc.getNano() / 1_000_000;
        return text.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10)).append('Z').toString();
    }

    private static void two(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** A database value, which Guanxi always stores in UTC. */
    public static String format(LocalDateTime utc) {
        return format(utc.toInstant(ZoneOffset.UTC));
    }

    /** The database value (UTC, no zone) for an instant; null stays null. */
    public static LocalDateTime toDatabase(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
