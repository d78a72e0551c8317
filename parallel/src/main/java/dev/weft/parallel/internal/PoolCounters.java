package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import dev.weft.parallel.PoolStats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts behind {@link dev.weft.parallel.Pool#stats()}, kept by {@link AbstractPool} for every
 * backend: a chunk is counted queued when dispatched, running once a worker takes it
 * ({@link WorkChunk#started()}), and done with its outcomes. No lock: adders and two atomics.
 */
final class PoolCounters {
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong running = new AtomicLong();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder chunks = new LongAdder();
    private final LongAdder chunkNanos = new LongAdder();
    private final LongAdder restarts = new LongAdder();

    void dispatched() {
        queued.incrementAndGet();
    }

    void started() {
        queued.decrementAndGet();
        running.incrementAndGet();
    }

    void ended(boolean started, long nanos, List<Outcome<Object>> outcomes) {
        (started ? running : queued).decrementAndGet();
        chunks.increment();
        chunkNanos.add(Math.max(0, nanos));
        for (Outcome<Object> outcome : outcomes) {
            switch (outcome) {
                case Outcome.Success<Object> s -> completed.increment();
                case Outcome.Failure<Object> f -> failed.increment();
                case Outcome.Cancelled<Object> c -> cancelled.increment();
            }
        }
    }

    void workerRestarted() {
        restarts.increment();
    }

    PoolStats snapshot(int workers) {
        int busy = (int) Math.max(0, Math.min(workers, running.get()));
        return new PoolStats(workers, busy, Math.max(0, queued.get()), completed.sum(), failed.sum(), cancelled.sum(),
                restarts.sum(), chunks.sum(), Duration.ofNanos(chunkNanos.sum()));
    }
}
