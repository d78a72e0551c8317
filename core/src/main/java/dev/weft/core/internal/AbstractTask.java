package dev.weft.core.internal;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping every {@link Task} shares: the outcome set once, waiting for it (as
 * {@link #await()} and as {@link #get()}), the {@link java.util.concurrent.Future} views of it,
 * the done callbacks, and the {@link CompletableFuture} view. Subclasses say how a cancellation
 * reaches the computation ({@link #stop(boolean)}) and call {@link #complete(Outcome)} when it
 * ends.
 *
 * <p>{@link #cancel(boolean)} ends the task {@link Outcome.Cancelled} at once, as
 * {@code FutureTask} does: the outcome is set before the computation is asked to stop, so a
 * computation that later returns or throws does not change it.
 *
 * @param <T> the type of the result
 */
public abstract class AbstractTask<T> implements Task<T> {
    private static final Logger log = LoggerFactory.getLogger(AbstractTask.class);

    private final String name;
    private final CountDownLatch done = new CountDownLatch(1);
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Outcome<T> outcome;
    private List<Consumer<? super Task<T>>> callbacks = new ArrayList<>();
    private CompletableFuture<T> future;

    protected AbstractTask(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean isDone() {
        return outcome != null;
    }

    @Override
    public final boolean isCancelled() {
        return outcome instanceof Outcome.Cancelled<T>;
    }

    @Override
    public final boolean cancel(boolean mayInterruptIfRunning) {
        List<Consumer<? super Task<T>>> toRun = settle(Outcome.cancelled());
        if (toRun == null) {
            return false;
        }
        try {
            stop(mayInterruptIfRunning);
        } finally {
            finish(toRun);
        }
        return true;
    }

    /**
     * Asks the computation to stop, once the task has been ended {@link Outcome.Cancelled}: the
     * subclass interrupts its thread, cancels its source. Called at most once, on the thread that
     * cancelled, before the done callbacks run.
     *
     * @param mayInterruptIfRunning whether a running computation may be interrupted
     */
    protected abstract void stop(boolean mayInterruptIfRunning);

    @Override
    public final T await() throws InterruptedException {
        done.await();
        return valueOf(outcome);
    }

    @Override
    public final T await(Duration timeout) throws InterruptedException, TimeoutException {
        Objects.requireNonNull(timeout, "timeout");
        if (!done.await(Durations.toNanosSaturated(timeout), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("task '" + name + "' has not ended after " + timeout);
        }
        return valueOf(outcome);
    }

    private T valueOf(Outcome<T> ended) {
        return switch (ended) {
            case Outcome.Success<T> s -> s.value();
            case Outcome.Failure<T> f -> throw new TaskFailedException(name, f.error());
            case Outcome.Cancelled<T> c -> throw cancelled();
        };
    }

    @Override
    public final T get() throws InterruptedException, ExecutionException {
        done.await();
        return futureValueOf(outcome);
    }

    @Override
    public final T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(unit, "unit");
        if (!done.await(timeout, unit)) {
            throw new TimeoutException("task '" + name + "' has not ended after " + timeout + " " + unit);
        }
        return futureValueOf(outcome);
    }

    private T futureValueOf(Outcome<T> ended) throws ExecutionException {
        return switch (ended) {
            case Outcome.Success<T> s -> s.value();
            case Outcome.Failure<T> f -> throw new ExecutionException("task '" + name + "' failed: " + f.error(), f.error());
            case Outcome.Cancelled<T> c -> throw cancelled();
        };
    }

    private CancellationException cancelled() {
        return new CancellationException("task '" + name + "' was cancelled");
    }

    @Override
    public final State state() {
        return switch (outcome) {
            case null -> State.RUNNING;
            case Outcome.Success<T> s -> State.SUCCESS;
            case Outcome.Failure<T> f -> State.FAILED;
            case Outcome.Cancelled<T> c -> State.CANCELLED;
        };
    }

    @Override
    public final T resultNow() {
        return switch (outcome) {
            case null -> throw new IllegalStateException("task '" + name + "' has not ended yet");
            case Outcome.Success<T> s -> s.value();
            case Outcome.Failure<T> f -> throw new IllegalStateException("task '" + name + "' failed", f.error());
            case Outcome.Cancelled<T> c -> throw new IllegalStateException("task '" + name + "' was cancelled");
        };
    }

    @Override
    public final Throwable exceptionNow() {
        return switch (outcome) {
            case null -> throw new IllegalStateException("task '" + name + "' has not ended yet");
            case Outcome.Success<T> s -> throw new IllegalStateException("task '" + name + "' ended with a value");
            case Outcome.Failure<T> f -> f.error();
            case Outcome.Cancelled<T> c -> throw new IllegalStateException("task '" + name + "' was cancelled");
        };
    }

    @Override
    public final Outcome<T> outcome() {
        Outcome<T> ended = outcome;
        if (ended == null) {
            throw new IllegalStateException("task '" + name + "' has not ended yet");
        }
        return ended;
    }

    @Override
    public final void onDone(Consumer<? super Task<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        lock.lock();
        try {
            if (outcome == null) {
                callbacks.add(callback);
                return;
            }
        } finally {
            lock.unlock();
        }
        runCallback(callback);
    }

    @Override
    public final CompletableFuture<T> toCompletableFuture() {
        lock.lock();
        try {
            if (future != null) {
                return future;
            }
            future = new CompletableFuture<>() {
                @Override
                public boolean cancel(boolean mayInterruptIfRunning) {
                    boolean cancelledTheTask = AbstractTask.this.cancel(mayInterruptIfRunning);
                    return super.cancel(mayInterruptIfRunning) || cancelledTheTask;
                }
            };
        } finally {
            lock.unlock();
        }
        onDone(task -> completeFuture(future, task.outcome()));
        return future;
    }

    private void completeFuture(CompletableFuture<T> target, Outcome<T> ended) {
        switch (ended) {
            case Outcome.Success<T> s -> target.complete(s.value());
            case Outcome.Failure<T> f -> target.completeExceptionally(f.error());
            case Outcome.Cancelled<T> c -> target.completeExceptionally(cancelled());
        }
    }

    /**
     * Ends the task with {@code ended}, wakes the waiters and runs the callbacks on this thread.
     *
     * @param ended how the task ended
     * @return false if the task had already ended (nothing changes then)
     */
    protected final boolean complete(Outcome<T> ended) {
        List<Consumer<? super Task<T>>> toRun = settle(ended);
        if (toRun == null) {
            return false;
        }
        finish(toRun);
        return true;
    }

    /** Sets the outcome and wakes the waiters; returns the callbacks to run, or null if already ended. */
    private List<Consumer<? super Task<T>>> settle(Outcome<T> ended) {
        Objects.requireNonNull(ended, "ended");
        List<Consumer<? super Task<T>>> toRun;
        lock.lock();
        try {
            if (outcome != null) {
                return null;
            }
            outcome = ended;
            toRun = callbacks;
            callbacks = null;
        } finally {
            lock.unlock();
        }
        done.countDown();
        return toRun;
    }

    private void finish(List<Consumer<? super Task<T>>> toRun) {
        for (Consumer<? super Task<T>> callback : toRun) {
            runCallback(callback);
        }
    }

    private void runCallback(Consumer<? super Task<T>> callback) {
        try {
            callback.accept(this);
        } catch (RuntimeException | Error e) {
            log.warn("A done callback of task '{}' threw", name, e);
        }
    }

    @Override
    public String toString() {
        Outcome<T> ended = outcome;
        String state = switch (ended) {
            case null -> "running";
            case Outcome.Success<T> s -> "done";
            case Outcome.Failure<T> f -> "failed: " + f.error();
            case Outcome.Cancelled<T> c -> "cancelled";
        };
        return "Task[" + name + ", " + state + "]";
    }
}
