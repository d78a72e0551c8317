package dev.weft.decorators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method to be called again when it fails, by {@link Decorate#annotated}:
 * tenacity's {@code @retry(stop=stop_after_attempt(n), wait=wait_fixed(s),
 * retry=retry_if_exception_type(...))}, as {@link Decorators#retry(RetryPolicy)}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=retry-annotation}
 *
 * <p>For exponential backoff, jitter, results, a deadline or a listener, build a
 * {@link RetryPolicy} and use {@link Decorators#retry(RetryPolicy)} with {@link Decorate#proxy}.
 * Compared with Spring Retry's {@code @Retryable(maxAttempts, backoff, retryFor)}: the same three
 * settings, no proxy framework.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Retry {

    /**
     * How many attempts in all, the first one included.
     *
     * @return the attempts, {@code >= 1}; default {@value RetryPolicy#DEFAULT_MAX_ATTEMPTS}
     */
    int attempts() default RetryPolicy.DEFAULT_MAX_ATTEMPTS;

    /**
     * The fixed wait before each new attempt, in milliseconds.
     *
     * @return the wait, {@code >= 0}; default 0
     */
    long backoffMillis() default 0;

    /**
     * The failure types retried; empty for every {@link Exception}.
     *
     * @return the types; default empty
     */
    Class<? extends Throwable>[] on() default {};
}
