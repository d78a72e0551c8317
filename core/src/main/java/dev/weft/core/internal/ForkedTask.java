package dev.weft.core.internal;

import dev.weft.core.Outcome;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A task that runs its callable on the thread that calls {@link #run()}; cancelling it
 * interrupts that thread.
 *
 * @param <T> the type of the result
 */
public final class ForkedTask<T> extends AbstractTask<T> implements Runnable {

    /** Runs the body around whatever the owner needs (a span, a thread-local). */
    @FunctionalInterface
    public interface Runner {
        /**
         * Runs {@code body} for {@code task}.
         *
         * @param task the task being run
         * @param body its callable
         * @param <T> the type of the result
         * @return the body's result
         * @throws Exception what the body threw
         */
        <T> T run(ForkedTask<T> task, Callable<T> body) throws Exception;
    }

    /** Hears that a task has ended. */
    @FunctionalInterface
    public interface EndListener {
        /**
         * Called once, after the task's outcome is set and its callbacks ran.
         *
         * @param task the task that ended
         * @param outcome how it ended
         * @param thread the thread that ran it, about to terminate, or null if it never ran
         */
        void ended(ForkedTask<?> task, Outcome<?> outcome, Thread thread);
    }

    private final Callable<T> body;
    private final Runner runner;
    private final EndListener onEnd;
    private final ReentrantLock lock = new ReentrantLock();
    private Thread thread;
    private boolean started;
    private boolean cancelRequested;

    public ForkedTask(String name, Callable<T> body, Runner runner, EndListener onEnd) {
        super(name);
        this.body = Objects.requireNonNull(body, "body");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.onEnd = Objects.requireNonNull(onEnd, "onEnd");
    }

    /** Ends the task cancelled without ever running it (its scope was already cancelled). */
    public void cancelBeforeStart() {
        lock.lock();
        try {
            started = true;
            cancelRequested = true;
        } finally {
            lock.unlock();
        }
        complete(Outcome.cancelled());
    }

    /**
     * Ends the task failed because its thread could not be started.
     *
     * @param error why the thread could not start
     */
    public void failToStart(Throwable error) {
        lock.lock();
        try {
            started = true;
        } finally {
            lock.unlock();
        }
        Outcome<T> outcome = Outcome.failure(error);
        complete(outcome);
        onEnd.ended(this, outcome, null);
    }

    @Override
    public void run() {
        lock.lock();
        try {
            if (started) {
                throw new IllegalStateException("task '" + name() + "' was already run");
            }
            started = true;
            thread = Thread.currentThread();
        } finally {
            lock.unlock();
        }
        Outcome<T> outcome;
        if (isCancelRequested()) {
            outcome = Outcome.cancelled();
        } else {
            try {
                outcome = Outcome.success(runner.run(this, body));
            } catch (Throwable error) {
                outcome = isCancelRequested() && Interruptions.isInterruption(error)
                        ? Outcome.cancelled()
                        : Outcome.failure(error);
            }
        }
        lock.lock();
        try {
            thread = null;
        } finally {
            lock.unlock();
        }
        complete(outcome);
        onEnd.ended(this, outcome, Thread.currentThread());
    }

    private boolean isCancelRequested() {
        lock.lock();
        try {
            return cancelRequested;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean cancel() {
        if (isDone()) {
            return false;
        }
        lock.lock();
        try {
            if (isDone()) {
                return false;
            }
            cancelRequested = true;
            if (thread != null) {
                thread.interrupt();
            }
        } finally {
            lock.unlock();
        }
        return true;
    }
}
