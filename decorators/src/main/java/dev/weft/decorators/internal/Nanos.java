package dev.weft.decorators.internal;

import java.time.Duration;
import java.util.Objects;

/** The argument checks and {@link Duration} conversions of the resilience decorators. */
public final class Nanos {

    private Nanos() {
    }

    /**
     * {@return {@code d} in nanoseconds, saturated at {@code Long.MAX_VALUE}}
     *
     * @param d a duration that must be {@code > 0}
     * @param what its name, for the messages
     * @throws NullPointerException if {@code d} is {@code null}
     * @throws IllegalArgumentException if {@code d} is zero or negative
     */
    public static long positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be > 0: " + d);
        }
        return saturated(d);
    }

    /**
     * {@return {@code d} in nanoseconds, saturated at {@code Long.MAX_VALUE}}
     *
     * @param d a duration that must be {@code >= 0}
     * @param what its name, for the messages
     * @throws NullPointerException if {@code d} is {@code null}
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public static long nonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must be >= 0: " + d);
        }
        return saturated(d);
    }

    /**
     * {@return a wait in nanoseconds: zero for a zero or negative {@code d} ("do not wait")}
     *
     * @param d the longest wait
     * @param what its name, for the messages
     * @throws NullPointerException if {@code d} is {@code null}
     */
    public static long maxWait(Duration d, String what) {
        Objects.requireNonNull(d, what);
        return d.isNegative() ? 0 : saturated(d);
    }

    /**
     * Checks a count.
     *
     * @param n the count
     * @param what its name, for the message
     * @return {@code n}
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static int atLeastOne(int n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be >= 1: " + n);
        }
        return n;
    }

    private static long saturated(Duration d) {
        return d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }
}
