package dev.weft.decorators;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of a retried call, as the listener of {@link RetryPolicy.Builder#onAttempt} sees
 * it: tenacity's {@code RetryCallState} (its {@code attempt_number}, {@code outcome} and
 * {@code next_action}).
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=retry-attempt}
 *
 * <p>Compared with Resilience4j's {@code RetryEvent}: one record for every attempt, told to one
 * listener in the calling thread, rather than events of several kinds on a publisher.
 *
 * @param name the decorated function's name
 * @param number which attempt this was, from 1
 * @param failure what it threw, or {@code null} if it returned
 * @param willRetry whether another attempt follows
 * @param delay the wait before that attempt ({@link Duration#ZERO} if none follows)
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public record RetryAttempt(String name, int number, @Nullable Throwable failure, boolean willRetry, Duration delay) {

    /**
     * Checks the parts.
     *
     * @throws NullPointerException if {@code name} or {@code delay} is {@code null}
     * @throws IllegalArgumentException if {@code number < 1} or {@code delay} is negative
     */
    public RetryAttempt {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(delay, "delay");
        if (number < 1) {
            throw new IllegalArgumentException("number must be >= 1: " + number);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0: " + delay);
        }
    }

    /** {@return whether the attempt threw} */
    public boolean failed() {
        return failure != null;
    }
}
