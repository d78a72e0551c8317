package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Futures#gather} and {@link Futures#gatherOutcomes}; ports CPython's
 * {@code test_tasks.py} {@code FutureGatherTests}: {@code test_constructor_empty_sequence},
 * {@code test_result_exception_success}, {@code test_one_exception},
 * {@code test_return_exceptions}, {@code test_one_cancellation}, {@code test_cancel_gather}.
 */
@Timeout(60)
class FuturesTest {

    private static List<CompletableFuture<String>> incomplete(int n) {
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(new CompletableFuture<>());
        }
        return futures;
    }

    @Test
    void completesWithEveryValueInInputOrderWhateverTheCompletionOrder() throws Exception {
        // test_result_exception_success
        List<CompletableFuture<String>> in = incomplete(3);
        CompletableFuture<List<String>> all = Futures.gather(in);
        in.get(2).complete("c");
        in.get(0).complete("a");
        assertFalse(all.isDone());
        in.get(1).complete(null);
        assertEquals(Arrays.asList("a", null, "c"), all.get());
        assertThrows(UnsupportedOperationException.class, () -> all.join().add("d"));
    }

    @Test
    void theFirstFailureFailsAtOnceAndCancelsTheOtherInputs() {
        // test_one_exception, with weft's difference: the others are cancelled
        List<CompletableFuture<String>> in = incomplete(3);
        in.get(0).complete("a");
        CompletableFuture<List<String>> all = Futures.gather(in);
        IllegalStateException boom = new IllegalStateException("boom");
        in.get(1).completeExceptionally(boom);
        assertTrue(all.isCompletedExceptionally());
        ExecutionException thrown = assertThrows(ExecutionException.class, all::get);
        assertSame(boom, thrown.getCause());
        assertTrue(in.get(2).isCancelled(), "the pending input was cancelled");
        assertFalse(in.get(0).isCancelled(), "a completed input stays completed");
        assertEquals("a", in.get(0).join());
    }

    @Test
    void aCompletionExceptionIsUnwrapped() {
        IllegalStateException boom = new IllegalStateException("boom");
        CompletableFuture<String> failing = CompletableFuture.<String>completedFuture("x").thenApply(x -> {
            throw boom;
        });
        CompletableFuture<List<String>> all = Futures.gather(List.of(failing));
        CompletionException thrown = assertThrows(CompletionException.class, all::join);
        assertSame(boom, thrown.getCause());
    }

    @Test
    void aCancelledInputCancelsTheGather() {
        // test_one_cancellation
        List<CompletableFuture<String>> in = incomplete(2);
        CompletableFuture<List<String>> all = Futures.gather(in);
        in.get(0).cancel(true);
        assertTrue(all.isCancelled());
        assertTrue(in.get(1).isCancelled());
    }

    @Test
    void cancellingTheGatherCancelsEveryInput() {
        // test_cancel_gather
        List<CompletableFuture<String>> in = incomplete(3);
        in.get(0).complete("done");
        CompletableFuture<List<String>> all = Futures.gather(in);
        assertTrue(all.cancel(true));
        assertTrue(all.isCancelled());
        assertTrue(in.get(1).isCancelled() && in.get(2).isCancelled());
        assertEquals("done", in.get(0).join());
        assertTrue(all.cancel(true), "as CompletableFuture.cancel: true while it is cancelled");
        assertTrue(all.isCancelled());
    }

    @Test
    void gatherOutcomesReportsEverySuccessFailureAndCancellationInOrder() throws Exception {
        // test_return_exceptions
        List<CompletableFuture<String>> in = incomplete(4);
        CompletableFuture<List<Outcome<String>>> all = Futures.gatherOutcomes(in);
        IllegalStateException boom = new IllegalStateException("boom");
        in.get(3).complete("d");
        in.get(1).completeExceptionally(new CompletionException(boom));
        in.get(2).cancel(true);
        assertFalse(all.isDone(), "a failure does not end gatherOutcomes");
        assertFalse(in.get(0).isCancelled(), "a failure cancels nothing");
        in.get(0).complete("a");
        List<Outcome<String>> outcomes = all.get();
        assertEquals(Outcome.success("a"), outcomes.get(0));
        assertSame(boom, assertInstanceOf(Outcome.Failure.class, outcomes.get(1)).error());
        assertInstanceOf(Outcome.Cancelled.class, outcomes.get(2));
        assertEquals(Outcome.success("d"), outcomes.get(3));
    }

    @Test
    void cancellingGatherOutcomesCancelsTheInputs() {
        List<CompletableFuture<String>> in = incomplete(2);
        CompletableFuture<List<Outcome<String>>> all = Futures.gatherOutcomes(in);
        all.cancel(false);
        assertTrue(in.get(0).isCancelled() && in.get(1).isCancelled());
    }

    @Test
    void varargsFormsBehaveAlike() throws Exception {
        CompletableFuture<Integer> one = CompletableFuture.completedFuture(1);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> 2);
        assertEquals(List.of(1, 2), Futures.gather(one, two).get(Probe.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertEquals(List.of(Outcome.success(1), Outcome.success(2)),
                Futures.gatherOutcomes(one, two).get(Probe.PATIENCE.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void worksWithFuturesOfTasks() throws Exception {
        List<String> pages = Async.run(() -> Futures.gather(List.of(
                Async.ensureFuture(() -> "a").toCompletableFuture(),
                Async.ensureFuture(() -> "b").toCompletableFuture())).get(Probe.PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertEquals(List.of("a", "b"), pages);
    }

    @Test
    void emptyInputIsAnEmptyListAlreadyDone() {
        // test_constructor_empty_sequence
        CompletableFuture<List<Object>> none = Futures.gather(List.of());
        assertTrue(none.isDone());
        assertEquals(List.of(), none.join());
        assertEquals(List.of(), Futures.gather().join());
        assertEquals(List.of(), Futures.gatherOutcomes(List.of()).join());
        assertEquals(List.of(), Futures.gatherOutcomes().join());
    }

    @Test
    void nullInputIsRefused() {
        CompletableFuture<String> ok = new CompletableFuture<>();
        assertEquals("futures", assertThrows(NullPointerException.class, () -> Futures.gather((List<CompletableFuture<String>>) null)).getMessage());
        assertEquals("futures", assertThrows(NullPointerException.class, () -> Futures.gather((CompletableFuture<String>[]) null)).getMessage());
        assertEquals("futures[1]", assertThrows(NullPointerException.class, () -> Futures.gather(Arrays.asList(ok, null))).getMessage());
        assertThrows(NullPointerException.class, () -> Futures.gather(ok, null));
        assertThrows(NullPointerException.class, () -> Futures.gatherOutcomes((List<CompletableFuture<String>>) null));
        assertThrows(NullPointerException.class, () -> Futures.gatherOutcomes(ok, null));
        assertFalse(ok.isDone(), "a refused call touched nothing");
        ok.complete("x");
        assertEquals(List.of("x"), Futures.gather(ok).join());
        assertNull(Futures.gather(CompletableFuture.completedFuture((String) null)).join().get(0));
    }

    @Test
    void manyInputsCompletedConcurrentlyAreAllGathered() throws Exception {
        int n = Probe.stress(10_000);
        List<CompletableFuture<Integer>> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            in.add(new CompletableFuture<>());
        }
        CompletableFuture<List<Integer>> all = Futures.gather(in);
        List<Integer> values = Async.gather(List.of(
                () -> completeRange(in, 0, 2),
                () -> completeRange(in, 1, 2)));
        assertEquals(2, values.size());
        List<Integer> gathered = all.get();
        for (int i = 0; i < n; i++) {
            assertEquals(i, gathered.get(i));
        }
        assertThrows(CancellationException.class, () -> {
            CompletableFuture<List<Integer>> c = Futures.gather(List.of(new CompletableFuture<Integer>()));
            c.cancel(true);
            c.join();
        });
    }

    private static int completeRange(List<CompletableFuture<Integer>> in, int start, int step) {
        for (int i = start; i < in.size(); i += step) {
            in.get(i).complete(i);
        }
        return start;
    }
}
