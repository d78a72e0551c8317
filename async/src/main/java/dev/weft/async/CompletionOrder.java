package dev.weft.async;

import dev.weft.core.Task;
import dev.weft.core.internal.Durations;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Tasks handed out in the order they end: what {@link Async#asCompleted(Collection)} returns,
 * Python's {@code asyncio.as_completed}.
 *
 * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=completion-order}
 *
 * <p>Each task is handed out once, when it has ended, whatever its outcome; calling
 * {@link Task#await()} on it then returns or throws at once. {@link #take()} and
 * {@link #poll(Duration)} are the interruptible ways to wait; the {@link #iterator()} suits a
 * for-each loop. All of them consume the same sequence, and several threads may share it.
 *
 * <p>Compared with its {@code java.util.concurrent} neighbour {@code ExecutorCompletionService},
 * it works on any tasks (not only those one executor ran), knows how many are left, and ends. Like
 * {@code as_completed}, a task given twice is handed out once.
 *
 * @param <T> the type of the tasks' results
 * @since 0.1
 */
public final class CompletionOrder<T> implements Iterable<Task<T>> {
    private final BlockingQueue<Task<T>> ended = new LinkedBlockingQueue<>();
    private final AtomicInteger remaining;

    CompletionOrder(Collection<? extends Task<T>> tasks) {
        Set<Task<T>> distinct = new LinkedHashSet<>();
        for (Task<T> task : tasks) {
            distinct.add(Objects.requireNonNull(task, "tasks holds a null task"));
        }
        this.remaining = new AtomicInteger(distinct.size());
        Consumer<Task<T>> onEnd = ended::add;
        for (Task<T> task : distinct) {
            task.onDone(onEnd);
        }
    }

    /** {@return how many tasks have not been handed out yet} */
    public int remaining() {
        return remaining.get();
    }

    /**
     * Waits for the next task to end and returns it.
     *
     * @return the next task in completion order, done
     * @throws NoSuchElementException if every task has already been handed out
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public Task<T> take() throws InterruptedException {
        reserve();
        try {
            return ended.take();
        } catch (InterruptedException e) {
            remaining.incrementAndGet();
            throw e;
        }
    }

    /**
     * Waits at most {@code timeout} for the next task to end. A zero or negative timeout does not
     * wait.
     *
     * @param timeout how long to wait
     * @return the next task in completion order, or empty if none ended in time
     * @throws NoSuchElementException if every task has already been handed out
     * @throws InterruptedException if the calling thread is interrupted while waiting
     * @throws NullPointerException if {@code timeout} is null
     */
    public Optional<Task<T>> poll(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        reserve();
        Task<T> next;
        try {
            next = timeout.isNegative() || timeout.isZero()
                    ? ended.poll()
                    : ended.poll(Durations.toNanosSaturated(timeout), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            remaining.incrementAndGet();
            throw e;
        }
        if (next == null) {
            remaining.incrementAndGet();
        }
        return Optional.ofNullable(next);
    }

    private void reserve() {
        if (remaining.getAndUpdate(r -> r > 0 ? r - 1 : 0) == 0) {
            throw new NoSuchElementException("every task has been handed out");
        }
    }

    /**
     * Returns an iterator over the tasks not handed out yet, in completion order.
     * {@code hasNext()} never blocks; {@code next()} blocks until the next task ends. If the
     * thread is interrupted while {@code next()} waits, it throws {@link CancellationException}
     * with the thread's interrupt flag set again (asyncio raises {@code CancelledError} in a
     * cancelled coroutine); use {@link #take()} to get the {@code InterruptedException} instead.
     *
     * @return an iterator that consumes this sequence
     */
    @Override
    public Iterator<Task<T>> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return remaining() > 0;
            }

            @Override
            public Task<T> next() {
                try {
                    return take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    CancellationException cancelled = new CancellationException("interrupted while waiting for the next task");
                    cancelled.initCause(e);
                    throw cancelled;
                }
            }
        };
    }

    @Override
    public String toString() {
        return "CompletionOrder[" + remaining() + " remaining]";
    }
}
