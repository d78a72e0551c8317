package dev.weft.decorators;

import java.util.concurrent.RejectedExecutionException;

/**
 * Thrown by a call that a {@linkplain Decorators#rateLimit(int, java.time.Duration, java.time.Duration)
 * refusing rate limit} turned away: its turn to start was further off than it could wait.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=rate-limit-exceeded}
 *
 * <p>The decorated function did not run, and the refused call used none of the limit. It is a
 * {@link RejectedExecutionException}, as an executor that refuses a task throws; being unchecked,
 * it reaches the caller as itself whatever the decorated shape. Compared with Resilience4j's
 * {@code RequestNotPermitted}: the same meaning.
 *
 * @since 0.1
 */
public class RateLimitExceededException extends RejectedExecutionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and why
     */
    public RateLimitExceededException(String message) {
        super(message);
    }
}
