package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Async#asCompleted} and {@link CompletionOrder}; ports CPython's {@code test_tasks.py}
 * {@code test_as_completed}, {@code test_as_completed_with_timeout},
 * {@code test_as_completed_reverse_wait}, {@code test_as_completed_duplicate_coroutines} and
 * {@code test_as_completed_concurrent}.
 */
@Timeout(60)
class CompletionOrderTest {

    /** Three tasks that end in the order 2, 0, 1, each released by the one before. */
    private static List<Task<String>> staggered(TaskScope scope, CountDownLatch start) {
        CountDownLatch after2 = new CountDownLatch(1);
        CountDownLatch after0 = new CountDownLatch(1);
        List<Task<String>> tasks = new ArrayList<>();
        tasks.add(scope.fork("t0", () -> {
            after2.await();
            return "a";
        }));
        tasks.add(scope.fork("t1", () -> {
            after0.await();
            return "b";
        }));
        tasks.add(scope.fork("t2", () -> {
            start.await();
            return "c";
        }));
        tasks.get(2).onDone(t -> after2.countDown());
        tasks.get(0).onDone(t -> after0.countDown());
        return tasks;
    }

    @Test
    void handsOutTasksInCompletionOrder() throws Exception {
        // test_as_completed
        try (var scope = TaskScope.open()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Task<String>> tasks = staggered(scope, start);
            CompletionOrder<String> order = Async.asCompleted(tasks);
            assertEquals(3, order.remaining());
            start.countDown();
            List<String> values = new ArrayList<>();
            for (Task<String> done : order) {
                assertTrue(done.isDone());
                values.add(done.await());
            }
            assertEquals(List.of("c", "a", "b"), values);
            assertEquals(0, order.remaining());
        }
    }

    @Test
    void takeAndPollShareTheSequence() throws Exception {
        try (var scope = TaskScope.open()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Task<String>> tasks = staggered(scope, start);
            CompletionOrder<String> order = Async.asCompleted(tasks);
            assertEquals(Optional.empty(), order.poll(Duration.ZERO), "nothing has ended yet");
            assertEquals(Optional.empty(), order.poll(Duration.ofMillis(20)));
            assertEquals(3, order.remaining(), "an empty poll hands out nothing");
            start.countDown();
            assertSame(tasks.get(2), order.take());
            assertSame(tasks.get(0), order.poll(Duration.ofSeconds(30)).orElseThrow());
            assertSame(tasks.get(1), order.take());
            assertThrows(NoSuchElementException.class, order::take);
            assertThrows(NoSuchElementException.class, () -> order.poll(Duration.ofSeconds(1)));
            assertFalse(order.iterator().hasNext());
            assertThrows(NoSuchElementException.class, () -> order.iterator().next());
        }
    }

    @Test
    void failedAndCancelledTasksAreHandedOutToo() throws Exception {
        try (var scope = TaskScope.builder().failFast(false).open()) {
            CountDownLatch parked = new CountDownLatch(1);
            Task<String> failing = scope.fork(() -> {
                throw new IllegalStateException("boom");
            });
            Task<String> cancelled = scope.fork(() -> {
                parked.countDown();
                new CountDownLatch(1).await();
                return "never";
            });
            CompletionOrder<String> order = Async.asCompleted(List.of(failing, cancelled));
            assertSame(failing, order.take());
            assertThrows(TaskFailedException.class, failing::await);
            parked.await();
            cancelled.cancel();
            assertSame(cancelled, order.take());
            assertTrue(cancelled.isCancelled());
        }
    }

    @Test
    void tasksAlreadyDoneAreHandedOutAtOnceAndDuplicatesOnce() throws Exception {
        // test_as_completed_duplicate_coroutines
        try (var scope = TaskScope.open()) {
            Task<Integer> done = scope.fork(() -> 1);
            done.await();
            CompletionOrder<Integer> order = Async.asCompleted(List.of(done, done, done));
            assertEquals(1, order.remaining());
            assertSame(done, order.poll(Duration.ZERO).orElseThrow());
            assertEquals(0, order.remaining());
        }
    }

    @Test
    void anEmptyCollectionIsAnEmptySequence() {
        CompletionOrder<Object> order = Async.asCompleted(List.of());
        assertEquals(0, order.remaining());
        assertFalse(order.iterator().hasNext());
        assertEquals("CompletionOrder[0 remaining]", order.toString());
    }

    @Test
    void interruptedTakeThrowsAndLosesNothing() throws Exception {
        try (var scope = TaskScope.open()) {
            CountDownLatch release = new CountDownLatch(1);
            Task<Integer> task = scope.fork(() -> {
                release.await();
                return 1;
            });
            CompletionOrder<Integer> order = Async.asCompleted(List.of(task));
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, order::take);
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> order.poll(Duration.ofSeconds(10)));
            assertEquals(1, order.remaining(), "the interrupted calls handed nothing out");
            release.countDown();
            assertSame(task, order.take());
        }
    }

    @Test
    void theIteratorTurnsAnInterruptIntoCancellationAndKeepsTheFlag() throws Exception {
        try (var scope = TaskScope.open()) {
            CountDownLatch release = new CountDownLatch(1);
            Task<Integer> task = scope.fork(() -> {
                release.await();
                return 1;
            });
            Iterator<Task<Integer>> it = Async.asCompleted(List.of(task)).iterator();
            Thread.currentThread().interrupt();
            CancellationException thrown = assertThrows(CancellationException.class, it::next);
            assertInstanceOf(InterruptedException.class, thrown.getCause());
            assertTrue(Thread.interrupted(), "the interrupt flag was set again");
            release.countDown();
            assertTrue(it.hasNext());
            assertSame(task, it.next());
        }
    }

    @Test
    void severalConsumersShareTheTasksWithoutDuplicates() throws Exception {
        // test_as_completed_concurrent
        try (var scope = TaskScope.open()) {
            List<Task<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                tasks.add(scope.fork(() -> n));
            }
            CompletionOrder<Integer> order = Async.asCompleted(tasks);
            List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> consumers = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                consumers.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int k = 0; k < 25; k++) {
                            seen.add(order.take().await());
                        }
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                }));
            }
            for (Thread t : consumers) {
                t.join();
            }
            assertEquals(null, failure.get());
            assertEquals(50, seen.size());
            assertEquals(50, seen.stream().distinct().count());
        }
    }

    @Test
    void nullInputIsRefused() {
        assertEquals("tasks", assertThrows(NullPointerException.class, () -> Async.asCompleted(null)).getMessage());
        assertThrows(NullPointerException.class, () -> Async.asCompleted(Arrays.asList((Task<Object>) null)));
        CompletionOrder<Object> order = Async.asCompleted(List.of());
        assertThrows(NullPointerException.class, () -> order.poll(null));
    }
}
