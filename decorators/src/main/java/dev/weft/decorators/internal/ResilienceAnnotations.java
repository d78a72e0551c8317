package dev.weft.decorators.internal;

import dev.weft.decorators.Bulkhead;
import dev.weft.decorators.Decorator;
import dev.weft.decorators.Decorators;
import dev.weft.decorators.RateLimit;
import dev.weft.decorators.Retry;
import dev.weft.decorators.RetryPolicy;
import dev.weft.decorators.Timeout;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * The decorators of {@link Retry @Retry}, {@link Timeout @Timeout}, {@link Bulkhead @Bulkhead} and
 * {@link RateLimit @RateLimit}: each one new for its method, its values checked with the
 * annotation and the method named in the message.
 */
final class ResilienceAnnotations {

    private ResilienceAnnotations() {
    }

    static Decorator retryOf(Retry retry, Method method) {
        try {
            RetryPolicy.Builder policy = RetryPolicy.builder()
                    .maxAttempts(retry.attempts())
                    .backoff(Duration.ofMillis(retry.backoffMillis()));
            if (retry.on().length > 0) {
                policy.retryOn(retry.on());
            }
            return Decorators.retry(policy.build());
        } catch (IllegalArgumentException e) {
            throw refused("@Retry(attempts = " + retry.attempts() + ", backoffMillis = " + retry.backoffMillis()
                    + ")", method, e);
        }
    }

    static Decorator bulkheadOf(Bulkhead bulkhead, Method method) {
        try {
            return bulkhead.maxWaitMillis() == Bulkhead.WAIT_FOREVER
                    ? Decorators.bulkhead(bulkhead.maxConcurrent())
                    : Decorators.bulkhead(bulkhead.maxConcurrent(), Duration.ofMillis(bulkhead.maxWaitMillis()));
        } catch (IllegalArgumentException e) {
            throw refused("@Bulkhead(maxConcurrent = " + bulkhead.maxConcurrent() + ")", method, e);
        }
    }

    static Decorator timeoutOf(Timeout timeout, Method method) {
        try {
            return Decorators.timeout(Duration.ofMillis(timeout.millis()));
        } catch (IllegalArgumentException e) {
            throw refused("@Timeout(millis = " + timeout.millis() + ")", method, e);
        }
    }

    static Decorator rateLimitOf(RateLimit limit, Method method) {
        try {
            Duration period = Duration.ofMillis(limit.periodMillis());
            return limit.maxWaitMillis() == RateLimit.WAIT_FOREVER
                    ? Decorators.rateLimit(limit.permits(), period)
                    : Decorators.rateLimit(limit.permits(), period, Duration.ofMillis(limit.maxWaitMillis()));
        } catch (IllegalArgumentException e) {
            throw refused("@RateLimit(permits = " + limit.permits() + ", periodMillis = " + limit.periodMillis()
                    + ")", method, e);
        }
    }

    private static IllegalArgumentException refused(String annotation, Method method, IllegalArgumentException e) {
        return new IllegalArgumentException(annotation + " on " + method + ": " + e.getMessage(), e);
    }
}
