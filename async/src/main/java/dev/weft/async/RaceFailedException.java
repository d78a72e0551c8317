package dev.weft.async;

import java.util.List;
import java.util.Objects;

/**
 * Thrown by {@link Async#race} when no contender succeeded: it names the race and carries every
 * contender's failure, in argument order, as Python's {@code ExceptionGroup} carries the errors of
 * a group.
 *
 * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=race-failed}
 *
 * <p>The first contender's failure is also the {@linkplain #getCause() cause}, and the others are
 * {@linkplain #getSuppressed() suppressed}, so a stack trace shows them all. A contender that
 * ended cancelled instead of failing is listed as a {@link java.util.concurrent.CancellationException}.
 *
 * <p>Compared with asyncio, which has no race of its own (one writes it with
 * {@code asyncio.wait(..., return_when=FIRST_COMPLETED)} and looks at the done set), and with
 * {@code ExecutorService.invokeAny}, which throws an {@code ExecutionException} holding one of the
 * failures: nothing is lost. It is not a {@link TaskGroupException}: a race ends well as soon as
 * one contender succeeds, so its failure is a different event from a group's.
 *
 * @since 0.1
 */
public final class RaceFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The race's name, as {@link #raceName()} returns it. */
    private final String raceName;
    /** Every contender's failure, in argument order, as {@link #exceptions()} returns them. */
    private final Throwable[] exceptions;

    /**
     * Creates the exception.
     *
     * @param raceName the race's name, for the message
     * @param exceptions every contender's failure, in argument order, at least one
     * @throws NullPointerException if an argument or one of the exceptions is null
     * @throws IllegalArgumentException if {@code exceptions} is empty
     */
    public RaceFailedException(String raceName, List<? extends Throwable> exceptions) {
        super(message(raceName, exceptions), exceptions.get(0));
        this.raceName = raceName;
        this.exceptions = exceptions.toArray(new Throwable[0]);
        for (int i = 1; i < this.exceptions.length; i++) {
            addSuppressed(this.exceptions[i]);
        }
    }

    private static String message(String raceName, List<? extends Throwable> exceptions) {
        Objects.requireNonNull(raceName, "raceName");
        Objects.requireNonNull(exceptions, "exceptions");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("a RaceFailedException needs at least one exception");
        }
        for (Throwable t : exceptions) {
            Objects.requireNonNull(t, "exceptions holds a null");
        }
        return exceptions.size() == 1
                ? "the only contender of race '" + raceName + "' failed: " + exceptions.get(0)
                : "every one of the " + exceptions.size() + " contenders of race '" + raceName
                        + "' failed; the first: " + exceptions.get(0);
    }

    /** {@return the race's name} */
    public String raceName() {
        return raceName;
    }

    /** {@return every contender's failure, in argument order; unmodifiable, never empty} */
    public List<Throwable> exceptions() {
        return List.of(exceptions);
    }
}
