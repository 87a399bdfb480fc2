package io.guanxi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A moment is written the same way whichever path writes it: the answer, the record and the chain depend on it. */
class UtcMillisTest {

    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-11-23T08:15:30.123Z", "2026-01-01T00:00:00Z", "1999-12-31T23:59:59.999999999Z",
            "1000-01-01T00:00:00.001Z", "0999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z",
            "+10000-01-01T00:00:00Z", "-0001-06-15T12:00:00.5Z", "1970-01-01T00:00:00.000000999Z"})
    void writesEveryMomentAsTheIsoPatternDoes(String moment) {
        Instant instant = Instant.parse(moment);
        assertEquals(PATTERN.format(instant), UtcMillis.format(instant));
    }

    @Test
    void writesManyMomentsAsTheIsoPatternDoes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 254_000_000_000L), random.nextInt(1_000_000_000));
            assertEquals(PATTERN.format(instant), UtcMillis.format(instant), instant::toString);
        }
    }

    @Test
    void writesTheDatabaseValueOfAMomentAsTheMomentItself() {
        Instant instant = Instant.parse("2026-12-04T18:22:37.450Z");
        assertEquals("2026-12-04T18:22:37.450Z", UtcMillis.format(UtcMillis.toDatabase(instant)));
    }
}
