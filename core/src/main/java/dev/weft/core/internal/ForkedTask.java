package dev.weft.core.internal;

import dev.weft.core.Outcome;
import dev.weft.core.ThreadKind;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A task that runs its callable on the thread that calls {@link #run()}; cancelling it ends it
 * {@code Cancelled} at once and (with {@code mayInterruptIfRunning}) interrupts that thread. The
 * {@link EndListener} hears when the thread is done with the task, which may be after the task
 * was cancelled: that, not {@link #isDone()}, is what an owner waits for before its threads are
 * gone.
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
         * Called once, on the task's thread once its body is over (after the outcome is set), or
         * on the caller of {@link #startOn} if no thread could be started for it.
         *
         * @param task the task that ended
         * @param outcome how the body ended, which is the task's outcome unless the task was
         *     cancelled while it ran: then a body that went on to return a value or to throw
         *     something other than an interruption is reported here as it ended (an owner may
         *     count that failure), while the task stays {@code Cancelled}
         * @param thread the thread that ran it, about to terminate, or null if it never ran
         */
        void ended(ForkedTask<?> task, Outcome<?> outcome, Thread thread);
    }

    /** The runner that runs the body as it is, with nothing around it. */
    public static final Runner DIRECT = ForkedTask::callDirectly;

    private final Callable<T> body;
    private final Runner runner;
    private final EndListener onEnd;
    private final ReentrantLock lock = new ReentrantLock();
    /** The thread running the body, while it runs; guarded by {@link #lock}, so that no interrupt lands after the body. */
    private Thread thread;
    private boolean started;

    public ForkedTask(String name, Callable<T> body, Runner runner, EndListener onEnd) {
        super(name);
        this.body = Objects.requireNonNull(body, "body");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.onEnd = Objects.requireNonNull(onEnd, "onEnd");
    }

    private static <T> T callDirectly(ForkedTask<T> task, Callable<T> body) throws Exception {
        return body.call();
    }

    /** Ends the task cancelled without ever running it (its scope was already cancelled). */
    public void cancelBeforeStart() {
        lock.lock();
        try {
            started = true;
        } finally {
            lock.unlock();
        }
        complete(Outcome.cancelled());
    }

    /**
     * Runs the task on a new thread of kind {@code threads}, named after the task. If no thread
     * can be made or started, the task ends failed with that error (its listener hears it, with no
     * thread), and the error is thrown.
     *
     * @param threads the kind of thread to run on
     * @throws RuntimeException what stopped the thread from being made or started
     * @throws Error likewise
     */
    public void startOn(ThreadKind threads) {
        try {
            threads.newThread(name(), this).start();
        } catch (RuntimeException | Error e) {
            failToStart(e);
            throw e;
        }
    }

    /** Ends the task failed because its thread could not be started. */
    private void failToStart(Throwable error) {
        lock.lock();
        try {
            started = true;
        } finally {
            lock.unlock();
        }
        Outcome<T> failed = Outcome.failure(error);
        complete(failed);
        onEnd.ended(this, failed, null);
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
        Outcome<T> ended;
        if (isDone()) {
            ended = Outcome.cancelled(); // cancelled before it started
        } else {
            try {
                ended = Outcome.success(runner.run(this, body));
            } catch (Throwable error) {
                ended = isCancelled() && Interruptions.isInterruption(error)
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
        complete(ended); // does nothing if the task was cancelled meanwhile
        onEnd.ended(this, ended, Thread.currentThread());
    }

    @Override
    protected void stop(boolean mayInterruptIfRunning) {
        if (!mayInterruptIfRunning) {
            return;
        }
        lock.lock();
        try {
            if (thread != null) {
                CancelScope.interrupt(thread); // held back while the task runs Async.shield
            }
        } finally {
            lock.unlock();
        }
    }
}
