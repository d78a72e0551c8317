package dev.weft.async;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when tasks of one group failed: it carries every failure, in the order they happened,
 * as Python's {@code ExceptionGroup} does for an {@code asyncio.TaskGroup}. {@link TaskGroup#close()}
 * and {@link TaskGroup#run} throw it (when {@code run}'s body threw, its exception comes last).
 * {@link Async#race}, where every entrant failing is a different event, throws a
 * {@link RaceFailedException} instead.
 *
 * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=task-group-exception}
 *
 * <p>The first failure is also the {@linkplain #getCause() cause}, and the others are
 * {@linkplain #getSuppressed() suppressed}, so a stack trace shows them all. The
 * {@code java.util.concurrent} neighbour, {@code ExecutionException}, holds a single cause; the
 * core {@link dev.weft.core.TaskFailedException} names the one task that failed first.
 *
 * @since 0.1
 */
public final class TaskGroupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Every task failure, in the order the tasks failed. */
    private final Throwable[] exceptions;

    /**
     * Creates the exception.
     *
     * @param message what failed, for the message
     * @param exceptions every failure, at least one
     * @throws NullPointerException if {@code exceptions} or one of them is null
     * @throws IllegalArgumentException if {@code exceptions} is empty
     */
    public TaskGroupException(String message, List<? extends Throwable> exceptions) {
        super(message, firstOf(exceptions));
        this.exceptions = exceptions.toArray(new Throwable[0]);
        for (int i = 1; i < this.exceptions.length; i++) {
            addSuppressed(this.exceptions[i]);
        }
    }

    private static Throwable firstOf(List<? extends Throwable> exceptions) {
        Objects.requireNonNull(exceptions, "exceptions");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("a TaskGroupException needs at least one exception");
        }
        for (Throwable t : exceptions) {
            Objects.requireNonNull(t, "exceptions holds a null");
        }
        return exceptions.get(0);
    }

    /** {@return every failure, in the order they happened; unmodifiable, never empty} */
    public List<Throwable> exceptions() {
        return List.of(exceptions);
    }
}
