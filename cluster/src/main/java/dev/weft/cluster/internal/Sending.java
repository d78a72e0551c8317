package dev.weft.cluster.internal;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One sending of a chunk's task to a member, and who handles its end, exactly once: the caller
 * that waits for this chunk, which takes the reply itself from the member's future and reports on
 * its own thread (no hop through another thread), or else the pool's delivery thread. The end is
 * heard on the future's {@link EndSignal} (no thread started for it), on the thread that completes
 * it, which reads it and wakes the waiting caller; if no caller has claimed it by then, it hands
 * the end over, to the caller if it comes first (it then does not wait for the delivery thread),
 * else to the delivery thread. A caller that gives up waiting (interrupted) hands the end back.
 *
 * <pre>{@code
 * Sending sending = new Sending(task, future, EndSignal.of(future), delivery, end -> report(end));
 * sending.listen();                                       // once, when sent
 * if (sending.help()) { End end = sending.awaitEnd(); if (end != null) report(end); }
 * }</pre>
 */
final class Sending {
    private static final int OPEN = 0;
    private static final int HELPED = 1;
    private static final int HANDLED = 2;
    /** The end was read where the signal completed, and waits for the caller or the delivery thread. */
    private static final int ARRIVED = 3;

    /** How an attempt ended: the member's reply, or why there is none. */
    record End(Object reply, Throwable error) {
    }

    private final ChunkTask task;
    private final Future<byte[]> future;
    private final CompletionStage<?> signal;
    private final Executor delivery;
    private final Consumer<End> handler;
    private final AtomicInteger state = new AtomicInteger(OPEN);
    private volatile End arrived;
    /** The caller that helps, to wake when the end arrives. */
    private volatile Thread waiter;

    /**
     * @param delivery where the end is handled when no caller takes it
     * @param handler what handles it there
     */
    Sending(ChunkTask task, Future<byte[]> future, CompletionStage<?> signal, Executor delivery, Consumer<End> handler) {
        this.task = task;
        this.future = future;
        this.signal = signal;
        this.delivery = delivery;
        this.handler = handler;
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
     * Listens for the end, once: the thread that completes the member's future reads it, and
     * wakes the caller that waits for it, or else hands it to the delivery executor, which runs
     * the handler with it unless a caller took it meanwhile.
     */
    void listen() {
        signal.whenCompleteAsync((ignored, alsoIgnored) -> {
            arrived = ended();
            if (!toDelivery()) {
                LockSupport.unpark(waiter);
            }
        }, Runnable::run);
    }

    /** {@return true if the end, arrived and claimed by no caller, went to the delivery thread} */
    private boolean toDelivery() {
        if (!state.compareAndSet(OPEN, ARRIVED)) {
            return false;
        }
        delivery.execute(() -> {
            if (state.compareAndSet(ARRIVED, HANDLED)) {
                handler.accept(arrived);
            }
        });
        return true;
    }

    /**
     * {@return true if the calling thread now handles the end ({@link #awaitEnd()}): no other
     * thread has taken it; false if another thread handles it}
     */
    boolean help() {
        waiter = Thread.currentThread();
        while (true) {
            int now = state.get();
            if ((now == OPEN || now == ARRIVED) && state.compareAndSet(now, HELPED)) {
                return true;
            }
            if (now == HELPED || now == HANDLED) {
                return false;
            }
        }
    }

    /**
     * The helping caller waits for the end, interruptibly (unlike Hazelcast's own {@code get()}):
     * once interrupted, it stops waiting and hands the end back to the delivery thread, keeping
     * its interrupt.
     *
     * @return the end, which the caller now handles; null if it was interrupted and gave the end back
     */
    End awaitEnd() {
        End end;
        while ((end = arrived) == null) {
            if (Thread.currentThread().isInterrupted()) {
                state.set(OPEN);
                if (arrived != null) { // it arrived as the caller gave up: the listener has left it to us
                    toDelivery();
                }
                return null;
            }
            LockSupport.park(this);
        }
        state.set(HANDLED);
        return end;
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
