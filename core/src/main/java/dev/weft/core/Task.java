package dev.weft.core;

import dev.weft.core.internal.FutureBackedTask;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The handle of a running computation: Python's {@code asyncio.Task} and
 * {@code concurrent.futures.Future} in one. A task is started by whoever created it (a
 * {@link TaskScope}, {@code Async.ensureFuture}, a {@code Pool}); the handle lets you wait for
 * it, look at how it ended, be called back when it ends, and cancel it.
 *
 * {@snippet class=dev.weft.core.snippets.CoreSnippets region=task}
 *
 * <p><b>A {@link Future} too.</b> A task is a {@code java.util.concurrent.Future}, so it can be
 * handed to code written for one: {@link #get()} and {@link #get(long, TimeUnit)} wait as
 * {@link #await()} does but report a failure as {@link ExecutionException} (the cause is the
 * task's original exception), {@link #state()}, {@link #resultNow()} and {@link #exceptionNow()}
 * read a done task. weft's own names stay: {@link #await()} throws {@link TaskFailedException}
 * where {@code get()} throws {@code ExecutionException}; {@link #cancel()} is
 * {@code cancel(true)}; {@link #outcome()} is {@link #state()} with the value or error attached.
 *
 * {@snippet class=dev.weft.core.snippets.CoreSnippets region=task-future}
 *
 * <p><b>Cancellation</b> follows {@code Future} (and {@code FutureTask}): once
 * {@link #cancel(boolean)} has returned true, the task is done and {@linkplain Outcome.Cancelled
 * cancelled} at once, and stays so whatever its code does next (returning a value after catching
 * the interrupt included, unlike an asyncio coroutine that suppresses {@code CancelledError}).
 * The code itself may take a moment to stop: the scope that started a task ({@link TaskScope},
 * {@code TaskGroup}) still waits, in {@code join()} and {@code close()}, until the task's thread
 * has ended.
 *
 * <p>Memory consistency: everything the computation did happens-before a successful return from
 * {@link #await()} or {@link #get()}, {@link #outcome()} of a task that ended by itself, and the
 * run of an {@link #onDone} callback.
 *
 * @param <T> the type of the result
 * @since 0.1
 */
public interface Task<T> extends Future<T> {

    /**
     * Wraps a {@link CompletableFuture} as a task, for computations that something else runs (a
     * remote worker, a callback API). Cancelling the task cancels the future; whoever completes
     * the future can watch for that with {@link CompletableFuture#isCancelled()}.
     *
     * {@snippet class=dev.weft.core.snippets.CoreSnippets region=task-of}
     *
     * @param name the task's name
     * @param future the future whose completion ends the task
     * @param <T> the type of the result
     * @return a task view of {@code future}
     * @throws NullPointerException if an argument is null
     */
    static <T> Task<T> of(String name, CompletableFuture<T> future) {
        return new FutureBackedTask<>(name, future);
    }

    /** {@return the task's name, as given when it was created or made up by its creator} */
    String name();

    /** {@return true once the task has ended, whatever the outcome (at once after a successful cancel)} */
    @Override
    boolean isDone();

    /** {@return true if the task has ended {@link Outcome.Cancelled}} */
    @Override
    boolean isCancelled();

    /**
     * Cancels the task: if it has not ended, it ends {@link Outcome.Cancelled} now, and its
     * computation is asked to stop. With {@code mayInterruptIfRunning}, a task running on a
     * thread is interrupted; without it, the code runs on unobserved until it ends by itself (as
     * with {@code FutureTask}), its result dropped. Either way the task's scope waits for its
     * thread before it closes. Done callbacks run on the calling thread, before this returns.
     *
     * @param mayInterruptIfRunning whether a running computation is interrupted
     * @return true if this call cancelled the task, false if it had already ended
     */
    @Override
    boolean cancel(boolean mayInterruptIfRunning);

    /**
     * Cancels the task, interrupting its thread: {@code cancel(true)}, Python's
     * {@code task.cancel()}. Does nothing to a task that has already ended.
     *
     * @return true if this call cancelled the task, false if it was already done
     */
    default boolean cancel() {
        return cancel(true);
    }

    /**
     * Waits for the task to end and returns its value, as {@link java.util.concurrent.Future}
     * says.
     *
     * @return what the task returned
     * @throws ExecutionException if the task threw; the cause is the original exception
     * @throws CancellationException if the task was cancelled
     * @throws InterruptedException if the calling thread is interrupted while waiting (the task
     *     goes on)
     */
    @Override
    T get() throws InterruptedException, ExecutionException;

    /**
     * Waits at most {@code timeout} for the task to end and returns its value. A zero or negative
     * timeout does not wait.
     *
     * @param timeout how long to wait
     * @param unit the unit of {@code timeout}
     * @return what the task returned
     * @throws TimeoutException if the task has not ended in time (the task goes on)
     * @throws ExecutionException if the task threw; the cause is the original exception
     * @throws CancellationException if the task was cancelled
     * @throws InterruptedException if the calling thread is interrupted while waiting
     * @throws NullPointerException if {@code unit} is null
     */
    @Override
    T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException;

    /**
     * Waits for the task to end and returns its value.
     *
     * @return what the task returned
     * @throws TaskFailedException if the task threw; the cause is the original exception
     * @throws CancellationException if the task was cancelled
     * @throws InterruptedException if the calling thread is interrupted while waiting (the task
     *     goes on)
     */
    T await() throws InterruptedException;

    /**
     * Waits at most {@code timeout} for the task to end and returns its value. A zero or negative
     * timeout does not wait.
     *
     * @param timeout how long to wait
     * @return what the task returned
     * @throws TimeoutException if the task has not ended in time (the task goes on)
     * @throws TaskFailedException if the task threw
     * @throws CancellationException if the task was cancelled
     * @throws InterruptedException if the calling thread is interrupted while waiting
     * @throws NullPointerException if {@code timeout} is null
     */
    T await(Duration timeout) throws InterruptedException, TimeoutException;

    /**
     * {@return how the task ended}
     *
     * @throws IllegalStateException if the task has not ended yet
     */
    Outcome<T> outcome();

    /**
     * Calls {@code callback} once when the task ends, on the thread that ends it (the one that
     * cancels it, for a cancel); at once, on the calling thread, if it has already ended (Python's {@code add_done_callback}). A callback
     * that throws is logged and does not disturb the task or the other callbacks.
     *
     * @param callback what to call with this task
     * @throws NullPointerException if {@code callback} is null
     */
    void onDone(Consumer<? super Task<T>> callback);

    /**
     * Returns a future that completes as this task ends: with its value, exceptionally with the
     * original exception, or cancelled. Cancelling the returned future cancels the task.
     *
     * @return a future view of this task (the same instance on every call)
     */
    CompletableFuture<T> toCompletableFuture();
}
