package dev.weft.parallel;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Thrown (as the cause of a {@link ParallelExecutionException}, or by {@link JvmProcess#result()})
 * when the child JVM running a task ended before it replied: it called {@code System.exit}, was
 * killed, ran out of memory, or could not start. It carries the child's exit code and the last
 * lines the child wrote to its standard error, where the JVM explains most deaths
 * ({@code Terminating due to java.lang.OutOfMemoryError: Java heap space}).
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=worker-died}
 *
 * <p>Python's {@code Pool} hangs forever when a worker dies mid-task, and
 * {@code concurrent.futures.ProcessPoolExecutor} marks the whole pool broken
 * ({@code BrokenProcessPool}); a weft process pool fails only the task that was running, starts a
 * replacement worker and goes on.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class WorkerDiedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The worker JVM's process id. */
    private final long pid;
    /** The worker's exit code, or null if it was not known. */
    private final @Nullable Integer exitCode;
    /** The last lines the worker wrote to its stderr. */
    private final String[] stderrTail;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param pid the process id of the child
     * @param exitCode the child's exit code, or null when unknown
     * @param stderrTail the last lines of the child's standard error, oldest first
     * @param cause the error that explains the death when there is one (an initializer that
     *     threw), may be null
     * @throws NullPointerException if {@code message} or {@code stderrTail} is null
     */
    public WorkerDiedException(String message, long pid, @Nullable Integer exitCode, List<String> stderrTail,
            @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message") + describe(exitCode, stderrTail), cause);
        this.pid = pid;
        this.exitCode = exitCode;
        this.stderrTail = stderrTail.toArray(String[]::new);
    }

    private static String describe(@Nullable Integer exitCode, List<String> stderrTail) {
        Objects.requireNonNull(stderrTail, "stderrTail");
        StringBuilder text = new StringBuilder();
        text.append(exitCode == null ? " (exit code unknown)" : " (exit code " + exitCode + ")");
        if (!stderrTail.isEmpty()) {
            text.append("; last lines of its stderr:");
            for (String line : stderrTail) {
                text.append(System.lineSeparator()).append("    ").append(line);
            }
        }
        return text.toString();
    }

    /** {@return the process id of the child JVM that died} */
    public long pid() {
        return pid;
    }

    /**
     * {@return the child's exit code: 137 for {@code kill -9} (128 + signal), 3 for an
     * {@code OutOfMemoryError}, what it passed to {@code System.exit}; empty when unknown}
     */
    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    /** {@return the last lines the child wrote to its standard error, oldest first} */
    public List<String> stderrTail() {
        return List.of(stderrTail);
    }
}
