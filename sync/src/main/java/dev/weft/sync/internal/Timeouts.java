package dev.weft.sync.internal;

import java.time.Duration;
import java.util.Objects;

/** Conversion of {@link Duration} timeouts to nanoseconds, the way every weft primitive reads them. */
public final class Timeouts {
    private Timeouts() {
    }

    /**
     * {@return {@code timeout} in nanoseconds, saturated to {@code Long.MAX_VALUE}; zero or less
     * means "do not wait"}
     *
     * @param timeout the timeout
     * @throws NullPointerException if {@code timeout} is null
     */
    public static long toNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            return 0L;
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
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
