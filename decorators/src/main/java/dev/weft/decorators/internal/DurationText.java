package dev.weft.decorators.internal;

import java.time.Duration;
import java.util.Locale;

/** Short human-readable durations for log lines: {@code 850 ns}, {@code 12.345 ms}, {@code 5.011 s}. */
public final class DurationText {

    private DurationText() {
    }

    /**
     * Formats {@code d} with the largest unit below it.
     *
     * @param d the duration
     * @return the text
     */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        long abs = Math.abs(nanos);
        if (abs < 1_000L) {
            return nanos + " ns";
        }
        if (abs < 1_000_000L) {
            return String.format(Locale.ROOT, "%.3f µs", nanos / 1e3);
        }
        if (abs < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
