package dev.weft.core.internal;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
import java.util.function.Consumer;

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
 * <p>No lock and nothing allocated but the task itself until somebody waits before the end (a
 * latch, made then) or registers a callback (one list node): the outcome, the callbacks and the
 * latch are set by compare-and-set, which keeps a trivial fork's bookkeeping small.
 *
 * @param <T> the type of the result
 */
public abstract class AbstractTask<T> implements Task<T> {
    /** Fetched at its first message: loading a task must not start the JVM's logging binding. */
    private static final LazyLogger log = LazyLogger.of(AbstractTask.class);

    private static final VarHandle OUTCOME;
    private static final VarHandle CALLBACKS;
    private static final VarHandle DONE;
    private static final VarHandle FUTURE;
    /** In {@link #callbacks} once the task has ended: callbacks run at once from then on. */
    private static final Callback ENDED = new Callback(null, null);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OUTCOME = lookup.findVarHandle(AbstractTask.class, "outcome", Outcome.class);
            CALLBACKS = lookup.findVarHandle(AbstractTask.class, "callbacks", Callback.class);
            DONE = lookup.findVarHandle(AbstractTask.class, "done", CountDownLatch.class);
            FUTURE = lookup.findVarHandle(AbstractTask.class, "future", CompletableFuture.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A registered done callback, in a list newest first. */
    private record Callback(Consumer<?> action, Callback next) {
    }

    /** The name; for a numbered task made on first use (a String is safe to publish racily). */
    private String name;
    /** The name given, or the prefix of a numbered task's name; its thread's name too. */
    private final String prefix;
    /** A numbered task's number, named {@code prefix-number}; 0 for a task given its name. */
    private final long number;
    private volatile Outcome<T> outcome;
    /** The callbacks to run at the end, newest first; {@link #ENDED} once they have been taken. */
    private volatile Callback callbacks;
    /** Made by the first waiter that comes before the end; counted down by whoever sees both. */
    private volatile CountDownLatch done;
    private volatile CompletableFuture<T> future;

    protected AbstractTask(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.prefix = name;
        this.number = 0;
    }

    /**
     * Makes a task named {@code prefix-number}, a name built only when it is asked for: most
     * trivial forks never need theirs.
     *
     * @param prefix the name's prefix
     * @param number the task's number, 1 or more
     */
    protected AbstractTask(String prefix, long number) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        if (number < 1) {
            throw new IllegalArgumentException("number must be 1 or more: " + number);
        }
        this.number = number;
    }

    @Override
    public final String name() {
        String known = name;
        if (known == null) {
            known = prefix + "-" + number;
            name = known;
        }
        return known;
    }

    /** {@return the name given, or a numbered task's prefix (which is its thread's name)} */
    protected final String namePrefix() {
        return prefix;
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
        if (outcome == null) {
            latch().await();
        }
        return valueOf(outcome);
    }

    @Override
    public final T await(Duration timeout) throws InterruptedException, TimeoutException {
        Objects.requireNonNull(timeout, "timeout");
        if (outcome == null && !latch().await(Durations.toNanosSaturated(timeout), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("task '" + name() + "' has not ended after " + timeout);
        }
        return valueOf(outcome);
    }

    /**
     * Returns the latch a waiter waits on, making it if it is the first. The task that ends sets
     * the outcome, then counts down the latch it sees; the waiter installs the latch, then counts
     * it down itself if the outcome is set: one of the two sees the other's write (both are
     * volatile), so the latch never stays up after the end.
     */
    private CountDownLatch latch() {
        CountDownLatch latch = done;
        if (latch == null) {
            CountDownLatch made = new CountDownLatch(1);
            CountDownLatch there = (CountDownLatch) DONE.compareAndExchange(this, (CountDownLatch) null, made);
            latch = there != null ? there : made;
        }
        if (outcome != null) {
            latch.countDown();
        }
        return latch;
    }

    private T valueOf(Outcome<T> ended) {
        if (ended instanceof Outcome.Success<T> s) {
            return s.value(); // first, without the type switch: what a joined scope reads most
        }
        return switch (ended) {
            case Outcome.Success<T> s -> s.value();
            case Outcome.Failure<T> f -> throw new TaskFailedException(name(), f.error());
            case Outcome.Cancelled<T> c -> throw cancelled();
        };
    }

    @Override
    public final T get() throws InterruptedException, ExecutionException {
        if (outcome == null) {
            latch().await();
        }
        return futureValueOf(outcome);
    }

    @Override
    public final T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(unit, "unit");
        if (outcome == null && !latch().await(timeout, unit)) {
            throw new TimeoutException("task '" + name() + "' has not ended after " + timeout + " " + unit);
        }
        return futureValueOf(outcome);
    }

