package dev.weft.parallel;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.parallel.internal.PoolCalls;
import dev.weft.parallel.internal.ProcessBackedPool;
import dev.weft.parallel.internal.ThreadBackedPool;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A pool of workers that applies a function to many inputs in parallel: Python's
 * {@code multiprocessing.Pool}, with two backends behind one interface. {@link #threads(int)}
 * runs the function on a work-stealing {@link java.util.concurrent.ForkJoinPool} in this JVM;
 * {@link #processes(int)} runs it in persistent child JVMs, for code that must be isolated (it may
 * crash, exhaust its heap, call {@code System.exit}, or hold native state).
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=pool}
 *
 * <h2>Calls and their Python originals</h2>
 * <ul>
 *   <li>{@link #map} ({@code Pool.map}): a list of results in input order; the first failure is
 *       thrown as a {@link ParallelExecutionException} naming the input's index, and inputs not
 *       yet started are dropped.
 *   <li>{@link #mapOutcomes} ({@code map} with {@code return_exceptions}-like results): every
 *       input's {@link Outcome}, nothing thrown.
 *   <li>{@link #imap} and {@link #imapUnordered} ({@code Pool.imap}, {@code imap_unordered}):
 *       lazy iterators that read their input only as workers free up and keep at most
 *       {@code 2 × workers} chunks in flight, so the input may be endless. Python's {@code imap}
 *       reads its whole input at once.
 *   <li>{@link #apply} and {@link #applyAsync} ({@code apply}, {@code apply_async}); {@link #mapAsync}
 *       ({@code map_async}) as a {@link CompletableFuture}.
 * </ul>
 * Inputs are cut into chunks, as Python does: a chunk is sent to one worker as one task. The
 * default chunk size for {@code map} is Python's, {@link #defaultChunkSize ceil(n / (4 × workers))};
 * for {@code imap} it is 1. The eager calls ({@code map}, {@code mapOutcomes}, {@code mapAsync})
 * start their chunks alternately from the front and the back of the input ({@code 0, n-1, 1,
 * n-2...}), so that with inputs sorted by size the largest one starts at once instead of running
 * alone at the end; results still come in input order, and {@code imap} runs in input order.
 * (Python hands chunks out in input order; neither promises an order of execution.)
 * Functions and inputs are {@link SerializableFunction serializable},
 * and a process pool checks it at the call: a function or input that does not serialize fails
 * with an {@link IllegalArgumentException} naming the class, before any of it reaches a worker.
 *
 * <h2>Lifetime</h2>
 * {@link #close()} refuses new work, waits until everything already submitted has ended, and
 * stops the workers. <b>This differs from Python</b>, where leaving a {@code with Pool()} block
 * calls {@code terminate()} and loses pending work; here {@link #terminate()} is that explicit
 * call: it stops the workers now and the work that had not ended ends cancelled. After either, no
 * worker thread or child JVM is left running. Calls after {@code close} or {@code terminate}
 * throw {@link IllegalStateException}.
 *
 * <p>Compared with {@link java.util.concurrent.ExecutorService#invokeAll}: a pool takes a function
 * and its inputs instead of one callable per task, chunks them, keeps input order, and names the
 * failed input.
 *
 * <h2>Context, deadlines and scopes</h2>
 * Every chunk runs under the context of the thread that submitted it: its SLF4J MDC, the values of
 * the thread-locals registered in Micrometer's {@code ContextRegistry} (with
 * {@code io.micrometer:context-propagation} on the class path) and its deadline (the one
 * {@code TaskScope.currentDeadline()} reads). A thread pool installs it around the chunk on its
 * worker thread and gives the thread its own back after it; a process pool (and a cluster pool)
 * sends the MDC, the values that are {@link java.io.Serializable} (the others are left out, with
 * a debug log) and the deadline with the chunk, and the worker installs them around it and removes
 * them after it, so a log line a task writes in a child JVM carries the caller's request id:
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=pool-context}
 *
 * When the deadline passes before a chunk has ended, each of its inputs fails with a
 * {@link java.util.concurrent.TimeoutException} ({@code map} throws a
 * {@link ParallelExecutionException} whose cause it is), and the chunk is stopped: its thread is
 * interrupted, the child JVM that runs it is killed and replaced, a cluster member's chunk is
 * cancelled there. A chunk that reaches its worker after its deadline fails the same way without
 * running, and code in a worker reads the deadline as the caller would. Deadlines are wall-clock
 * instants: across machines, clocks are assumed roughly in sync.
 *
 * <p>{@link #applyAsync}, {@link #mapAsync} and the {@code imap} iterators called inside a
 * {@link dev.weft.core.TaskScope} (a {@code TaskGroup}, {@code Async.run}) belong to it, as
 * {@code Async.ensureFuture}'s tasks do: the scope's {@code join()} waits for their chunks in
 * flight, and when it closes (or is cancelled) what they still run is cancelled, stopped as above,
 * and awaited; an iterator's {@code next()} then throws {@link CancellationException}. Their
 * failures reach whoever awaits their results, not the scope.
 *
 * <p>Memory consistency: what the function did for an input (in a thread pool) happens-before the
 * return of the call that delivers that input's result.
 *
 * @since 0.1
 */
public interface Pool extends AutoCloseable {

    /**
     * Creates a pool that runs functions on {@code workers} threads of its own work-stealing
     * {@link java.util.concurrent.ForkJoinPool}. Nothing is serialized. A task may itself call
     * this pool's {@code map}: the waiting worker runs the nested chunks itself or lends its
     * place to another thread, so nesting never deadlocks.
     *
     * @param workers how many threads run in parallel
     * @return a new pool
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    static Pool threads(int workers) {
        return new ThreadBackedPool(workers);
    }

    /**
     * Creates a pool of {@code workers} child JVMs with the default {@link ProcessPoolOptions}.
     *
     * @param workers how many child JVMs run in parallel
     * @return a new pool; its workers start with the first submitted work
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    static Pool processes(int workers) {
        return processes(ProcessPoolOptions.builder().workers(workers).build());
    }

    /**
     * Creates a pool of persistent child JVMs. Each worker is started as this JVM was (its
     * {@code java}, class path or module path, module flags; see {@link ProcessPoolOptions.Builder#jvmArgs}),
     * and receives tasks and returns results as
     * length-prefixed Java-serialized frames over its standard input and output (never a socket,
     * so nothing else on the machine can submit work). What the function prints reaches this
     * JVM's standard output and error, a line at a time. A worker that dies mid-task fails the
     * chunk it was running with a {@link WorkerDiedException} (each input of it: a chunk size of 1
     * confines the loss to one input, and weft never runs an input twice) and is replaced; the
     * chunks it had queued go to other workers, and the pool goes on.
     *
     * @param options the workers, their JVM arguments and the rest
     * @return a new pool; its workers start with the first submitted work
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalStateException if this JVM runs from a layout children cannot start from (a
     *     Spring Boot executable jar), saying what to do instead
     */
    static Pool processes(ProcessPoolOptions options) {
        return new ProcessBackedPool(options);
    }

    /**
     * Returns Python's default chunk size for {@code map}: {@code ceil(inputs / (4 × workers))},
     * and 1 for an empty input.
     *
     * @param inputs how many inputs there are
     * @param workers how many workers the pool has
     * @return the chunk size, at least 1
     * @throws IllegalArgumentException if {@code inputs} is negative or {@code workers} is less
     *     than 1
     */
    static int defaultChunkSize(int inputs, int workers) {
        if (inputs < 0) {
            throw new IllegalArgumentException("inputs must not be negative: " + inputs);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        long perRound = 4L * workers;
        return (int) Math.max(1, (inputs + perRound - 1) / perRound);
    }

    /** {@return how many workers run in parallel} */
    int workers();

    /**
     * Prepares {@code fn} for this pool's workers and returns a job that runs it on chunks of
     * inputs: the primitive that every call below ({@code map}, {@code imap}, {@code apply}...) is
     * built on, and the one, with {@link #workers()}, {@link #close()} and {@link #terminate()},
     * that a backend implements. Those calls check their arguments, choose chunk sizes, keep order
     * and collect results; callers rarely need a job of their own.
     *
     * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=job}
     *
     * @param fn the function
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return a job of {@code fn}; {@link Job#release()} it when its chunks have all been reported
     * @throws IllegalArgumentException if {@code fn} cannot be sent to a worker
     * @throws IllegalStateException if the pool is closed, terminated or broken
     * @throws NullPointerException if {@code fn} is null
     */
    <T, R> Job<T, R> job(SerializableFunction<? super T, ? extends R> fn);

    /**
     * A function made ready for a pool's workers, which runs it on the chunks of inputs submitted
     * to it (see {@link Pool#job}). A pool that is closed waits for every chunk submitted before.
     *
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     */
    interface Job<T, R> {

        /**
         * Cuts {@code inputs} into chunks of {@code chunkSize} (the last one may be shorter) and
         * sends them to the workers, from the front and the back of the list alternately; each
         * chunk's outcomes reach {@code sink} exactly once, whatever happens to its worker. Nothing
         * is sent unless every chunk can be. The chunks run under the calling thread's context and
         * deadline (see "Context, deadlines and scopes" in {@link Pool}).
         *
         * @param firstIndex the index of {@code inputs}' first element in the whole input
         * @param inputs the inputs, not copied: they must not change until their chunks report
         * @param chunkSize how many inputs travel to a worker as one task, at least 1
         * @param sink told the outcomes of each chunk
         * @throws IllegalArgumentException if an input cannot be sent to a worker, or
         *     {@code chunkSize} is less than 1
         * @throws IllegalStateException if the pool no longer takes work
         */
        void submit(long firstIndex, List<? extends T> inputs, int chunkSize, OutcomeSink<R> sink);

        /**
         * Tells the pool that the calling thread is about to wait for the chunks submitted so far:
         * a pool whose workers are threads runs those of a nested call on the waiting worker.
         */
        default void awaiting() {
        }

        /** Tells the pool no chunk of this job is pending or will be submitted: it may forget {@code fn}. */
        void release();
    }

    /**
     * Where a {@link Job} delivers the outcomes of a chunk.
     *
     * @param <R> the type of the results
     */
    @FunctionalInterface
    interface OutcomeSink<R> {

        /**
         * Receives the outcomes of one chunk, on a thread of the pool. It must not block; what it
         * throws is logged and ignored.
         *
         * @param firstIndex the index of the chunk's first input
         * @param outcomes one per input of the chunk, in input order
         */
        void accept(long firstIndex, List<Outcome<R>> outcomes);

        /**
         * {@return true when nobody wants the outcomes any more: a chunk not yet started may then be
         * dropped, and reported cancelled}
         */
        default boolean isAbandoned() {
            return false;
        }
    }

    /**
     * Returns whether no work is in flight: every chunk submitted by {@code map}, {@code apply},
     * the async calls and the {@code imap} iterators has been reported (its results delivered or
     * dropped). A pool is idle when new, between calls, and after {@link #close()} or
     * {@link #terminate()}. The answer may change as soon as it is read; a test waits for it:
     *
     * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=is-idle}
     *
     * @return true if no chunk is in flight
     */
    boolean isIdle();

    /**
     * Returns what the pool has done and is doing: its busy workers and queued chunks now, and
     * the inputs completed, failed and cancelled, the workers restarted, the chunks and their time
     * since it was made. {@code weft-micrometer} publishes it as metrics.
     *
     * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=pool-stats}
     *
     * @return a snapshot; the gauges may change as soon as it is read
     */
    PoolStats stats();

    /**
     * Applies {@code fn} to every input in parallel and returns the results in input order,
     * with the {@linkplain #defaultChunkSize default chunk size}.
     *
     * @param fn the function
     * @param inputs the inputs, read once at the call; null elements are passed on
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in input order
     * @throws ParallelExecutionException for the first input the function failed on; inputs not
     *     yet started are then dropped
     * @throws CancellationException if the pool was terminated before every input ended
     * @throws InterruptedException if the calling thread is interrupted while waiting; inputs
     *     not yet started are dropped
     * @throws IllegalArgumentException if {@code fn} or an input cannot be sent to a worker
     * @throws IllegalStateException if the pool is closed or terminated
     * @throws NullPointerException if {@code fn} or {@code inputs} is null
     */
    default <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs)
            throws InterruptedException {
        return PoolCalls.map(this, fn, inputs, PoolCalls.AUTO_CHUNK_SIZE, null);
    }

    /**
     * As {@link #map(SerializableFunction, Iterable)}, in chunks of {@code chunkSize} inputs.
     *
     * @param fn the function
     * @param inputs the inputs
     * @param chunkSize how many inputs travel to a worker as one task
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in input order
     * @throws IllegalArgumentException if {@code chunkSize} is less than 1, or as {@code map}
     * @throws ParallelExecutionException as {@code map}
     * @throws InterruptedException as {@code map}
     */
    default <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs, int chunkSize)
            throws InterruptedException {
        return PoolCalls.map(this, fn, inputs, PoolCalls.checkChunkSize(chunkSize), null);
    }

    /**
     * As {@link #map(SerializableFunction, Iterable)}, telling {@code progress} after each chunk.
     *
     * @param fn the function
     * @param inputs the inputs
     * @param progress told {@code (done, total)} after each chunk ends
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in input order
     * @throws NullPointerException if an argument is null
     * @throws ParallelExecutionException as {@code map}
     * @throws InterruptedException as {@code map}
     */
    default <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            ProgressListener progress) throws InterruptedException {
        return PoolCalls.map(this, fn, inputs, PoolCalls.AUTO_CHUNK_SIZE, Objects.requireNonNull(progress, "progress"));
    }

    /**
     * As {@link #map(SerializableFunction, Iterable, int)}, telling {@code progress} after each
     * chunk.
     *
     * @param fn the function
     * @param inputs the inputs
     * @param chunkSize how many inputs travel to a worker as one task
     * @param progress told {@code (done, total)} after each chunk ends
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in input order
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code chunkSize} is less than 1, or as {@code map}
     * @throws ParallelExecutionException as {@code map}
     * @throws InterruptedException as {@code map}
     */
    default <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs, int chunkSize,
            ProgressListener progress) throws InterruptedException {
        return PoolCalls.map(this, fn, inputs, PoolCalls.checkChunkSize(chunkSize), Objects.requireNonNull(progress, "progress"));
    }

    /**
     * Applies {@code fn} to every input and returns how each one ended, in input order; a
     * failure does not stop the others and nothing is thrown for it.
     *
     * @param fn the function
     * @param inputs the inputs
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return one outcome per input, in input order: {@link Outcome.Failure} holds what the
     *     worker threw (or a {@link WorkerDiedException}); {@link Outcome.Cancelled} marks inputs
     *     that had not ended when the pool was terminated
     * @throws InterruptedException if the calling thread is interrupted while waiting
     * @throws IllegalArgumentException if {@code fn} or an input cannot be sent to a worker
     * @throws IllegalStateException if the pool is closed or terminated
     * @throws NullPointerException if {@code fn} or {@code inputs} is null
     */
    default <T, R> List<Outcome<R>> mapOutcomes(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs)
            throws InterruptedException {
        return PoolCalls.mapOutcomes(this, fn, inputs, PoolCalls.AUTO_CHUNK_SIZE);
    }

    /**
     * As {@link #mapOutcomes(SerializableFunction, Iterable)}, in chunks of {@code chunkSize}
     * inputs. With a process pool, a worker that dies fails the whole chunk it was running, so
     * a chunk size of 1 isolates each input.
     *
     * @param fn the function
     * @param inputs the inputs
     * @param chunkSize how many inputs travel to a worker as one task
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return one outcome per input, in input order
     * @throws IllegalArgumentException if {@code chunkSize} is less than 1, or as
     *     {@code mapOutcomes}
     * @throws InterruptedException as {@code mapOutcomes}
     */
    default <T, R> List<Outcome<R>> mapOutcomes(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            int chunkSize) throws InterruptedException {
        return PoolCalls.mapOutcomes(this, fn, inputs, PoolCalls.checkChunkSize(chunkSize));
    }

    /**
     * Starts a {@code map} and returns at once. The future completes with the results in input
     * order, or exceptionally with a {@link ParallelExecutionException} (first failure) or a
     * {@link CancellationException} (pool terminated). Cancelling the future drops the inputs not
     * yet started. Dependent stages run on a thread of the pool unless given an executor.
     *
     * @param fn the function
     * @param inputs the inputs, read at the call
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the future results
     * @throws IllegalArgumentException if {@code fn} or an input cannot be sent to a worker
     * @throws IllegalStateException if the pool is closed or terminated
     * @throws NullPointerException if {@code fn} or {@code inputs} is null
     */
    default <T, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> inputs) {
        return PoolCalls.mapAsync(this, fn, inputs, PoolCalls.AUTO_CHUNK_SIZE);
    }

    /**
     * As {@link #mapAsync(SerializableFunction, Iterable)}, in chunks of {@code chunkSize} inputs.
     *
     * @param fn the function
     * @param inputs the inputs, read at the call
     * @param chunkSize how many inputs travel to a worker as one task
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the future results
     * @throws IllegalArgumentException if {@code chunkSize} is less than 1, or as
     *     {@code mapAsync}
     */
    default <T, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> inputs, int chunkSize) {
        return PoolCalls.mapAsync(this, fn, inputs, PoolCalls.checkChunkSize(chunkSize));
    }

    /**
     * Returns a lazy iterator over the results in input order, with chunks of one input. The
     * input is read only as results are consumed, at most {@code 2 × workers} chunks ahead, so it
     * may be endless. {@code next()} throws a {@link ParallelExecutionException} for an input the
     * function failed on, and iteration may go on past it. An iterator left unfinished leaves no
     * work behind beyond the chunks already in flight.
     *
     * <p>{@code next()} cannot throw {@link InterruptedException}: when the consuming thread is
     * interrupted while waiting, it throws {@link CancellationException} and the thread's
     * interrupt flag stays set.
     *
     * @param fn the function
     * @param inputs the inputs, read lazily on the consuming thread
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in input order
     * @throws IllegalArgumentException if {@code fn} cannot be sent to a worker
     * @throws IllegalStateException if the pool is closed or terminated
     * @throws NullPointerException if {@code fn} or {@code inputs} is null
     */
    default <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs) {
        return PoolCalls.lazy(this, fn, inputs, 1, true);
    }

    /**
     * As {@link #imap(SerializableFunction, Iterable)}, in chunks of {@code chunkSize} inputs.
     *
     * @param fn the function
     * @param inputs the inputs, read lazily
     * @param chunkSize how many inputs travel to a worker as one task
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the results, in input order
     * @throws IllegalArgumentException if {@code chunkSize} is less than 1, or as {@code imap}
     */
    default <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            int chunkSize) {
        return PoolCalls.lazy(this, fn, inputs, PoolCalls.checkChunkSize(chunkSize), true);
    }

    /**
     * As {@link #imap(SerializableFunction, Iterable)}, but results come in the order they end.
     *
     * @param fn the function
     * @param inputs the inputs, read lazily
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the results, as they end
     * @throws IllegalArgumentException if {@code fn} cannot be sent to a worker
     * @throws IllegalStateException if the pool is closed or terminated
     * @throws NullPointerException if {@code fn} or {@code inputs} is null
     */
    default <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs) {
        return PoolCalls.lazy(this, fn, inputs, 1, false);
    }

    /**
     * As {@link #imapUnordered(SerializableFunction, Iterable)}, in chunks of {@code chunkSize}
     * inputs.
     *
     * @param fn the function
     * @param inputs the inputs, read lazily
     * @param chunkSize how many inputs travel to a worker as one task
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the results, as they end
     * @throws IllegalArgumentException if {@code chunkSize} is less than 1, or as
     *     {@code imapUnordered}
     */
    default <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            int chunkSize) {
        return PoolCalls.lazy(this, fn, inputs, PoolCalls.checkChunkSize(chunkSize), false);
    }

    /**
     * Applies {@code fn} to one input on a worker and waits for the result.
     *
     * @param fn the function
     * @param arg the input, may be null
     * @param <T> the type of the input
     * @param <R> the type of the result
     * @return what {@code fn} returned
     * @throws ParallelExecutionException with index 0 if the function failed
     * @throws CancellationException if the pool was terminated first
     * @throws InterruptedException if the calling thread is interrupted while waiting
     * @throws IllegalArgumentException if {@code fn} or {@code arg} cannot be sent to a worker
     * @throws IllegalStateException if the pool is closed or terminated
     * @throws NullPointerException if {@code fn} is null
     */
    default <T, R> R apply(SerializableFunction<? super T, ? extends R> fn, T arg) throws InterruptedException {
        return PoolCalls.apply(this, fn, arg);
    }

    /**
     * Starts {@code fn} on one input and returns its task at once. The task fails with what the
     * worker threw ({@link Task#await()} wraps it in a {@code TaskFailedException}); cancelling it
     * drops the input if it has not started yet, and otherwise lets it end unobserved. Called
     * inside a {@link dev.weft.core.TaskScope}, it belongs to the scope, which stops it when it
     * closes (see "Context, deadlines and scopes" above).
     *
     * @param fn the function
     * @param arg the input, may be null
     * @param <T> the type of the input
     * @param <R> the type of the result
     * @return the running task
     * @throws IllegalArgumentException if {@code fn} or {@code arg} cannot be sent to a worker
     * @throws IllegalStateException if the pool is closed or terminated
     * @throws NullPointerException if {@code fn} is null
     */
    default <T, R> Task<R> applyAsync(SerializableFunction<? super T, ? extends R> fn, T arg) {
        return PoolCalls.applyAsync(this, fn, arg);
    }

    /**
     * Refuses new work, waits until the work already submitted has ended (including the chunks
     * in flight of unfinished {@code imap} iterators), then stops the workers and waits until no
     * worker thread or child JVM is left. Does nothing if already closed. An interrupt while
     * waiting does not stop the wait; the interrupt flag is restored on return. A process pool may
     * keep its child JVMs, idle and with nothing of this pool running in them, for the next pool
     * with the same options ({@link ProcessPoolOptions.Builder#keepIdleWorkers}).
     *
     * <p>Python's {@code Pool.__exit__} terminates instead; call {@link #terminate()} for that.
     *
     * @throws IllegalStateException if called from one of this pool's own workers, which would
     *     wait for itself
     */
    @Override
    void close();

    /**
     * Stops the workers now: threads are interrupted, child JVMs are killed. Work that had not
     * ended ends cancelled ({@code map} throws {@link CancellationException}, {@code mapOutcomes}
     * reports {@link Outcome.Cancelled}). Returns when no worker is left. Does nothing if already
     * terminated; after {@link #close()} it has nothing left to stop.
     */
    void terminate();
}
