package dev.weft.sync;

import java.io.Serial;

/**
 * Thrown by {@link Barrier#await()} when the barrier is broken (aborted, reset, timed out, or its
 * action failed): Python's {@code threading.BrokenBarrierError}.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=broken-barrier}
 *
 * <p>Unchecked, unlike {@link java.util.concurrent.BrokenBarrierException}, and thrown in
 * <em>every</em> waiting thread, including the one whose timeout broke the barrier (where
 * {@link java.util.concurrent.CyclicBarrier} throws a {@code TimeoutException} instead). Despite
 * its Python name it is an exception, not a {@link java.lang.Error}.
 *
 * @since 0.1
 */
public final class BrokenBarrierError extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what broke the barrier
     */
    public BrokenBarrierError(String message) {
        super(message);
    }
}
