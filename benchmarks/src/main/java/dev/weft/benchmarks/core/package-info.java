/**
 * JMH benchmarks of {@code dev.weft.core}: {@link dev.weft.benchmarks.core.TaskScopeForkBenchmark}
 * times what a fork of a {@code TaskScope} costs (a virtual thread, its bookkeeping, the join)
 * against a raw {@code Executors.newVirtualThreadPerTaskExecutor()}. Results are in
 * {@code benchmarks/README.md}.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'core\.' -f 1 -wi 3 -i 5
 * }</pre>
 */
package dev.weft.benchmarks.core;
