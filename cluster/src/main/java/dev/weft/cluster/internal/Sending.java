package dev.weft.cluster.internal;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One sending of a chunk's task to a member, and who handles its end, exactly once: Hazelcast's
 * callback (which hands the report to the pool's delivery thread), or the caller that waits for
 * this chunk and takes the reply itself from the member's future, reporting on its own thread (no
 * hop through the delivery thread). A caller that gives up waiting (interrupted) hands the end back
 * to the callback.
 *
 * <pre>{@code
 * if (sending.help()) { reply = sending.future().get(); sending.handled(); ... }
 * }</pre>
 */
final class Sending {
    private static final int OPEN = 0;
    private static final int HELPED = 1;
    private static final int HANDLED = 2;

    private final ChunkTask task;
    private final Future<byte[]> future;
    private final CompletionStage<?> stage;
    private final AtomicInteger state = new AtomicInteger(OPEN);

    Sending(ChunkTask task, Future<byte[]> future, CompletionStage<?> stage) {
        this.task = task;
        this.future = future;
        this.stage = stage;
    }

    /** {@return the task as it was sent: with or without the function's bytes} */
    ChunkTask task() {
        return task;
    }

    /** {@return the member's future for it} */
    Future<byte[]> future() {
        return future;
    }

    /** {@return true if the callback is to handle the end: no caller took it} */
    boolean claimForCallback() {
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
     * @param end what the callback does with the reply or the failure
     */
    void giveBack(BiConsumer<Object, Throwable> end) {
        if (state.compareAndSet(HELPED, OPEN)) {
            stage.whenCompleteAsync((reply, error) -> {
                if (claimForCallback()) {
                    end.accept(reply, error);
                }
            }, Runnable::run);
        }
    }
}
