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

    /** Three tasks named t0, t1, t2 that each end when their latch is released. */
    private static List<Task<String>> gated(TaskScope scope, CountDownLatch[] go) {
        List<Task<String>> tasks = new ArrayList<>();
        String[] values = {"a", "b", "c"};
        for (int i = 0; i < 3; i++) {
            CountDownLatch gate = go[i] = new CountDownLatch(1);
            String value = values[i];
            tasks.add(scope.fork("t" + i, () -> {
                gate.await();
                return value;
            }));
        }
        return tasks;
    }

    @Test
    void handsOutTasksInCompletionOrder() throws Exception {
        // test_as_completed: released in the order 2, 0, 1, each after the previous was handed out
        try (var scope = TaskScope.open()) {
            CountDownLatch[] go = new CountDownLatch[3];
            List<Task<String>> tasks = gated(scope, go);
            CompletionOrder<String> order = Async.asCompleted(tasks);
            assertEquals(3, order.remaining());
            int[] releaseOrder = {2, 0, 1};
            go[releaseOrder[0]].countDown();
            List<String> values = new ArrayList<>();
            for (Task<String> done : order) {
                assertTrue(done.isDone());
                values.add(done.await());
                if (values.size() < 3) {
                    go[releaseOrder[values.size()]].countDown();
                }
            }
            assertEquals(List.of("c", "a", "b"), values);
            assertEquals(0, order.remaining());
        }
    }

    @Test
    void takeAndPollShareTheSequence() throws Exception {
        try (var scope = TaskScope.open()) {
            CountDownLatch[] go = new CountDownLatch[3];
            List<Task<String>> tasks = gated(scope, go);
            CompletionOrder<String> order = Async.asCompleted(tasks);
            assertEquals(Optional.empty(), order.poll(Duration.ZERO), "nothing has ended yet");
            assertEquals(Optional.empty(), order.poll(Duration.ofMillis(20)));
            assertEquals(3, order.remaining(), "an empty poll hands out nothing");
            go[2].countDown();
            assertSame(tasks.get(2), order.take());
            go[0].countDown();
            assertSame(tasks.get(0), order.poll(Duration.ofSeconds(30)).orElseThrow());
            go[1].countDown();
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
            Probe.await(parked, "the tasks' parking");
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
            done.await(Probe.PATIENCE);
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
                Probe.join(t);
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
