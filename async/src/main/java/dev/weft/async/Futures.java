package dev.weft.async;

import dev.weft.async.internal.Arguments;
import dev.weft.async.internal.GatheredFuture;
import dev.weft.core.Outcome;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code asyncio.gather} for code that composes {@link CompletableFuture}s instead of blocking:
 * {@link #gather} and {@link #gatherOutcomes} return a future of every result, in order.
 *
 * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=futures}
 *
 * <p>Compared with {@code CompletableFuture.allOf}, which gives a {@code Void} and waits for every
 * input even after one failed, {@code gather} hands back the values in order, fails as soon as one
 * input fails, and cancels the other inputs then. Cancelling the returned future cancels every
 * input, as cancelling {@code asyncio.gather} cancels its children. The blocking counterparts
 * are {@link Async#gather} and {@link Async#gatherOutcomes}.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class Futures {
    private Futures() {
    }

    /**
     * Returns a future of every input's value, in input order. If an input fails, the result
     * fails at once with that input's exception (unwrapped from {@code CompletionException}) and
     * the other inputs are cancelled; unlike {@code asyncio.gather}, which lets them run on.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=futures-gather}
     *
     * @param futures the inputs, none null; none gives a future of an empty list, already done
     * @param <T> the type of the values
     * @return the future of the values (an unmodifiable list, nulls allowed)
     * @throws NullPointerException if {@code futures} or one of them is null
     */
    public static <T extends @Nullable Object> CompletableFuture<List<T>> gather(Collection<? extends CompletableFuture<? extends T>> futures) {
        return GatheredFuture.values(inputs(Arguments.copyOf(futures, "futures")));
    }

    /**
     * As {@link #gather(Collection)}, for futures given one by one.
     *
     * @param futures the inputs, none null
     * @param <T> the type of the values
     * @return the future of the values, in argument order
     * @throws NullPointerException if {@code futures} or one of them is null
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into a copy of type Object[]
    public static <T extends @Nullable Object> CompletableFuture<List<T>> gather(CompletableFuture<? extends T>... futures) {
        return GatheredFuture.values(inputs(Arguments.copyOf(futures, "futures")));
    }

    /**
     * Returns a future of how every input ended, in input order:
     * {@code asyncio.gather(..., return_exceptions=True)}. It completes when every input has, and
     * never fails because an input did: a failed input is an {@link Outcome.Failure}, a cancelled
     * one an {@link Outcome.Cancelled}.
     *
     * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=futures-gather-outcomes}
     *
     * @param futures the inputs, none null
     * @param <T> the type of the values
     * @return the future of the outcomes (an unmodifiable list)
     * @throws NullPointerException if {@code futures} or one of them is null
     */
    public static <T> CompletableFuture<List<Outcome<T>>> gatherOutcomes(
            Collection<? extends CompletableFuture<? extends T>> futures) {
        return GatheredFuture.outcomes(inputs(Arguments.copyOf(futures, "futures")));
    }

    /**
     * As {@link #gatherOutcomes(Collection)}, for futures given one by one.
     *
     * @param futures the inputs, none null
     * @param <T> the type of the values
     * @return the future of the outcomes, in argument order
     * @throws NullPointerException if {@code futures} or one of them is null
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into a copy of type Object[]
    public static <T> CompletableFuture<List<Outcome<T>>> gatherOutcomes(CompletableFuture<? extends T>... futures) {
        return GatheredFuture.outcomes(inputs(Arguments.copyOf(futures, "futures")));
    }

    private static CompletableFuture<?>[] inputs(Object[] checked) {
        CompletableFuture<?>[] inputs = new CompletableFuture<?>[checked.length];
        for (int i = 0; i < checked.length; i++) {
            inputs[i] = (CompletableFuture<?>) checked[i];
        }
        return inputs;
    }
}
