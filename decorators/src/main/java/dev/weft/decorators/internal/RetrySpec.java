package dev.weft.decorators.internal;

import dev.weft.decorators.RetryAttempt;
import dev.weft.decorators.RetryPolicy;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * What a {@link RetryPolicy} says, as the {@link RetryDecorator} reads it: how many attempts,
 * the wait before each next one, which failures and results are retried, the deadline and the
 * listener.
 *
 * @param maxAttempts attempts in all, {@code >= 1}
 * @param initialNanos the first wait (the fixed wait of a fixed backoff), {@code >= 0}
 * @param factor how each wait grows ({@code 1} for a fixed backoff)
 * @param maxNanos the longest wait, {@code >= initialNanos}
 * @param jitter how the waits are randomised
 * @param retryOn the failure types retried
 * @param retryIf the further test a failure must pass
 * @param retryIfResult which results are retried
 * @param deadlineNanos the time after the first attempt's start past which no attempt starts,
 *     or {@code Long.MAX_VALUE} for none
 * @param listener told of each attempt, or {@code null}
 */
public record RetrySpec(int maxAttempts, long initialNanos, double factor, long maxNanos,
        RetryPolicy.Jitter jitter, List<Class<? extends Throwable>> retryOn, Predicate<Throwable> retryIf,
        Predicate<Object> retryIfResult, long deadlineNanos, Consumer<RetryAttempt> listener) {

    /** Checks the parts and copies the type list. */
    public RetrySpec {
        Objects.requireNonNull(jitter, "jitter");
        retryOn = List.copyOf(retryOn);
        Objects.requireNonNull(retryIf, "retryIf");
        Objects.requireNonNull(retryIfResult, "retryIfResult");
    }

    /**
     * {@return whether {@code failure} is one to retry: of a {@link #retryOn} type, passing
     * {@link #retryIf}} Interruptions are never retried; the decorator checks that first.
     *
     * @param failure what an attempt threw
     */
    public boolean retriesFailure(Throwable failure) {
        for (Class<? extends Throwable> type : retryOn) {
            if (type.isInstance(failure)) {
                return retryIf.test(failure);
            }
        }
        return false;
    }

    /**
     * {@return the wait after failed attempt {@code attempt}, before the next one}
     *
     * @param attempt the attempt that just failed, from 1
     * @param previousNanos the wait before it ({@link #initialNanos} after the first attempt)
     * @param random where the jitter comes from
     */
    public long delayNanos(int attempt, long previousNanos, RandomGenerator random) {
        switch (jitter) {
            case FULL:
                long base = baseNanos(attempt);
                return base == 0 ? 0 : random.nextLong(base + (base == Long.MAX_VALUE ? 0 : 1));
            case DECORRELATED:
                long high = Math.min(maxNanos, grown(Math.max(previousNanos, initialNanos)));
                return high <= initialNanos ? initialNanos : random.nextLong(initialNanos, high + (high == Long.MAX_VALUE ? 0 : 1));
            default:
                return baseNanos(attempt);
        }
    }

    /** {@return the un-jittered wait after attempt {@code attempt}: initial × factor^(attempt-1), capped} */
    long baseNanos(int attempt) {
        double nanos = initialNanos * Math.pow(factor, attempt - 1);
        return nanos >= maxNanos ? maxNanos : (long) nanos;
    }

    private long grown(long nanos) {
        double next = nanos * factor;
        return next >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) next;
    }
}
