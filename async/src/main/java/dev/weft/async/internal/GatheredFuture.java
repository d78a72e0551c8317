package dev.weft.async.internal;

import dev.weft.core.Outcome;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The future {@code Futures.gather} returns: it completes when its inputs have, and cancelling it
 * cancels every input, as cancelling an {@code asyncio.gather} cancels its children.
 *
 * @param <R> the type of the gathered result
 */
public final class GatheredFuture<R> extends CompletableFuture<R> {
    private final CompletableFuture<?>[] inputs;
    private final Object[] slots;
    private final AtomicInteger pending;

    private GatheredFuture(CompletableFuture<?>[] inputs) {
        this.inputs = inputs;
        this.slots = new Object[inputs.length];
        this.pending = new AtomicInteger(inputs.length);
    }

    /**
     * Gathers the values of {@code inputs} in order; the first input to fail completes the result
     * with its exception (unwrapped from {@link CompletionException}) and cancels the others.
     *
     * @param inputs the futures, already copied and checked for null
     * @param <T> the type of the values
     * @return the gathered future
     */
    public static <T> CompletableFuture<List<T>> values(CompletableFuture<?>[] inputs) {
        GatheredFuture<List<T>> out = new GatheredFuture<>(inputs);
        if (inputs.length == 0) {
            out.complete(List.of());
        }
        for (int i = 0; i < inputs.length; i++) {
            int index = i;
            inputs[i].whenComplete((value, error) -> {
                if (error == null) {
                    out.fill(index, value);
                } else if (out.completeExceptionally(unwrap(error))) {
                    out.cancelInputsBut(index);
                }
            });
        }
        return out;
    }

    /**
     * Gathers how every input ended, in order; never completes exceptionally unless cancelled.
     *
     * @param inputs the futures, already copied and checked for null
     * @param <T> the type of the values
     * @return the gathered future
     */
    public static <T> CompletableFuture<List<Outcome<T>>> outcomes(CompletableFuture<?>[] inputs) {
        GatheredFuture<List<Outcome<T>>> out = new GatheredFuture<>(inputs);
        if (inputs.length == 0) {
            out.complete(List.of());
        }
        for (int i = 0; i < inputs.length; i++) {
            int index = i;
            inputs[i].whenComplete((value, error) -> out.fill(index, outcomeOf(value, error)));
        }
        return out;
    }

    private static Outcome<Object> outcomeOf(Object value, Throwable error) {
        if (error == null) {
            return Outcome.success(value);
        }
        Throwable cause = unwrap(error);
        return cause instanceof CancellationException ? Outcome.cancelled() : Outcome.failure(cause);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private void fill(int index, Object value) {
        slots[index] = value;
        if (pending.decrementAndGet() == 0) {
            complete(slotsAsList());
        }
    }

    @SuppressWarnings("unchecked") // R is List<T> or List<Outcome<T>>, filled by the typed factories
    private R slotsAsList() {
        return (R) Collections.unmodifiableList(Arrays.asList(slots));
    }

    private void cancelInputsBut(int index) {
        for (int i = 0; i < inputs.length; i++) {
            if (i != index) {
                inputs[i].cancel(true);
            }
        }
    }

    /**
     * Cancels this future and every input that has not completed.
     *
     * @param mayInterruptIfRunning passed on to the inputs
     * @return whether this future is now cancelled
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        for (CompletableFuture<?> input : inputs) {
            input.cancel(mayInterruptIfRunning);
        }
        return cancelled;
    }
}
