package dev.weft.core.internal;

import dev.weft.core.Outcome;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A task that mirrors a {@link CompletableFuture} completed by someone else. Cancelling the task
 * ends it at once and cancels the future, passing {@code mayInterruptIfRunning} on (which
 * {@code CompletableFuture} itself ignores; a subclass may honour it).
 *
 * @param <T> the type of the result
 */
public final class FutureBackedTask<T> extends AbstractTask<T> {
    private final CompletableFuture<T> source;

    public FutureBackedTask(String name, CompletableFuture<T> source) {
        super(name);
        this.source = Objects.requireNonNull(source, "future");
        source.whenComplete((value, error) -> complete(outcomeOf(value, error)));
    }

    private static <T> Outcome<T> outcomeOf(T value, Throwable error) {
        if (error == null) {
            return Outcome.success(value);
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof CancellationException ? Outcome.cancelled() : Outcome.failure(cause);
    }

    @Override
    protected void stop(boolean mayInterruptIfRunning) {
        source.cancel(mayInterruptIfRunning);
    }
}
