package dev.weft.decorators;

import java.util.concurrent.RejectedExecutionException;

/**
 * Thrown by a call that a {@linkplain Decorators#bulkhead(int, java.time.Duration) bulkhead} refused: its
 * places were all taken for as long as the call could wait.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=bulkhead-full}
 *
 * <p>The decorated function did not run. It is a {@link RejectedExecutionException}, as an
 * executor that refuses a task throws, so code that already handles an overloaded executor
 * handles it too; being unchecked, it reaches the caller as itself whatever the decorated shape.
 * Compared with Resilience4j's {@code BulkheadFullException}: the same idea and name.
 *
 * @since 0.1
 */
public class BulkheadFullException extends RejectedExecutionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and why
     */
    public BulkheadFullException(String message) {
        super(message);
    }
}
