/**
 * The cluster pool's benchmark: {@link dev.weft.benchmarks.cluster.ClusterBenchmark} puts one and
 * two local Hazelcast members next to {@code Pool.processes(2)} on the notebook's
 * {@code calcul_while} and on 10,000 trivial tasks, and measures how long each takes to start;
 * {@link dev.weft.benchmarks.cluster.RoundTripBenchmark} (JMH) puts one chunk's round trip next to
 * a raw {@code IExecutorService} submit of the same bytes. Results go in {@code benchmarks/README.md}.
 *
 * <pre>{@code
 * java -cp "$(cat cp.txt)" dev.weft.benchmarks.cluster.ClusterBenchmark --quick
 * }</pre>
 */
package dev.weft.benchmarks.cluster;
