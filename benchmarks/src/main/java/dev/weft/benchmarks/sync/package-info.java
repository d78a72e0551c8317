/**
 * JMH benchmarks of {@code dev.weft.sync} next to the raw {@code java.util.concurrent} primitive
 * each one compares with, in the same class so that one run gives the pair: uncontended
 * (one thread) and contended (two threads, {@code @Threads(2)}) acquire/release of
 * {@link dev.weft.sync.Lock}, {@link dev.weft.sync.RLock}, {@link dev.weft.sync.Semaphore}, and
 * {@link dev.weft.sync.Event#isSet()}/{@link dev.weft.sync.Event#set()}.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'dev.weft.benchmarks.sync' -f 1 -wi 3 -i 5
 * }</pre>
 *
 * <p>The Python side is {@code benchmarks/python/sync_primitives.py}; results go to
 * {@code benchmarks/README.md}.
 */
package dev.weft.benchmarks.sync;
