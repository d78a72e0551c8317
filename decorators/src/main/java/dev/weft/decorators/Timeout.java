package dev.weft.decorators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method to run under a deadline, by {@link Decorate#annotated}: Python's
 * {@code asyncio.timeout(s)} around the body, as {@link Decorators#timeout(java.time.Duration)}.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=timeout-annotation}
 *
 * <p>Past the deadline the call is interrupted, what it started in weft scopes is cancelled, and
 * it throws {@link java.util.concurrent.TimeoutException}: declare it (or {@code Exception}) on the
 * method to receive it as itself, else it comes wrapped in an
 * {@link java.lang.reflect.UndeclaredThrowableException}. Compared with MicroProfile Fault
 * Tolerance's {@code @Timeout}: the same, with the call run in the caller's thread.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Timeout {

    /**
     * How long a call may run, in milliseconds.
     *
     * @return the timeout, {@code >= 1}
     */
    long millis();
}
