package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import dev.weft.core.ThreadKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The chunks of one job that have not reported yet, each with its caller's deadline, for the two
 * things that end them early: a deadline that passes ({@link #watch}: each chunk still unfinished
 * then fails with a {@link java.util.concurrent.TimeoutException}) and the scope the call belongs
 * to closing ({@link #stop()}: each one is reported cancelled). Either way a chunk that is
 * running is then stopped by its backend ({@code halt}: a thread interrupted, a child JVM killed
 * and replaced, a cluster chunk cancelled on its member), after it was reported, so that its
 * worker's late answer counts for nothing.
 *
 * <pre>{@code
 * JobChunks<MyChunk> chunks = new JobChunks<>(this::halt);
 * ChunkSink sink = chunks.track(counted, deadline);    // the sink of one chunk; bind(chunk) once made
 * chunks.watch(deadline);                              // fails what is left when it passes
 * }</pre>
 *
 * @param <C> the backend's chunk
 */
final class JobChunks<C extends WorkChunk> {
    /** Stands for "no deadline" in the map, which takes no nulls. */
    private static final Instant NONE = Instant.MAX;
    /** Runs an expiry off the JDK's delay thread: reporting runs the caller's callbacks. */
    private static final Executor EXPIRY = task -> ThreadKind.VIRTUAL.newThread("weft-pool-deadline", task).start();

    private final Consumer<? super C> halt;
    private final Map<C, Instant> live = new ConcurrentHashMap<>();
    private final Map<Instant, CompletableFuture<Void>> timers = new ConcurrentHashMap<>();

    /** @param halt stops a running chunk of the backend once it has been reported */
    JobChunks(Consumer<? super C> halt) {
        this.halt = Objects.requireNonNull(halt, "halt");
    }

    /** The sink of one chunk: forgets the chunk here when it reports, then tells {@code sink}. */
    final class Tracked implements ChunkSink {
        private final ChunkSink sink;
        private final Instant deadline;
        private C chunk;

        private Tracked(ChunkSink sink, Instant deadline) {
            this.sink = sink;
            this.deadline = deadline;
        }

        /** Ties the sink to its chunk, before the chunk is dispatched. */
        void bind(C made) {
            chunk = made;
            live.put(made, deadline);
        }

        @Override
        public void accept(long firstIndex, List<Outcome<Object>> outcomes) {
            if (chunk != null) {
                live.remove(chunk);
            }
            sink.accept(firstIndex, outcomes);
        }

        @Override
        public boolean isAbandoned() {
            return sink.isAbandoned();
        }

        @Override
        public void started() {
            sink.started(); // the pool's counters (Pool.stats()) hear it through the wrapped sink
        }

        @Override
        public void ended(boolean started, long nanos, List<Outcome<Object>> outcomes) {
            sink.ended(started, nanos, outcomes);
        }
    }

    /**
     * {@return the sink for a new chunk: {@link Tracked#bind} it to the chunk once made}
     *
     * @param sink where its outcomes go
     * @param deadline its caller's deadline, or null
     */
    Tracked track(ChunkSink sink, Instant deadline) {
        return new Tracked(sink, deadline == null ? NONE : deadline);
    }

    /**
     * Fails, when {@code deadline} passes, the chunks of that deadline not reported by then; at
     * once if it has passed.
     *
     * @return false if it has already passed (the caller then fails its chunks)
     */
    boolean watch(Instant deadline) {
        long nanos = Duration.between(Instant.now(), deadline).toNanos();
        if (nanos <= 0) {
            return false;
        }
        timers.computeIfAbsent(deadline, at -> {
            CompletableFuture<Void> timer = new CompletableFuture<>();
            timer.completeOnTimeout(null, nanos, TimeUnit.NANOSECONDS).thenRunAsync(() -> expire(at), EXPIRY);
            return timer;
        });
        return true;
    }

    /** Fails the chunks of {@code deadline} still unfinished, and stops those running. */
    void expire(Instant deadline) {
        for (Map.Entry<C, Instant> entry : live.entrySet()) {
            C chunk = entry.getKey();
            if (!entry.getValue().isAfter(deadline) && chunk.fail(DeadlineExpiry.timedOut(deadline, chunk))) {
                halt.accept(chunk);
            }
        }
    }

    /** Reports every chunk not yet reported cancelled, and stops those running. */
    void stop() {
        for (C chunk : live.keySet()) {
            if (chunk.cancel()) {
                halt.accept(chunk);
            }
        }
    }

    /** The job has ended: no deadline of it needs watching any more. */
    void release() {
        timers.values().forEach(timer -> timer.cancel(false));
        timers.clear();
    }
}
