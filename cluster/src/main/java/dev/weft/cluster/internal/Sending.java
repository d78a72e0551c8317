package dev.weft.cluster.internal;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One sending of a chunk's task to a member, and who handles its end, exactly once: Hazelcast's
 * callback (which hands the report to the pool's delivery thread), or the caller that waits for
 * this chunk and takes the reply itself from the member's future, reporting on its own thread (no
 * hop through the delivery thread). A caller that gives up waiting (interrupted) hands the end back
 * to the callback. The callback listens on the future's {@link EndSignal} (no thread started for
 * it) and runs on the thread that completes it; whoever handles the end reads it from the future.
 *
 * <pre>{@code
 * if (sending.help()) { reply = sending.future().get(); sending.handled(); ... }
 * }</pre>
 */
final class Sending {
    private static final int OPEN = 0;
    private static final int HELPED = 1;
    private static final int HANDLED = 2;

    /** How an attempt ended: the member's reply, or why there is none. */
    record End(Object reply, Throwable error) {
    }

    private final ChunkTask task;
    private final Future<byte[]> future;
    private final CompletionStage<?> signal;
    private final AtomicInteger state = new AtomicInteger(OPEN);

    Sending(ChunkTask task, Future<byte[]> future, CompletionStage<?> signal) {
        this.task = task;
        this.future = future;
        this.signal = signal;
    }

    /** {@return the task as it was sent: with or without the function's bytes} */
    ChunkTask task() {
        return task;
    }

    /** {@return the member's future for it} */
    Future<byte[]> future() {
        return future;
    }

    /**
     * Once the member's future has ended, runs {@code end} on the thread that ends it (here and
     * now if it has ended), unless a caller took the end first.
     *
     * @param end what handles the end, given what the future ended with
     */
    void onEnd(Consumer<End> end) {
        signal.whenCompleteAsync((ignored, alsoIgnored) -> {
            if (claimForCallback()) {
                end.accept(ended());
            }
        }, Runnable::run);
    }

    /** {@return true if the callback is to handle the end: no caller took it} */
    private boolean claimForCallback() {
        return state.compareAndSet(OPEN, HANDLED);
    }

    /** {@return true if the calling thread now waits for the end and handles it; false if it was handled} */
    boolean help() {
        return state.compareAndSet(OPEN, HELPED);
    }

    /** The helping caller has the end in hand. */
    void handled() {
        state.set(HANDLED);
    }

    /**
     * The helping caller stops waiting: the end goes back to the callback, which runs now if the
     * member has answered already.
     *
     * @param end what the callback does with the end
     */
    void giveBack(Consumer<End> end) {
        if (state.compareAndSet(HELPED, OPEN)) {
            onEnd(end);
        }
    }

    /**
     * {@return what the future ended with} Called once its signal has completed, so the future has
     * ended and {@code get()} does not wait; if it would all the same (a future that ends after its
     * signal), the wait is not interrupted and the interrupt is kept.
     */
    private End ended() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return new End(future.get(), null);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | RuntimeException e) {
                    return new End(null, e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
