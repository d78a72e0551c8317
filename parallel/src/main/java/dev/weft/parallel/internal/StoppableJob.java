package dev.weft.parallel.internal;

import dev.weft.parallel.Pool;

/**
 * A {@link Pool.Job} of weft's own backends that can be stopped: what the pool calls
 * ({@code applyAsync}, {@code mapAsync}, the {@code imap} iterators) use it to end their work
 * when the {@link dev.weft.core.TaskScope} they were started in closes ({@link ScopeTie}).
 *
 * <pre>{@code
 * if (job instanceof StoppableJob<?, ?> stoppable) {
 *     stoppable.stop();   // every chunk not reported ends cancelled, running ones are stopped
 * }
 * }</pre>
 *
 * @param <T> the type of the inputs
 * @param <R> the type of the results
 */
public interface StoppableJob<T, R> extends Pool.Job<T, R> {

    /**
     * Reports every chunk submitted and not yet reported cancelled, and stops those running (a
     * thread interrupted, a child JVM killed and replaced, a cluster chunk cancelled on its
     * member). The job takes new chunks as before.
     */
    void stop();

    /**
     * Tells the pool that the calling thread is about to wait for the next result of the chunks
     * submitted so far, not for all of them (the {@code imap} iterators): the pool helps only where
     * helping cannot hold back a result that has arrived meanwhile. By default as {@link #awaiting()}.
     */
    default void awaitingNext() {
        awaiting();
    }
}
