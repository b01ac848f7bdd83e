package dev.backman.filesystem.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Test
    void writesWhatInstantToStringWritesForAnyTimeOfTheYears0000To9999() {
        Random random = new Random(7);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        int[] nanos = {0, 1, 999_999_999, 123_000_000, 123_456_000, 123_456_789, 100, 1_000, 1_000_000};
        for (int i = 0; i < 200_000; i++) {
            long seconds = first + Math.floorMod(random.nextLong(), end - first);
            int nano = i % 2 == 0 ? nanos[i % nanos.length] : random.nextInt(1_000_000_000);
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertThat(IsoInstant.format(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
    }

    @Test
    void writesTheDaysAroundLeapDaysCenturiesAndTheEndsOfTheRangeAsInstantDoes() {
        for (String text : List.of("0000-01-01T00:00:00Z", "0000-02-29T12:00:00Z", "0000-03-01T00:00:00Z",
                "1600-02-29T23:59:59Z", "1700-02-28T23:59:59Z", "1700-03-01T00:00:00Z", "1900-02-28T00:00:00Z",
                "1900-03-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "2000-02-29T00:00:00.001Z", "2000-12-31T23:59:59Z", "2024-02-29T23:59:59.1Z", "2100-03-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z")) {
            Instant instant = Instant.parse(text);
            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        }
        Instant beyond = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(IsoInstant.format(beyond)).isEqualTo(beyond.toString());
        Instant before = Instant.parse("-0001-12-31T23:59:59Z");
        assertThat(IsoInstant.format(before)).isEqualTo(before.toString());
    }

    @Test
    void readsBackWhatItWritesForAnyTimeOfTheYears0000To9999() {
        Random random = new Random(11);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(first + Math.floorMod(random.nextLong(), end - first),
                    i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
            assertThat(IsoInstant.parse(IsoInstant.format(instant))).as("%s", instant).isEqualTo(instant);
        }
        assertThat(IsoInstant.parse("2024-02-29T23:59:59.1Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.1Z"));
        assertThat(IsoInstant.parse("1969-12-31T23:59:59.000000001Z"))
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.000000001Z"));
    }

    @Test
    void leavesEveryOtherTextToTheFullParser() {
        for (String text : new String[] {"", "2024-07-03T09:46:40", "2024-07-03T09:46:40+01:00",
                "2024-07-03t09:46:40Z", "2024-07-03T09:46:40z", "2024-07-03 09:46:40Z", "2024-7-03T09:46:40Z",
                "2024-07-03T09:46:40.Z", "2024-07-03T09:46:40.1234567891Z", "2024-07-03T09:46:40,5Z",
                "2024-07-03T09:46:4xZ", "2024-07-03T09:46:40.12a4Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z",
                "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-07-00T00:00:00Z", "2024-07-03T24:00:00Z",
                "2024-07-03T23:60:00Z", "2024-07-03T23:59:60Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
                "12024-07-03T09:46:40Z"}) {
            assertThat(IsoInstant.parse(text)).as(text).isNull();
        }
    }

    @Test
    void writesTheEdgesOfItsRangeAndTimesOutsideItLikeInstantToString() {
        for (String text : new String[]{"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.000001Z",
                "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        }
        assertThat(IsoInstant.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(IsoInstant.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }

    @Test
    void writesIntoABufferWhatItReturnsAsTextAndLeavesOtherYearsToTheCaller() {
        char[] text = new char[IsoInstant.LONGEST];
        for (Instant instant : new Instant[] {Instant.EPOCH, Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("0000-01-01T00:00:00.000001Z"), Instant.parse("2024-03-10T14:05:09.120Z")}) {
            int length = IsoInstant.format(instant, text);
            assertThat(new String(text, 0, length)).isEqualTo(instant.toString());
        }
        assertThat(IsoInstant.format(Instant.MAX, text)).isEqualTo(-1);
        assertThat(IsoInstant.format(Instant.parse("-0001-12-31T23:59:59Z"), text)).isEqualTo(-1);
    }
}
