package dev.weft.sync;

import java.io.Serial;

/**
 * Thrown by {@link JoinableQueue} after {@link JoinableQueue#shutdown()}: by every put, and by
 * every get once the queue is empty. Python 3.13's {@code queue.ShutDown}.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=queue-shut-down}
 *
 * <p>A {@link java.util.concurrent.BlockingQueue} has no shutdown; its users put a "poison pill"
 * item instead. This is an {@link IllegalStateException}: the call came in the wrong state.
 *
 * @since 0.1
 */
public final class QueueShutDownException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused
     */
    public QueueShutDownException(String message) {
        super(message);
    }
}
