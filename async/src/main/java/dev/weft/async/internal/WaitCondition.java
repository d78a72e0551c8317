package dev.weft.async.internal;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Wakes the caller of {@code Async.awaitTasks} when its condition holds: the first task ended,
 * the first task failed, or every task ended.
 */
public final class WaitCondition implements Consumer<Task<?>> {
    private final boolean onFirstEnd;
    private final boolean onFirstFailure;
    private final AtomicInteger notEnded;
    private final CountDownLatch met = new CountDownLatch(1);

    /**
     * Creates the condition.
     *
     * @param tasks how many tasks are watched, at least one
     * @param onFirstEnd wake when any task ends
     * @param onFirstFailure wake when any task fails (not when one is cancelled)
     */
    public WaitCondition(int tasks, boolean onFirstEnd, boolean onFirstFailure) {
        this.notEnded = new AtomicInteger(tasks);
        this.onFirstEnd = onFirstEnd;
        this.onFirstFailure = onFirstFailure;
    }

    /** Hears that a watched task ended. */
    @Override
    public void accept(Task<?> ended) {
        if (notEnded.decrementAndGet() == 0 || onFirstEnd
                || (onFirstFailure && ended.outcome() instanceof Outcome.Failure<?>)) {
            met.countDown();
        }
    }

    /**
     * Waits until the condition holds or {@code nanos} have passed.
     *
     * @param nanos how long to wait; zero or less does not wait; {@code Long.MAX_VALUE} waits
     *     without limit
     * @throws InterruptedException if the caller is interrupted while waiting
     */
    public void await(long nanos) throws InterruptedException {
        if (nanos == Long.MAX_VALUE) {
            met.await();
        } else if (nanos > 0) {
            met.await(nanos, TimeUnit.NANOSECONDS);
        } else if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
