package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Async#awaitTasks}, asyncio's {@code wait}; ports CPython's {@code test_tasks.py}
 * {@code test_wait}, {@code test_wait_first_completed}, {@code test_wait_really_done},
 * {@code test_wait_first_exception}, {@code test_wait_first_exception_in_wait},
 * {@code test_wait_with_exception}, {@code test_wait_with_timeout},
 * {@code test_wait_duplicate_coroutines} and {@code test_wait_errors}.
 */
@Timeout(60)
class AwaitTasksTest {

    private static Task<String> parked(TaskScope scope, String name, CountDownLatch release) {
        return scope.fork(name, () -> {
            release.await();
            return name;
        });
    }

    @Test
    void allCompletedWaitsForEveryTask() throws Exception {
        // test_wait
        try (var scope = TaskScope.open()) {
            Task<String> a = scope.fork(() -> Async.sleep(Duration.ofMillis(30), "a"));
            Task<String> b = scope.fork(() -> Async.sleep(Duration.ofMillis(10), "b"));
            DoneAndPending<String> r = Async.awaitTasks(List.of(a, b), ReturnWhen.ALL_COMPLETED);
            assertEquals(List.of(a, b), List.copyOf(r.done()), "done keeps the order given");
            assertEquals(Set.of(), r.pending());
        }
    }

    @Test
    void firstCompletedReturnsAsSoonAsOneEndsAndCancelsNothing() throws Exception {
        // test_wait_first_completed
        try (var scope = TaskScope.open()) {
            CountDownLatch release = new CountDownLatch(1);
            Task<String> slow = parked(scope, "slow", release);
            Task<String> fast = scope.fork(() -> "fast");
            DoneAndPending<String> r = Async.awaitTasks(List.of(slow, fast), ReturnWhen.FIRST_COMPLETED);
            assertEquals(Set.of(fast), r.done());
            assertEquals(Set.of(slow), r.pending());
            assertTrue(!slow.isDone() && !slow.isCancelled(), "the pending task runs on");
            release.countDown();
            assertEquals("slow", slow.await(Probe.PATIENCE));
        }
    }

    @Test
    void tasksAlreadyDoneReturnAtOnce() throws Exception {
        // test_wait_really_done
        try (var scope = TaskScope.open()) {
            Task<Integer> a = scope.fork(() -> 1);
            Task<Integer> b = scope.fork(() -> 2);
            a.await(Probe.PATIENCE);
            b.await(Probe.PATIENCE);
            DoneAndPending<Integer> r = Async.awaitTasks(List.of(a, b), ReturnWhen.FIRST_COMPLETED);
            assertEquals(Set.of(a, b), r.done());
            assertEquals(Set.of(), r.pending());
        }
    }

    @Test
    void firstExceptionReturnsOnTheFirstFailure() throws Exception {
        // test_wait_first_exception
        try (var scope = TaskScope.builder().failFast(false).open()) {
            CountDownLatch release = new CountDownLatch(1);
            Task<String> slow = parked(scope, "slow", release);
            Task<String> failing = scope.fork(() -> {
                throw new IllegalStateException("boom");
            });
            DoneAndPending<String> r = Async.awaitTasks(List.of(slow, failing), ReturnWhen.FIRST_EXCEPTION);
            assertEquals(Set.of(failing), r.done());
            assertEquals(Set.of(slow), r.pending());
            release.countDown();
        }
    }

    @Test
    void firstExceptionIgnoresSuccessesAndCancellationsUntilAFailure() throws Exception {
        // test_wait_first_exception_in_wait: a success first, then the failure
        try (var scope = TaskScope.builder().failFast(false).open()) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch failNow = new CountDownLatch(1);
            Task<String> success = scope.fork(() -> "ok");
            Task<String> cancelled = parked(scope, "cancelled", new CountDownLatch(1));
            Task<String> failing = scope.fork(() -> {
                Probe.await(failNow, "the two first ends");
                throw new IllegalStateException("boom");
            });
            Task<String> slow = parked(scope, "slow", release);
            success.await(Probe.PATIENCE);
            cancelled.cancel();
            Thread waiter = Thread.ofVirtual().start(() -> {
                try {
                    CompletionOrder<String> ends = Async.asCompleted(List.of(success, cancelled));
                    ends.take();
                    ends.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                failNow.countDown();
            });
            DoneAndPending<String> r = Async.awaitTasks(List.of(success, cancelled, failing, slow), ReturnWhen.FIRST_EXCEPTION);
            Probe.join(waiter);
            assertEquals(List.of(success, cancelled, failing), List.copyOf(r.done()));
            assertEquals(Set.of(slow), r.pending());
            release.countDown();
        }
    }

    @Test
    void firstExceptionWithoutAnyFailureWaitsForAll() throws Exception {
        // test_wait_with_exception's counterpart: no failure means ALL_COMPLETED
        try (var scope = TaskScope.open()) {
            Task<Integer> a = scope.fork(() -> Async.sleep(Duration.ofMillis(20), 1));
            Task<Integer> b = scope.fork(() -> 2);
            DoneAndPending<Integer> r = Async.awaitTasks(List.of(a, b), ReturnWhen.FIRST_EXCEPTION);
            assertEquals(Set.of(a, b), r.done());
        }
    }

