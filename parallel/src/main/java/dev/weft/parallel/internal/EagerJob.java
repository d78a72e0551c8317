package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import dev.weft.core.internal.LazyLogger;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The results of a {@code map} whose inputs are all known: one slot per input, a progress count,
 * and a future that completes when every input has ended, or at the first failure when the job
 * fails fast.
 */
final class EagerJob implements Pool.OutcomeSink<Object> {
    private static final LazyLogger log = LazyLogger.of(EagerJob.class);

    private final int total;
    private final boolean failFast;
    private final ProgressListener progress;
    private final Runnable onAllReported;
    private final ReentrantLock lock = new ReentrantLock();
    private final Outcome<Object>[] outcomes;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private int done;
    private boolean ended;
    private volatile boolean abandoned;
    private long failedIndex = -1;
    private Throwable failure;
    private boolean cancelled;

    @SuppressWarnings("unchecked") // a generic array of outcomes, filled only with Outcome<Object>
    EagerJob(int total, boolean failFast, ProgressListener progress, Runnable onAllReported) {
        this.total = total;
        this.failFast = failFast;
        this.progress = progress;
        this.onAllReported = onAllReported;
        this.outcomes = (Outcome<Object>[]) new Outcome<?>[total];
        if (total == 0) {
            ended = true;
            finished.complete(null);
            onAllReported.run();
        }
    }

    /** {@return the future that completes (normally) when the job has ended} */
    CompletableFuture<Void> finished() {
        return finished;
    }

    @Override
    public boolean isAbandoned() {
        return abandoned;
    }

    /** Gives the job up: chunks not yet started are dropped; the job ends cancelled if not ended. */
    void abandon() {
        boolean endNow;
        lock.lock();
        try {
            abandoned = true;
            endNow = !ended;
            if (endNow) {
                ended = true;
                cancelled = true;
            }
        } finally {
            lock.unlock();
        }
        if (endNow) {
            finished.complete(null);
        }
    }

    @Override
    public void accept(long firstIndex, List<Outcome<Object>> chunk) {
        boolean endNow = false;
        boolean allReported;
        lock.lock();
        try {
            int first = Math.toIntExact(firstIndex);
            for (int i = 0; i < chunk.size(); i++) {
                outcomes[first + i] = chunk.get(i);
            }
            done += chunk.size();
            allReported = done == total;
            if (progress != null && !abandoned) {
                tellProgress();
            }
            if (!ended) {
                if (failFast) {
                    for (int i = 0; i < chunk.size() && !endNow; i++) {
                        switch (chunk.get(i)) {
                            case Outcome.Failure<Object> f -> {
                                failedIndex = first + i;
                                failure = f.error();
                                endNow = true;
                            }
                            case Outcome.Cancelled<Object> c -> {
                                cancelled = true;
                                endNow = true;
                            }
                            case Outcome.Success<Object> s -> { }
                        }
                    }
                }
                endNow |= allReported;
                ended = endNow;
                if (endNow && failFast) {
                    abandoned = true;
                }
            }
        } finally {
            lock.unlock();
        }
        if (endNow) {
            finished.complete(null);
        }
        if (allReported) {
            onAllReported.run();
        }
    }

    private void tellProgress() {
        try {
            progress.progress(done, total);
        } catch (RuntimeException e) {
            log.warn("A progress listener threw; ignored", e);
        }
    }

    /**
     * {@return every outcome, in input order; only once the job has ended without failing fast}
     */
    @SuppressWarnings("unchecked") // the caller knows the element type it asked for
    <R> List<Outcome<R>> outcomes() {
        lock.lock();
        try {
            List<Outcome<R>> list = new ArrayList<>(total);
            for (Outcome<Object> outcome : outcomes) {
                list.add(outcome == null ? Outcome.cancelled() : (Outcome<R>) outcome);
            }
            return list;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the values in input order, or throws what stands for the first failure.
     *
     * @return the values
     * @throws ParallelExecutionException for a failed input
     * @throws CancellationException if the job ended cancelled
     */
    @SuppressWarnings("unchecked") // the caller knows the element type it asked for
    <R> List<R> valuesOrThrow() {
        lock.lock();
        try {
            if (failedIndex >= 0) {
                throw new ParallelExecutionException(failedIndex, failure);
            }
            if (cancelled) {
                throw new CancellationException("the map was cancelled or its pool terminated");
            }
            Object[] values = new Object[total];
            for (int i = 0; i < total; i++) {
                if (!(outcomes[i] instanceof Outcome.Success<Object> s)) {
                    throw new CancellationException("the map was cancelled or its pool terminated");
                }
                values[i] = s.value();
            }
            return (List<R>) Arrays.asList(values);
        } finally {
            lock.unlock();
        }
    }

    /** {@return the first failure of a fail-fast job as thrown by a worker, or null} */
    Throwable rawFailure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }
}
