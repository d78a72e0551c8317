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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping every {@link Task} shares: the outcome set once, waiting for it, the done
 * callbacks, and the {@link CompletableFuture} view. Subclasses decide how a cancellation reaches
 * the computation and call {@link #complete(Outcome)} when it ends.
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
            case Outcome.Cancelled<T> c -> throw new CancellationException("task '" + name + "' was cancelled");
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
                    AbstractTask.this.cancel();
                    return super.cancel(mayInterruptIfRunning);
                }
            };
        } finally {
            lock.unlock();
        }
        onDone(task -> completeFuture(future, task.outcome()));
        return future;
    }

    private static <T> void completeFuture(CompletableFuture<T> target, Outcome<T> ended) {
        switch (ended) {
            case Outcome.Success<T> s -> target.complete(s.value());
            case Outcome.Failure<T> f -> target.completeExceptionally(f.error());
            case Outcome.Cancelled<T> c -> target.completeExceptionally(new CancellationException("task was cancelled"));
        }
    }

    /**
     * Ends the task with {@code ended}, wakes the waiters and runs the callbacks on this thread.
     *
     * @param ended how the task ended
     * @return false if the task had already ended (nothing changes then)
     */
    protected final boolean complete(Outcome<T> ended) {
        Objects.requireNonNull(ended, "ended");
        List<Consumer<? super Task<T>>> toRun;
        lock.lock();
        try {
            if (outcome != null) {
                return false;
            }
            outcome = ended;
            toRun = callbacks;
            callbacks = null;
        } finally {
            lock.unlock();
        }
        done.countDown();
        for (Consumer<? super Task<T>> callback : toRun) {
            runCallback(callback);
        }
        return true;
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
