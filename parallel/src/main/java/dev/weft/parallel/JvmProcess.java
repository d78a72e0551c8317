package dev.weft.parallel;

import dev.weft.core.TaskFailedException;
import dev.weft.parallel.internal.OneShotChild;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A function run once in a child JVM of its own: Python's {@code multiprocessing.Process}. The
 * child is started as this JVM was (its {@code java}, class path or module path, and module flags,
 * as a {@linkplain Pool#processes(int) process pool}'s children), receives the function and its
 * argument over its standard input, sends the result back over its standard output, and exits.
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=jvm-process}
 *
 * <p>As in Python, the exit code is 0 when the function returned and 1 when it threw; a child
 * killed by a signal has the JVM's code for it ({@code 128 + signal}, where Python reports
 * {@code -signal}). Unlike Python's {@code Process}, the function's return value comes back:
 * {@link #result()}. What the function prints reaches this JVM's standard output and error, a line
 * at a time. For many tasks, a {@link Pool#processes(int) process pool} reuses its children
 * instead of paying for a JVM start each time; {@link java.lang.Process} is the JDK's raw
 * neighbour, which knows nothing of functions or results.
 *
 * <p>The function runs in the child under the context of the thread that called {@code start}, as
 * a {@linkplain Pool process pool's} tasks do: its MDC, its serializable propagated thread-locals
 * and its deadline (readable there; the child is not killed at it: {@link #join(Duration)} and
 * {@link #kill()} are the caller's).
 *
 * @param <R> the type of the result
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class JvmProcess<R> {
    private final OneShotChild<R> child;

    JvmProcess(OneShotChild<R> child) {
        this.child = child;
    }

    /**
     * Starts a child JVM, with the {@linkplain ProcessPoolOptions#DEFAULT_JVM_ARGS default JVM
     * arguments}, that computes {@code fn.apply(arg)}.
     *
     * @param fn the function
     * @param arg its argument, may be null
     * @param <T> the type of the argument
     * @param <R> the type of the result
     * @return the started process
     * @throws NullPointerException if {@code fn} is null
     * @throws IllegalArgumentException if {@code fn} or {@code arg} cannot be serialized; no child is
     *     started then
     * @throws IllegalStateException if the child JVM cannot be started, or this JVM runs from a
     *     layout children cannot start from (a Spring Boot executable jar)
     */
    public static <T extends @Nullable Object, R> JvmProcess<R> start(SerializableFunction<? super T, ? extends R> fn, T arg) {
        return start(fn, arg, ProcessPoolOptions.DEFAULT_JVM_ARGS);
    }

    /**
     * Starts a child JVM with the given JVM arguments that computes {@code fn.apply(arg)}.
     *
     * @param fn the function
     * @param arg its argument, may be null
     * @param jvmArgs the child's JVM arguments (heap size, properties)
     * @param <T> the type of the argument
     * @param <R> the type of the result
     * @return the started process
     * @throws NullPointerException if {@code fn} or {@code jvmArgs} is null
     * @throws IllegalArgumentException if {@code fn} or {@code arg} cannot be serialized, or
     *     {@code fn} uses a class that exists only in this JVM and whose bytes cannot be read
     * @throws IllegalStateException if the child JVM cannot be started, or this JVM runs from a
     *     layout children cannot start from (a Spring Boot executable jar)
     */
    public static <T extends @Nullable Object, R> JvmProcess<R> start(SerializableFunction<? super T, ? extends R> fn, T arg,
            List<String> jvmArgs) {
        Objects.requireNonNull(fn, "fn");
        List<String> args = List.copyOf(Objects.requireNonNull(jvmArgs, "jvmArgs"));
        return new JvmProcess<>(OneShotChild.start(fn, arg, args));
    }

    /** {@return the child's process id} */
    public long pid() {
        return child.pid();
    }

    /** {@return true while the child JVM runs} */
    public boolean isAlive() {
        return child.isAlive();
    }

    /**
     * Waits until the child has exited and its output has been read.
     *
     * @throws InterruptedException if the calling thread is interrupted (the child goes on)
     */
    public void join() throws InterruptedException {
        child.awaitGone();
    }

    /**
     * Waits at most {@code timeout} for the child to exit; a zero or negative timeout does not wait.
     *
     * @param timeout how long to wait
     * @return true if the child has exited
     * @throws InterruptedException if the calling thread is interrupted (the child goes on)
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean join(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return child.awaitGone(timeout);
    }

    /** {@return the child's exit code once it has exited, empty while it runs (Python's None)} */
    public OptionalInt exitCode() {
        return child.exitCode();
    }

    /** Asks the child to stop (SIGTERM, running its shutdown hooks); does nothing once it has exited. */
    public void terminate() {
        child.terminate();
    }

    /** Kills the child at once (SIGKILL), as Python's {@code Process.kill()}. */
    public void kill() {
        child.kill();
    }

    /**
     * Waits for the child to exit and returns what the function returned.
     *
     * @return the function's result
     * @throws TaskFailedException if the function threw (the cause is its exception, with its type,
     *     message and stack trace from the child) or the child died first (the cause is a
     *     {@link WorkerDiedException})
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public R result() throws InterruptedException {
        return child.result();
    }

    @Override
    public String toString() {
        return "JvmProcess[pid " + pid() + (isAlive() ? ", alive" : ", exit code " + exitCode().orElse(-1)) + "]";
    }
}
