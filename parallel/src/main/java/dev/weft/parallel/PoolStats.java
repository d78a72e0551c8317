package dev.weft.parallel;

import java.time.Duration;
import java.util.Objects;

/**
 * A snapshot of what a {@link Pool} has done and is doing, for metrics: {@link Pool#stats()}. The
 * counts only grow (from the pool's creation); the gauges ({@code busyWorkers},
 * {@code queuedChunks}) are read at the moment of the call. {@code weft-micrometer}'s
 * {@code WeftMetrics.bindPool} publishes them; Python's {@code multiprocessing.Pool} has no
 * counterpart, {@code ThreadPoolExecutor.getActiveCount()/getQueue().size()/getCompletedTaskCount()}
 * are its {@code java.util.concurrent} neighbours.
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=pool-stats}
 *
 * @param workers how many workers the pool has ({@link Pool#workers()})
 * @param busyWorkers how many run a chunk now, at most {@code workers}
 * @param queuedChunks the chunks submitted that no worker has taken yet (for a cluster pool,
 *     every chunk in flight: its members do not say when they start one)
 * @param tasksCompleted the inputs whose function returned
 * @param tasksFailed the inputs whose function threw, or were lost with their worker
 * @param tasksCancelled the inputs cancelled (a failed {@code map}, a terminate, an abandoned call)
 * @param workerRestarts the workers started to replace one that died or retired
 *     ({@code maxTasksPerChild}); 0 for a thread pool
 * @param chunksCompleted the chunks reported, whatever their outcome
 * @param chunkTime the summed time of those chunks, from the moment a worker took each one (or
 *     its submission, if it was never taken) until its outcomes were reported
 * @since 0.1
 */
public record PoolStats(int workers, int busyWorkers, long queuedChunks, long tasksCompleted, long tasksFailed,
                        long tasksCancelled, long workerRestarts, long chunksCompleted, Duration chunkTime) {

    /**
     * Checks the numbers.
     *
     * @throws IllegalArgumentException if a number is negative, or more workers are busy than exist
     * @throws NullPointerException if {@code chunkTime} is null
     */
    public PoolStats {
        Objects.requireNonNull(chunkTime, "chunkTime");
        if (workers < 0 || busyWorkers < 0 || queuedChunks < 0 || tasksCompleted < 0 || tasksFailed < 0
                || tasksCancelled < 0 || workerRestarts < 0 || chunksCompleted < 0 || chunkTime.isNegative()) {
            throw new IllegalArgumentException("pool statistics are never negative: workers=" + workers + ", busy="
                    + busyWorkers + ", queued=" + queuedChunks + ", completed=" + tasksCompleted + ", failed="
                    + tasksFailed + ", cancelled=" + tasksCancelled + ", restarts=" + workerRestarts + ", chunks="
                    + chunksCompleted + ", chunkTime=" + chunkTime);
        }
        if (busyWorkers > workers) {
            throw new IllegalArgumentException("busyWorkers " + busyWorkers + " > workers " + workers);
        }
    }

    /** {@return how many workers wait for work: {@code workers - busyWorkers}} */
    public int idleWorkers() {
        return workers - busyWorkers;
    }
}
