package dev.weft.parallel;

import java.util.Objects;

/**
 * Thrown by a {@link Pool} when the function failed on one input: it names the input's index,
 * and its {@linkplain #getCause() cause} is what the worker threw, with its type, message and
 * stack trace (rebuilt as a {@link RemoteException} when a child JVM's exception cannot be
 * rebuilt as its own class in the parent).
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=parallel-execution}
 *
 * <p>Python's {@code Pool.map} re-raises the worker's exception itself, with the remote traceback
 * attached as its {@code __cause__}; {@link java.util.concurrent.ExecutionException} is the
 * {@code java.util.concurrent} neighbour, which does not say which input failed.
 *
 * @since 0.1
 */
public final class ParallelExecutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The index of the failed input in the order it was given. */
    private final long index;

    /**
     * Creates the exception.
     *
     * @param index the index of the failed input in the order the inputs were given
     * @param cause what the worker threw
     * @throws NullPointerException if {@code cause} is null
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public ParallelExecutionException(long index, Throwable cause) {
        super("input #" + checkIndex(index) + " failed: " + Objects.requireNonNull(cause, "cause"), cause);
        this.index = index;
    }

    private static long checkIndex(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        return index;
    }

    /** {@return the index of the input the function failed on, counted from 0 in input order} */
    public long index() {
        return index;
    }
}
