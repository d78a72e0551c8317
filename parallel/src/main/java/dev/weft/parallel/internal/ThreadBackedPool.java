package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import dev.weft.core.internal.ForkContext;
import dev.weft.core.internal.jfr.PoolChunkEvent;
import dev.weft.parallel.SerializableFunction;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The {@code Pool.threads(n)} backend: each chunk is a {@link java.util.concurrent.ForkJoinTask} of a
 * private {@link ForkJoinPool}. A chunk submitted from one of the pool's own threads (a nested
 * {@code map}) is forked onto that thread's deque, and the waiting thread runs it itself when
 * nobody has stolen it; a thread that must still wait lends its place through
 * {@link ForkJoinPool#managedBlock}, so nesting never deadlocks. Each chunk runs under its
 * submitter's context ({@link ForkContext}), and the worker thread gets its own back after it;
 * a chunk stopped early (its deadline passed, its scope closed) is interrupted
 * ({@link ChunkRunnerThread}). Each chunk is a {@code dev.weft.PoolChunk} event of backend
 * {@code threads} when recorded ({@link ChunkEvents}).
 */
public final class ThreadBackedPool extends AbstractPool<Function<Object, Object>, ThreadBackedPool.Chunk> {
    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

    private final ForkJoinPool forkJoin;
    private final Set<Chunk> running = ConcurrentHashMap.newKeySet();
    private final ChunkEvents chunkEvents;

    /**
     * Creates the pool.
     *
     * @param workers the parallelism
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    public ThreadBackedPool(int workers) {
        super(workers);
        String name = "weft-threads-" + POOL_COUNTER.incrementAndGet();
        String prefix = name + "-worker-";
        this.chunkEvents = new ChunkEvents(name, "threads");
        AtomicInteger threadCounter = new AtomicInteger();
        this.forkJoin = new ForkJoinPool(workers, pool -> {
            ForkJoinWorkerThread thread = new Worker(pool, this);
            thread.setName(prefix + threadCounter.incrementAndGet());
            return thread;
        }, null, false);
    }

    /** A thread of the pool: marked as one of its workers ({@link WorkerThreads}) when it starts. */
    private static final class Worker extends ForkJoinWorkerThread {
        private final ThreadBackedPool owner;

        Worker(ForkJoinPool pool, ThreadBackedPool owner) {
            super(null, pool, true); // keeps thread locals: the mark lasts the thread's life
            this.owner = owner;
        }

        @Override
        protected void onStart() {
            super.onStart();
            WorkerThreads.enter(owner);
        }
    }

    /** A chunk as a fork-join task: runs its items in order and reports their outcomes. */
    static final class Chunk extends WorkChunk {
        private final Function<Object, Object> fn;
        private final List<Object> args;
        private final Set<Chunk> running;
        private final ForkContext context;
        private final ChunkEvents events;
        private final ChunkRunnerThread runner = new ChunkRunnerThread();
        private final RecursiveAction task = new RecursiveAction() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void compute() {
                runItems();
            }
        };

        Chunk(Function<Object, Object> fn, long firstIndex, List<Object> args, ChunkSink sink, Set<Chunk> running,
                ForkContext context, ChunkEvents events) {
            super(firstIndex, args.size(), sink);
            this.fn = fn;
            this.args = args; // a view the pool made for this chunk and never changes
            this.running = running;
            this.context = context;
            this.events = events;
        }

        private void runItems() {
            started();
            PoolChunkEvent event = events.begin(Thread.currentThread().getName(), size(), 0);
            boolean answered = false;
            try {
                if (isAbandoned()) {
                    cancel();
                    return;
                }
                runner.enter();
                try {
                    // After enter(): a chunk reported (stopped) from now on has its thread interrupted.
                    if (!isReported()) {
                        ForkContext.Restore restore = context.install();
                        try {
                            answered = runUnderContext();
                        } finally {
                            restore.close();
                        }
                    }
                } finally {
                    runner.leave();
                }
            } finally {
                running.remove(this);
                ChunkEvents.end(event, answered ? "answered" : "cancelled", 0);
            }
        }

        /** {@return true if this thread reported the outcomes, false if the chunk was stopped first} */
        private boolean runUnderContext() {
            List<Outcome<Object>> outcomes = newOutcomeList();
            for (Object arg : args) {
                if (Thread.currentThread().isInterrupted()) {
                    outcomes.add(Outcome.cancelled());
                    continue;
                }
                try {
                    outcomes.add(Outcome.success(fn.apply(arg)));
                } catch (Throwable t) {
                    outcomes.add(Outcome.failure(t));
                }
            }
            return report(outcomes);
        }
    }

    @Override
    @SuppressWarnings("unchecked") // the pool only ever passes the function its own inputs
    protected Function<Object, Object> prepare(SerializableFunction<?, ?> fn) {
        return (Function<Object, Object>) fn;
    }

    @Override
    protected Chunk chunk(Function<Object, Object> fn, long firstIndex, List<Object> args, ChunkSink sink,
            ForkContext context) {
        return new Chunk(fn, firstIndex, args, sink, running, context, chunkEvents);
    }

    /** Interrupts the thread running {@code chunk}, if one still is; the interrupt ends with the chunk. */
    @Override
    protected void halt(Chunk chunk) {
        chunk.runner.interrupt();
    }

    @Override
    protected void dispatch(Chunk chunk) {
        running.add(chunk);
        try {
            if (isOwnWorker()) {
                chunk.task.fork();
            } else {
                forkJoin.execute(chunk.task);
            }
        } catch (RejectedExecutionException e) {
            running.remove(chunk);
            chunk.cancel();
        }
        if (isTerminated() && running.remove(chunk)) {
            chunk.cancel();
        }
    }

    @Override
    protected boolean helpsCaller() {
        return isOwnWorker();
    }

    @Override
    protected void helpWith(List<Chunk> chunks) {
        for (int i = chunks.size() - 1; i >= 0; i--) {
            Chunk chunk = chunks.get(i);
            if (chunk.task.tryUnfork()) {
                chunk.task.invoke();
            }
        }
    }

    @Override
    protected boolean isOwnWorker() {
        return WorkerThreads.isWorkerOf(this);
    }

    @Override
    protected void stopWorkers() {
        forkJoin.shutdown();
        awaitTerminated(forkJoin);
    }

    @Override
    protected void killWorkers() {
        // Report first, so that a chunk interrupted by shutdownNow() ends cancelled, not failed.
        for (Chunk chunk : running) {
            chunk.cancel();
        }
        forkJoin.shutdownNow();
        awaitTerminated(forkJoin);
    }

}
