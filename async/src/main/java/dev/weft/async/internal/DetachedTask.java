package dev.weft.async.internal;

import dev.weft.core.Task;
import dev.weft.core.ThreadKind;
import dev.weft.core.internal.Interruptions;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A task on a virtual thread of its own that belongs to no scope: what {@code Async.ensureFuture}
 * starts when the calling thread works in no {@code TaskScope}. Cancelling it interrupts its
 * thread; it ends {@code Cancelled} when its code gives up with an interruption, as a fork does.
 *
 * <p>It is the completion side of a {@link Task#of(String, CompletableFuture)} view: the future
 * is completed by the thread, never by {@code cancel}, so that the task only counts as done once
 * its code has really stopped.
 *
 * @param <T> the type of the result
 */
public final class DetachedTask<T> extends CompletableFuture<T> implements Runnable {
    private static final AtomicLong IDS = new AtomicLong();

    private final String name;
    private final Callable<T> body;
    /** Guards {@link #runner} and {@link #cancelRequested}, so that no interrupt lands after the body. */
    private final ReentrantLock lock = new ReentrantLock();
    private Thread runner;
    private boolean cancelRequested;

    private DetachedTask(String name, Callable<T> body) {
        this.name = name;
        this.body = body;
    }

    /** {@return a fresh name for a detached task: {@code Task-1}, {@code Task-2}, ...} */
    public static String nextName() {
        return "Task-" + IDS.incrementAndGet();
    }

    /**
     * Starts {@code body} on a new virtual thread called {@code name}.
     *
     * @param name the task's and its thread's name
     * @param body what to run
     * @param <T> the type of the result
     * @return the task's handle
     */
    public static <T> Task<T> start(String name, Callable<T> body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "task");
        DetachedTask<T> completion = new DetachedTask<>(name, body);
        Task<T> task = Task.of(name, completion);
        try {
            ThreadKind.VIRTUAL.newThread(name, completion).start();
        } catch (RuntimeException | Error e) {
            completion.completeExceptionally(e);
            throw e;
        }
        return task;
    }

    @Override
    public void run() {
        boolean cancelled;
        lock.lock();
        try {
            runner = Thread.currentThread();
            cancelled = cancelRequested;
        } finally {
            lock.unlock();
        }
        T value = null;
        Throwable failure = null;
        if (!cancelled) {
            try {
                value = body.call();
            } catch (Throwable error) {
                cancelled = isCancelRequested() && Interruptions.isInterruption(error);
                failure = error;
            }
        }
        // Done callbacks run on this thread as the future completes: a late cancel() must not
        // interrupt them. An interrupt that came too late for the body was meant for it alone:
        // this thread is the task's own and ends right after. Under the lock, so that a cancel()
        // that saw the runner cannot interrupt it once the flag is cleared.
        lock.lock();
        try {
            runner = null;
            Thread.interrupted();
        } finally {
            lock.unlock();
        }
        if (cancelled) {
            endCancelled();
        } else if (failure != null) {
            super.completeExceptionally(failure);
        } else {
            super.complete(value);
        }
    }

    private void endCancelled() {
        super.completeExceptionally(new CancellationException("task '" + name + "' was cancelled"));
    }

    /**
     * Asks the computation to stop by interrupting its thread; the future completes when the
     * code gives up, not now.
     *
     * @param mayInterruptIfRunning ignored: the thread is always interrupted
     * @return false if the task had already ended
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (isDone()) {
            return false;
        }
        lock.lock();
        try {
            cancelRequested = true;
            if (runner != null) {
                runner.interrupt();
            }
        } finally {
            lock.unlock();
        }
        return true;
    }

    private boolean isCancelRequested() {
        lock.lock();
        try {
            return cancelRequested;
        } finally {
            lock.unlock();
        }
    }
}