    @Test
    void allCompletedIncludesFailures() throws Exception {
        // test_wait_with_exception
        try (var scope = TaskScope.builder().failFast(false).open()) {
            Task<Integer> failing = scope.fork(() -> {
                throw new IllegalStateException("boom");
            });
            Task<Integer> ok = scope.fork(() -> Async.sleep(Duration.ofMillis(20), 1));
            DoneAndPending<Integer> r = Async.awaitTasks(List.of(failing, ok), ReturnWhen.ALL_COMPLETED);
            assertEquals(Set.of(failing, ok), r.done());
        }
    }

    @Test
    void aTimeoutReturnsWhatHasEndedSoFarWithoutError() throws Exception {
        // test_wait_with_timeout
        try (var scope = TaskScope.open()) {
            CountDownLatch release = new CountDownLatch(1);
            Task<String> done = scope.fork(() -> "done");
            done.await(Probe.PATIENCE);
            Task<String> slow = parked(scope, "slow", release);
            DoneAndPending<String> r = Async.awaitTasks(List.of(done, slow), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(50));
            assertEquals(Set.of(done), r.done());
            assertEquals(Set.of(slow), r.pending());
            DoneAndPending<String> now = Async.awaitTasks(List.of(done, slow), ReturnWhen.ALL_COMPLETED, Duration.ZERO);
            assertEquals(Set.of(slow), now.pending());
            DoneAndPending<String> negative = Async.awaitTasks(List.of(slow), ReturnWhen.FIRST_COMPLETED, Duration.ofDays(-1));
            assertEquals(Set.of(slow), negative.pending());
            release.countDown();
            DoneAndPending<String> huge = Async.awaitTasks(List.of(slow), ReturnWhen.ALL_COMPLETED, Duration.ofSeconds(Long.MAX_VALUE));
            assertEquals(Set.of(slow), huge.done());
        }
    }

    @Test
    void duplicatesCountOnce() throws Exception {
        // test_wait_duplicate_coroutines
        try (var scope = TaskScope.open()) {
            Task<Integer> a = scope.fork(() -> 1);
            DoneAndPending<Integer> r = Async.awaitTasks(List.of(a, a, a), ReturnWhen.ALL_COMPLETED);
            assertEquals(1, r.done().size());
        }
    }

    @Test
    void anInterruptedCallerGetsInterruptedExceptionAndTheTasksGoOn() throws Exception {
        try (var scope = TaskScope.open()) {
            CountDownLatch release = new CountDownLatch(1);
            Task<String> slow = parked(scope, "slow", release);
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> Async.awaitTasks(List.of(slow), ReturnWhen.ALL_COMPLETED));
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> Async.awaitTasks(List.of(slow), ReturnWhen.ALL_COMPLETED, Duration.ZERO));
            assertTrue(!slow.isDone());
            release.countDown();
            assertEquals("slow", slow.await(Probe.PATIENCE));
        }
    }

    @Test
    void badInputIsRefused() throws Exception {
        // test_wait_errors
        try (var scope = TaskScope.open()) {
            Task<Integer> a = scope.fork(() -> 1);
            assertThrows(IllegalArgumentException.class, () -> Async.awaitTasks(List.<Task<Integer>>of(), ReturnWhen.ALL_COMPLETED));
            assertEquals("tasks", assertThrows(NullPointerException.class, () -> Async.awaitTasks(null, ReturnWhen.ALL_COMPLETED)).getMessage());
            assertEquals("when", assertThrows(NullPointerException.class, () -> Async.awaitTasks(List.of(a), null)).getMessage());
            assertEquals("timeout", assertThrows(NullPointerException.class,
                    () -> Async.awaitTasks(List.of(a), ReturnWhen.ALL_COMPLETED, null)).getMessage());
            assertThrows(NullPointerException.class, () -> Async.awaitTasks(Arrays.asList(a, null), ReturnWhen.ALL_COMPLETED));
            assertEquals(Set.of(a), Async.awaitTasks(List.of(a), ReturnWhen.ALL_COMPLETED).done());
        }
    }

    @Test
    void doneAndPendingKeepsUnmodifiableCopiesInOrder() throws Exception {
        try (var scope = TaskScope.open()) {
            Task<Integer> a = scope.fork(() -> 1);
            Task<Integer> b = scope.fork(() -> 2);
            Set<Task<Integer>> done = new LinkedHashSet<>(List.of(b, a));
            DoneAndPending<Integer> r = new DoneAndPending<>(done, Set.of());
            done.clear();
            assertEquals(List.of(b, a), List.copyOf(r.done()));
            assertThrows(UnsupportedOperationException.class, () -> r.done().add(a));
            assertThrows(UnsupportedOperationException.class, () -> r.pending().add(a));
            assertThrows(NullPointerException.class, () -> new DoneAndPending<Integer>(null, Set.of()));
            assertThrows(NullPointerException.class, () -> new DoneAndPending<Integer>(Set.of(), null));
            assertThrows(NullPointerException.class, () -> new DoneAndPending<>(new LinkedHashSet<>(Arrays.asList(a, null)), Set.of()));
            assertEquals(List.of(ReturnWhen.FIRST_COMPLETED, ReturnWhen.FIRST_EXCEPTION, ReturnWhen.ALL_COMPLETED),
                    List.of(ReturnWhen.values()));
        }
    }
}
