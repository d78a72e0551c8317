/**
 * Python's {@code multiprocessing} for Java: a {@link dev.weft.parallel.Pool} that maps a function
 * over many inputs in parallel, on threads or in persistent child JVMs, and
 * {@link dev.weft.parallel.JvmProcess}, one function in a child JVM of its own;
 * {@link dev.weft.parallel.TalkingProcess} is one that exchanges messages with its parent over a
 * {@link dev.weft.parallel.Pipe} while it runs ({@code multiprocessing.Pipe}).
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=parallel-package}
 *
 * <p>Where to start: {@link dev.weft.parallel.Pool} (its javadoc maps each call to its Python
 * original), {@link dev.weft.parallel.ProcessPoolOptions} for child JVMs,
 * {@link dev.weft.parallel.SerializableFunction} for what can be sent. Failures arrive as
 * {@link dev.weft.parallel.ParallelExecutionException} (which input, and the worker's exception),
 * {@link dev.weft.parallel.WorkerDiedException} (a child that died) and
 * {@link dev.weft.parallel.RemoteException} (a child's exception whose class the parent cannot
 * rebuild).
 *
 * <p>Compared with Python: Java threads run CPU-bound code in parallel, so
 * {@link dev.weft.parallel.Pool#threads(int)} is the usual choice and the child-JVM pool is for
 * isolation (crashes, {@code System.exit}, memory limits, native state), not for escaping a GIL.
 * A process pool survives its workers' deaths, which Python's {@code Pool} does not, and
 * {@code close()} finishes submitted work where Python's context manager terminates it. Compared
 * with {@code java.util.concurrent}: a pool is an {@link java.util.concurrent.ExecutorService}
 * specialised for "one function, many inputs", keeping input order and naming failed inputs.
 */
@NullMarked
package dev.weft.parallel;

import org.jspecify.annotations.NullMarked;
