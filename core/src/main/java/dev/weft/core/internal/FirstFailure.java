package dev.weft.core.internal;

import dev.weft.core.TaskFailedException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * The failures of a group of tasks, fail-fast: the first task to fail wins, becomes a
 * {@link TaskFailedException}, and runs the group's cancel action, once; every failure after it is
 * added to that exception as suppressed, in the order they were recorded. What {@code TaskScope},
 * {@code gather} and so {@code TaskGroup} throw.
 *
 * <p>Lock-free, and free of allocation until a task fails. It records what it is given: a task
 * that gave up because the group cancelled it (an interruption after the cancel) is no failure,
 * and the caller, which knows whether it cancelled that task, does not record it.
 */
public final class FirstFailure {
    private static final VarHandle FIRST;
    private static final Runnable NOTHING = () -> { };

    static {
        try {
            FIRST = MethodHandles.lookup().findVarHandle(FirstFailure.class, "first", TaskFailedException.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Runnable onFirst;
    private final boolean keepLater;
    private volatile TaskFailedException first; // set once, through FIRST

    private FirstFailure(Runnable onFirst, boolean keepLater) {
        this.onFirst = onFirst;
        this.keepLater = keepLater;
    }

    /**
     * {@return a collector that runs {@code cancel} once, on the thread recording the first
     * failure, and keeps every later failure as suppressed}
     *
     * @param cancel what cancels the rest of the group; what it throws leaves {@link #add}
     * @throws NullPointerException if {@code cancel} is null
     */
    public static FirstFailure failFast(Runnable cancel) {
        return new FirstFailure(Objects.requireNonNull(cancel, "cancel"), true);
    }

    /**
     * {@return a collector that only tells which failure came first, for a group that lets its
     * tasks run on: it cancels nothing and keeps no later failure}
     */
    public static FirstFailure firstOnly() {
        return new FirstFailure(NOTHING, false);
    }

    /**
     * Records that {@code taskName} failed with {@code error}. If it is the first failure, runs the
     * cancel action before returning.
     *
     * @param taskName the failed task's name, or null if it has none
     * @param error what it threw
     * @return the group's failure if this was the first, else null
     * @throws NullPointerException if {@code error} is null
     */
    public TaskFailedException add(String taskName, Throwable error) {
        Objects.requireNonNull(error, "error");
        TaskFailedException winner = first;
        if (winner == null) {
            TaskFailedException mine = new TaskFailedException(taskName, error);
            winner = (TaskFailedException) FIRST.compareAndExchange(this, (TaskFailedException) null, mine);
            if (winner == null) {
                onFirst.run();
                return mine;
            }
        }
        if (keepLater && error != winner.getCause()) { // one exception thrown by two tasks is listed once
            winner.addSuppressed(error);
        }
        return null;
    }

    /**
     * {@return the first failure, with the later ones suppressed if kept; null if no task failed}
     * What happens-before a task's {@link #add} happens-before the caller that sees it here.
     */
    public TaskFailedException get() {
        return first;
    }

    @Override
    public String toString() {
        TaskFailedException failure = first;
        return failure == null ? "FirstFailure[none]"
                : "FirstFailure[" + failure.taskName() + ", " + failure.getSuppressed().length + " later]";
    }
}
