/**
 * JMH benchmarks of {@code dev.weft.async} against a raw
 * {@code Executors.newVirtualThreadPerTaskExecutor()}: {@link dev.weft.benchmarks.async.GatherSleepBenchmark}
 * (N tasks that each sleep 10 ms, the notebook's {@code asyncio.gather} workload) and
 * {@link dev.weft.benchmarks.async.GatherOverheadBenchmark} (100,000 trivial tasks: the cost of
 * a task). The Python side is {@code benchmarks/python/async_gather.py}; results and how to run
 * both are in {@code benchmarks/README.md}.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'async\.' -f 1 -wi 2 -i 5
 * java -jar benchmarks/target/benchmarks.jar GatherSleepBenchmark -p tasks=1000000
 * }</pre>
 */
package dev.weft.benchmarks.async;
