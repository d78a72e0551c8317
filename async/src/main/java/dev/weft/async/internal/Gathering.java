package dev.weft.async.internal;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The engine behind {@code Async.gather} and {@code Async.gatherOutcomes}: one fork a callable in
 * a scope of its own, joined before the call returns. The hot path allocates nothing per task
 * beyond what {@link TaskScope#fork} needs: one slot in an array of handles.
 */
public final class Gathering {
    /** Stands for "no bound" on the number of tasks running at once. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private static final AtomicLong IDS = new AtomicLong();

    private Gathering() {
    }

    /**
     * Runs every callable, fail-fast, and returns their values in argument order.
     *
     * @param callables the tasks, already copied and checked for null
     * @param maxConcurrency how many may run at once, or {@link #UNBOUNDED}
     * @param <T> the type of the results
     * @return the values, unmodifiable, nulls allowed
     * @throws InterruptedException if the caller is interrupted (the tasks are cancelled and
     *     awaited first)
     */
    public static <T> List<T> values(Object[] callables, int maxConcurrency) throws InterruptedException {
        Task<?>[] tasks = run(callables, maxConcurrency, true);
        Object[] values = new Object[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            values[i] = tasks[i].outcome().getOrThrow();
        }
        return unmodifiable(values);
    }

    /**
     * Runs every callable to its end and returns how each ended, in argument order. A callable
     * that ends by throwing {@link CancellationException} counts as cancelled, as a coroutine that
     * raises {@code CancelledError} does in asyncio.
     *
     * @param callables the tasks, already copied and checked for null
     * @param maxConcurrency how many may run at once, or {@link #UNBOUNDED}
     * @param <T> the type of the results
     * @return the outcomes, unmodifiable
     * @throws InterruptedException if the caller is interrupted (the tasks are cancelled and
     *     awaited first)
     */
    public static <T> List<Outcome<T>> outcomes(Object[] callables, int maxConcurrency) throws InterruptedException {
        Task<?>[] tasks = run(callables, maxConcurrency, false);
        Object[] outcomes = new Object[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            Outcome<?> ended = tasks[i].outcome();
            if (ended instanceof Outcome.Failure<?> f && f.error() instanceof CancellationException) {
                ended = Outcome.cancelled();
            }
            outcomes[i] = ended;
        }
        return unmodifiable(outcomes);
    }

    @SuppressWarnings("unchecked") // every element was put there by the caller's typed method
    private static <E> List<E> unmodifiable(Object[] elements) {
        return Collections.unmodifiableList((List<E>) Arrays.asList(elements));
    }

    private static Task<?>[] run(Object[] callables, int maxConcurrency, boolean failFast) throws InterruptedException {
        int n = callables.length;
        Task<?>[] tasks = new Task<?>[n];
        if (n == 0) {
            return tasks;
        }
        TaskScope.Builder builder = TaskScope.builder().name("gather-" + IDS.incrementAndGet());
        if (!failFast) {
            builder.failFast(false);
        }
        try (TaskScope scope = builder.open()) {
            if (maxConcurrency >= n) {
                for (int i = 0; i < n; i++) {
                    tasks[i] = scope.fork((Callable<?>) callables[i]);
                }
            } else {
                forkBounded(scope, callables, tasks, maxConcurrency);
            }
            scope.join();
        }
        return tasks;
    }

    /** Forks one task a permit; a task gives its permit back as it ends. */
    private static void forkBounded(TaskScope scope, Object[] callables, Task<?>[] tasks, int maxConcurrency)
            throws InterruptedException {
        Semaphore permits = new Semaphore(maxConcurrency);
        Consumer<Task<?>> giveBack = ended -> permits.release();
        for (int i = 0; i < callables.length; i++) {
            permits.acquire();
            if (scope.isCancelled()) {
                // A task failed: join() throws for it; the callables not started never run.
                return;
            }
            Task<?> task = scope.fork((Callable<?>) callables[i]);
            task.onDone(giveBack);
            tasks[i] = task;
        }
    }
}
