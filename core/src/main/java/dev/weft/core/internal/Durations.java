package dev.weft.core.internal;

import java.time.Duration;

/** Conversions of {@link Duration} that never overflow. */
public final class Durations {
    private Durations() {
    }

    /**
     * {@return {@code d} in nanoseconds, clamped to {@code Long.MIN_VALUE..Long.MAX_VALUE}}
     *
     * @param d the duration
     */
    public static long toNanosSaturated(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