    private T futureValueOf(Outcome<T> ended) throws ExecutionException {
        if (ended instanceof Outcome.Success<T> s) {
            return s.value();
        }
        return switch (ended) {
            case Outcome.Success<T> s -> s.value();
            case Outcome.Failure<T> f -> throw new ExecutionException("task '" + name() + "' failed: " + f.error(), f.error());
            case Outcome.Cancelled<T> c -> throw cancelled();
        };
    }

    private CancellationException cancelled() {
        return new CancellationException("task '" + name() + "' was cancelled");
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
            case null -> throw new IllegalStateException("task '" + name() + "' has not ended yet");
            case Outcome.Success<T> s -> s.value();
            case Outcome.Failure<T> f -> throw new IllegalStateException("task '" + name() + "' failed", f.error());
            case Outcome.Cancelled<T> c -> throw new IllegalStateException("task '" + name() + "' was cancelled");
        };
    }

    @Override
    public final Throwable exceptionNow() {
        return switch (outcome) {
            case null -> throw new IllegalStateException("task '" + name() + "' has not ended yet");
            case Outcome.Success<T> s -> throw new IllegalStateException("task '" + name() + "' ended with a value");
            case Outcome.Failure<T> f -> f.error();
            case Outcome.Cancelled<T> c -> throw new IllegalStateException("task '" + name() + "' was cancelled");
        };
    }

    @Override
    public final Outcome<T> outcome() {
        Outcome<T> ended = outcome;
        if (ended == null) {
            throw new IllegalStateException("task '" + name() + "' has not ended yet");
        }
        return ended;
    }

    @Override
    public final void onDone(Consumer<? super Task<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        for (Callback head = callbacks; head != ENDED; head = callbacks) {
            if (CALLBACKS.compareAndSet(this, head, new Callback(callback, head))) {
                return;
            }
        }
        runCallback(callback);
    }

    @Override
    public final CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> existing = future;
        if (existing != null) {
            return existing;
        }
        CompletableFuture<T> made = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelledTheTask = AbstractTask.this.cancel(mayInterruptIfRunning);
                return super.cancel(mayInterruptIfRunning) || cancelledTheTask;
            }
        };
        @SuppressWarnings("unchecked") // the field holds only CompletableFuture<T>
        CompletableFuture<T> there = (CompletableFuture<T>) FUTURE.compareAndExchange(this, (CompletableFuture<T>) null, made);
        if (there != null) {
            return there;
        }
        onDone(task -> completeFuture(made, task.outcome()));
        return made;
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
        if (!OUTCOME.compareAndSet(this, (Outcome<T>) null, ended)) {
            return null;
        }
        CountDownLatch latch = done;
        if (latch != null) {
            latch.countDown();
        }
        Callback taken = (Callback) CALLBACKS.getAndSet(this, ENDED);
        if (taken == null) {
            return List.of();
        }
        List<Consumer<? super Task<T>>> inOrder = new ArrayList<>();
        for (Callback c = taken; c != null; c = c.next()) {
            inOrder.add(actionOf(c));
        }
        return inOrder.reversed(); // in the order they were registered
    }

    @SuppressWarnings("unchecked") // onDone adds only Consumer<? super Task<T>>
    private Consumer<? super Task<T>> actionOf(Callback callback) {
        return (Consumer<? super Task<T>>) callback.action();
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
            log.warn("A done callback of task '{}' threw", name(), e);
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
        return "Task[" + name() + ", " + state + "]";
    }
}
