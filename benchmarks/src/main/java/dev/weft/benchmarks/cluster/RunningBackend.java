package dev.weft.benchmarks.cluster;

import dev.weft.parallel.Pool;

/**
 * A backend of {@link ClusterBenchmark} once started: its pool, and how to stop everything it
 * started.
 *
 * <pre>{@code
 * try (RunningBackend backend = LocalCluster.start(2, 1)) {
 *     backend.pool().map(fn, inputs);
 * }
 * }</pre>
 */
interface RunningBackend extends AutoCloseable {

    /** {@return the pool to measure} */
    Pool pool();

    /** Closes the pool and stops what the backend started. */
    @Override
    void close();
}
