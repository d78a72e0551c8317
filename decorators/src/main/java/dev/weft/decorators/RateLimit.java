package dev.weft.decorators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method to start at most {@link #permits()} calls in any
 * {@link #periodMillis()}, by {@link Decorate#annotated}: {@link Decorators#rateLimit(int,
 * java.time.Duration)}, or {@link Decorators#rateLimit(int, java.time.Duration, java.time.Duration)}
 * with {@link #maxWaitMillis()}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=rate-limit-annotation}
 *
 * <p>Each annotated method gets its own limit, shared by every caller of the proxy. Compared with
 * Python's {@code ratelimit.limits(calls, period)} with {@code sleep_and_retry}: the same, without
 * a burst after an idle time; compared with Resilience4j's {@code @RateLimiter}: a sliding window
 * rather than refreshed cycles.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimit {

    /** The {@link #maxWaitMillis()} of callers that wait as long as it takes: {@code Long.MAX_VALUE}. */
    long WAIT_FOREVER = Long.MAX_VALUE;

    /**
     * The most calls that start in any window of {@link #periodMillis()}.
     *
     * @return the bound, {@code >= 1}
     */
    int permits();

    /**
     * The window's length, in milliseconds.
     *
     * @return the period, {@code >= 1}
     */
    long periodMillis();

    /**
     * How long a caller waits for its turn before {@link RateLimitExceededException}, in
     * milliseconds; 0 or less: not at all.
     *
     * @return the longest wait; default {@link #WAIT_FOREVER}
     */
    long maxWaitMillis() default WAIT_FOREVER;
}
