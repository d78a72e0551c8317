package dev.weft.core;

import dev.weft.core.internal.FutureBackedTask;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The handle of a running computation: Python's {@code asyncio.Task} and
 * {@code concurrent.futures.Future} in one. A task is started by whoever created it (a
 * {@link TaskScope}, {@code Async.ensureFuture}, a {@code Pool}); the handle lets you wait for
 * it, look at how it ended, be called back when it ends, and cancel it.
 *
 * <pre>{@code
 * try (var scope = TaskScope.open()) {
 *     Task<String> page = scope.fork("fetch", () -> fetch(url));
 *     page.onDone(t -> log.info("{} ended: {}", t.name(), t.outcome()));
 *     String body = page.await();
 * }
 * }</pre>
 *
 * <p>Cancellation follows asyncio: {@link #cancel()} asks the computation to stop (a task on a
 * thread is interrupted) and the task ends when its code gives up. A task whose code ends with an
 * exception after it was cancelled ends {@link Outcome.Cancelled}; one that catches the interrupt
 * and returns normally ends with its value, as a coroutine that suppresses
 * {@code CancelledError} does.
 *
 * <p>Memory consistency: everything the computation did happens-before a successful return from
 * {@link #await()}, {@link #outcome()} of a done task, and the run of an {@link #onDone} callback.
 *
 * @param <T> the type of the result
 */
public interface Task<T> {

    /**
     * Wraps a {@link CompletableFuture} as a task, for computations that something else runs (a
     * remote worker, a callback API). Cancelling the task cancels the future; whoever completes
     * the future can watch for that with {@link CompletableFuture#isCancelled()}.
     *
     * <pre>{@code
     * CompletableFuture<byte[]> reply = new CompletableFuture<>();
     * Task<byte[]> task = Task.of("rpc", reply);
     * }</pre>
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

    /** {@return true once the task has ended, whatever the outcome} */
    boolean isDone();

    /** {@return true if the task has ended {@link Outcome.Cancelled}} */
    boolean isCancelled();

    /**
     * Asks the task to stop: a task running on a thread is interrupted. Does nothing to a task
     * that has already ended.
     *
     * @return true if the task had not ended yet (it may still end with a value if its code
     *     ignores the request), false if it was already done
     */
    boolean cancel();

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
     * Calls {@code callback} once when the task ends, on the thread that ends it; at once, on
     * the calling thread, if it has already ended (Python's {@code add_done_callback}). A callback
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
