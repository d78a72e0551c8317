package dev.weft.core.internal;

import java.time.Duration;
import java.util.Objects;

/** Conversions of {@link Duration} that never overflow, and the timeout arithmetic built on them. */
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

    /**
     * Reads a timeout the way every weft primitive does: zero or less means "do not wait".
     *
     * @param timeout the timeout
     * @return {@code timeout} in nanoseconds, saturated to {@code Long.MAX_VALUE}; 0 if it is zero
     *     or negative
     * @throws NullPointerException if {@code timeout} is null
     */
    public static long toTimeoutNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            return 0L;
        }
        return toNanosSaturated(timeout);
    }

    /**
     * {@return the {@link System#nanoTime()} value {@code nanos} from now, saturated so that a huge
     * timeout never wraps around into the past}
     *
     * @param nanos a non-negative number of nanoseconds
     */
    public static long deadlineAfter(long nanos) {
        long now = System.nanoTime();
        long deadline = now + nanos;
        // Overflow: a deadline ~292 years away is "forever" for every caller.
        return deadline - now < 0 ? now + Long.MAX_VALUE : deadline;
    }
}
