package dev.weft.decorators;

import java.util.concurrent.RejectedExecutionException;

/**
 * Thrown by a call that an open {@link CircuitBreaker} refused: the function has been failing, and
 * the breaker does not call it until its open time has passed.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=circuit-open}
 *
 * <p>The decorated function did not run. It is a {@link RejectedExecutionException}, like
 * {@link BulkheadFullException}; being unchecked, it reaches the caller as itself whatever the
 * decorated shape. Compared with Resilience4j's {@code CallNotPermittedException} and pybreaker's
 * {@code CircuitBreakerError}: the same meaning.
 *
 * @since 0.1
 */
public class CircuitOpenException extends RejectedExecutionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and why
     */
    public CircuitOpenException(String message) {
        super(message);
    }
}
