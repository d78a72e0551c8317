/**
 * JMH benchmarks of {@code dev.weft.parallel}: the notebook's {@code calcul_while} sequential, on
 * {@code Pool.threads(2)} and on {@code Pool.processes(2)}; the per-task cost of a warm process
 * pool (100,000 trivial tasks, default chunk size and chunk size 1); and how long child JVMs take
 * to start. {@code benchmarks/python/parallel_bench.py} measures Python's
 * {@code multiprocessing.Pool(2)} on the same workloads; results go in
 * {@code benchmarks/README.md}.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'parallel.*' -f 1 -wi 3 -i 5
 * }</pre>
 */
package dev.weft.benchmarks.parallel;
