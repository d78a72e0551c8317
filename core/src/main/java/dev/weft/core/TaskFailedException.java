package dev.weft.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a task failed: it names the task, and its {@linkplain #getCause() cause} is what
 * the task threw, unchanged.
 *
 * {@snippet class=dev.weft.core.snippets.CoreSnippets region=task-failed}
 *
 * <p>When several tasks of one scope fail, the first failure is thrown and the later ones are
 * attached as {@linkplain #getSuppressed() suppressed} exceptions, so none is lost.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The name used when the failed computation had none. */
    public static final String UNNAMED = "(unnamed task)";

    /** The name of the task that failed, as {@link #taskName()} returns it. */
    private final String taskName;

    /**
     * Creates the exception.
     *
     * @param taskName the task's name, or {@code null} when it has none
     * @param cause what the task threw
     * @throws NullPointerException if {@code cause} is null
     */
    public TaskFailedException(@Nullable String taskName, Throwable cause) {
        super(message(taskName, Objects.requireNonNull(cause, "cause")), cause);
        this.taskName = taskName == null ? UNNAMED : taskName;
    }

    private static String message(@Nullable String taskName, Throwable cause) {
        String name = taskName == null ? UNNAMED : "task '" + taskName + "'";
        return name + " failed: " + cause;
    }

    /** {@return the name of the task that failed, or {@link #UNNAMED}} */
    public String taskName() {
        return taskName;
    }
}
