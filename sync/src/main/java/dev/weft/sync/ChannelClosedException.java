package dev.weft.sync;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link Channel} that can no longer do what was asked: by a send once the channel is
 * closed, and by a receive once it is closed and drained, or failed. After
 * {@link Channel#fail(Throwable)} its {@linkplain #getCause() cause} is the failure, as in Kotlin,
 * where {@code close(cause)} makes receivers throw that cause, and in Ox's {@code error(reason)}.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=channel-closed}
 *
 * <p>Python's {@code queue.ShutDown} plays this part for a queue ({@link QueueShutDownException}
 * here); Go's closed channel panics on send and yields a zero value on receive. This is an
 * {@link IllegalStateException}: the call came in the wrong state. A new instance is thrown each
 * time, with the stack trace of the call that failed.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only.
@SuppressWarnings("exports")
public final class ChannelClosedException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a channel closed without a failure.
     *
     * @param message what was refused
     */
    public ChannelClosedException(String message) {
        super(message);
    }

    /**
     * Creates the exception for a failed channel.
     *
     * @param message what was refused
     * @param cause the cause given to {@link Channel#fail(Throwable)}, or null
     */
    public ChannelClosedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
