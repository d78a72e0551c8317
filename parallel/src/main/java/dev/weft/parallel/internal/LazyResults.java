package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The iterator behind {@code imap} and {@code imapUnordered}: it reads its input on the consuming
 * thread, only while fewer than {@code maxChunks} chunks are submitted and not yet consumed, and
 * hands out results in input order or in the order they arrive.
 *
 * @param <R> the type of the results
 */
final class LazyResults<R> implements Iterator<R>, Pool.OutcomeSink<Object> {

    private record Arrival(long index, Outcome<Object> outcome) {
    }

    private final Iterator<?> input;
    private final int chunkSize;
    private final int maxChunks;
    private final boolean ordered;
    private final Pool.Job<Object, Object> job;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Map<Long, Outcome<Object>> byIndex = new HashMap<>();
    private final ArrayDeque<Arrival> inArrivalOrder = new ArrayDeque<>();
    private long submitted;
    private long reportedItems;
    private long yielded;
    private boolean inputDone;
    private boolean released;
    /** The scope the iterator was made in ({@link ScopeTie}), or null. */
    private final ScopeTie scope;
    /** A waiter holds the scope open while chunks are in flight. */
    private boolean held;
    /** The scope closed: what was in flight was cancelled, and no more input is read. */
    private boolean stoppedByScope;

    LazyResults(Iterator<?> input, int chunkSize, int maxChunks, boolean ordered, Pool.Job<Object, Object> job,
            ScopeTie scope) {
        this.input = Objects.requireNonNull(input, "input");
        this.chunkSize = chunkSize;
        this.maxChunks = maxChunks;
        this.ordered = ordered;
        this.job = Objects.requireNonNull(job, "job");
        this.scope = job instanceof StoppableJob<?, ?> ? scope : null;
    }

    /** Holds the scope open while chunks are in flight; called after a submit, without the lock. */
    private void holdScope() {
        lock.lock();
        try {
            if (scope == null || held || reportedItems == submitted) {
                return;
            }
            held = true;
        } finally {
            lock.unlock();
        }
        scope.hold(ScopeTie.name("imap"), this::awaitInFlight, this::stopByScope);
    }

    /** The waiter's wait: until every chunk submitted has reported; then the scope is no longer held. */
    private void awaitInFlight() throws InterruptedException {
        lock.lock();
        try {
            while (reportedItems < submitted) {
                arrived.await();
            }
            held = false;
        } finally {
            lock.unlock();
        }
    }

    private void stopByScope() {
        lock.lock();
        try {
            stoppedByScope = true;
            inputDone = true;
        } finally {
            lock.unlock();
        }
        ((StoppableJob<?, ?>) job).stop();
    }

    @Override
    public void accept(long firstIndex, List<Outcome<Object>> outcomes) {
        boolean releaseNow;
        lock.lock();
        try {
            for (int i = 0; i < outcomes.size(); i++) {
                store(firstIndex + i, outcomes.get(i));
            }
            reportedItems += outcomes.size();
            releaseNow = releaseIfDone();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        if (releaseNow) {
            job.release();
        }
    }

    private void store(long index, Outcome<Object> outcome) {
        if (ordered) {
            byIndex.put(index, outcome);
        } else {
            inArrivalOrder.add(new Arrival(index, outcome));
        }
    }

    private boolean releaseIfDone() {
        if (inputDone && !released && reportedItems == submitted) {
            released = true;
            return true;
        }
        return false;
    }

    /** Reads and submits input while the window has room; runs on the consuming thread. */
    private void fill() {
        while (true) {
            List<Object> batch;
            long first;
            lock.lock();
            try {
                if (inputDone || stoppedByScope || submitted - yielded + chunkSize > (long) maxChunks * chunkSize) {
                    break;
                }
                first = submitted;
            } finally {
                lock.unlock();
            }
            batch = new ArrayList<>(chunkSize);
            while (batch.size() < chunkSize && input.hasNext()) {
                batch.add(input.next());
            }
            boolean releaseNow;
            lock.lock();
            try {
                if (batch.isEmpty() || batch.size() < chunkSize) {
                    inputDone = true;
                }
                submitted += batch.size();
                releaseNow = batch.isEmpty() && releaseIfDone();
            } finally {
                lock.unlock();
            }
            if (releaseNow) {
                job.release();
            }
            if (batch.isEmpty()) {
                break;
            }
            try {
                job.submit(first, batch, batch.size(), this);
                holdScope();
            } catch (IllegalArgumentException e) {
                // An input that cannot be sent fails its own items, and iteration goes on.
                accept(first, java.util.Collections.nCopies(batch.size(), Outcome.failure(e)));
            } catch (RuntimeException e) {
                lock.lock();
                try {
                    submitted -= batch.size();
                    inputDone = true;
                } finally {
                    lock.unlock();
                }
                throw e;
            }
        }
    }

    @Override
    public boolean hasNext() {
        fill();
        lock.lock();
        try {
            return yielded < submitted;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public R next() {
        fill();
        if (!arrivedNow()) {
            if (job instanceof StoppableJob<?, ?> stoppable) {
                stoppable.awaitingNext(); // one result, not all: a helper must not hold it back
            } else {
                job.awaiting();
            }
        }
        Arrival arrival;
        lock.lock();
        try {
            if (yielded >= submitted) {
                throw new NoSuchElementException("no more results");
            }
            awaitArrival();
            if (ordered) {
                arrival = new Arrival(yielded, byIndex.remove(yielded));
            } else {
                arrival = inArrivalOrder.poll();
            }
            yielded++;
        } finally {
            lock.unlock();
        }
        fill();
        return valueOf(arrival);
    }

    private boolean arrivedNow() {
        lock.lock();
        try {
            return ordered ? byIndex.containsKey(yielded) : !inArrivalOrder.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private void awaitArrival() {
        ForkJoinPool.ManagedBlocker blocker = new ForkJoinPool.ManagedBlocker() {
            @Override
            public boolean block() throws InterruptedException {
                if (!isReleasable()) {
                    arrived.await();
                }
                return isReleasable();
            }

            @Override
            public boolean isReleasable() {
                return ordered ? byIndex.containsKey(yielded) : !inArrivalOrder.isEmpty();
            }
        };
        try {
            ForkJoinPool.managedBlock(blocker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("interrupted while waiting for a result");
            cancelled.initCause(e);
            throw cancelled;
        }
    }

    private boolean isStoppedByScope() {
        lock.lock();
        try {
            return stoppedByScope;
        } finally {
            lock.unlock();
        }
    }

    @SuppressWarnings("unchecked") // the function returns R
    private R valueOf(Arrival arrival) {
        return switch (arrival.outcome()) {
            case Outcome.Success<Object> s -> (R) s.value();
            case Outcome.Failure<Object> f -> throw new ParallelExecutionException(arrival.index(), f.error());
            case Outcome.Cancelled<Object> c -> throw new CancellationException("input #" + arrival.index()
                    + " was cancelled: " + (isStoppedByScope() ? "the scope the iterator was made in closed"
                    : "the pool was terminated"));
        };
    }
}
