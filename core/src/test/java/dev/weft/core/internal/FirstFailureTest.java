package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TaskFailedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FirstFailureTest {
    private static final int STRESS = Integer.getInteger("weft.stress.factor", 1);

    @Test
    void noFailureMeansNoneAndNoCancel() {
        AtomicInteger cancels = new AtomicInteger();
        FirstFailure failures = FirstFailure.failFast(cancels::incrementAndGet);
        assertNull(failures.get());
        assertEquals(0, cancels.get());
        assertEquals("FirstFailure[none]", failures.toString());
    }

    @Test
    void theFirstWinsCancelsOnceAndTheRestAreSuppressedInOrder() {
        AtomicInteger cancels = new AtomicInteger();
        FirstFailure failures = FirstFailure.failFast(cancels::incrementAndGet);
        IllegalStateException a = new IllegalStateException("a");
        IllegalArgumentException b = new IllegalArgumentException("b");
        Error c = new AssertionError("c");

        TaskFailedException first = failures.add("ta", a);
        assertNotNull(first);
        assertEquals(1, cancels.get(), "the first failure cancels before add returns");
        assertNull(failures.add("tb", b));
        assertNull(failures.add("tc", c));

        assertEquals(1, cancels.get(), "the cancel action runs once");
        assertSame(first, failures.get());
        assertEquals("ta", first.taskName());
        assertSame(a, first.getCause());
        assertEquals(List.of(b, c), List.of(first.getSuppressed()));
        assertEquals("FirstFailure[ta, 2 later]", failures.toString());
    }

    @Test
    void theCancelActionRunsOnTheRecordingThreadAndMayRecordFailuresItself() {
        AtomicReference<FirstFailure> self = new AtomicReference<>();
        AtomicReference<Thread> cancelledOn = new AtomicReference<>();
        RuntimeException duringCancel = new RuntimeException("a cancelled task's clean-up failed");
        FirstFailure failures = FirstFailure.failFast(() -> {
            cancelledOn.set(Thread.currentThread());
            assertNull(self.get().add("other", duringCancel), "a failure during the cancel is a later one");
        });
        self.set(failures);

        TaskFailedException first = failures.add("t", new IllegalStateException("boom"));

        assertNotNull(first);
        assertSame(Thread.currentThread(), cancelledOn.get());
        assertEquals(List.of(duringCancel), List.of(first.getSuppressed()));
    }

    @Test
    void oneExceptionThrownByTwoTasksIsListedOnce() {
        FirstFailure failures = FirstFailure.failFast(() -> { });
        RuntimeException shared = new RuntimeException("shared");
        TaskFailedException first = failures.add("t1", shared);
        assertNull(failures.add("t2", shared));
        assertEquals(0, first.getSuppressed().length);
    }

    @Test
    void aNamelessTaskIsUnnamed() {
        TaskFailedException first = FirstFailure.failFast(() -> { }).add(null, new RuntimeException("x"));
        assertEquals(TaskFailedException.UNNAMED, first.taskName());
    }

    @Test
    void aThrowingCancelActionLeavesAddButTheFailureIsRecorded() {
        IllegalStateException cancelFailed = new IllegalStateException("cancel failed");
        AtomicInteger cancels = new AtomicInteger();
        FirstFailure failures = FirstFailure.failFast(() -> {
            cancels.incrementAndGet();
            throw cancelFailed;
        });
        RuntimeException error = new RuntimeException("task failed");

        assertSame(cancelFailed, assertThrows(IllegalStateException.class, () -> failures.add("t", error)));

        assertSame(error, failures.get().getCause());
        RuntimeException later = new RuntimeException("later");
        assertNull(failures.add("t2", later), "the collector still works");
        assertEquals(1, cancels.get());
        assertEquals(List.of(later), List.of(failures.get().getSuppressed()));
    }

    @Test
    void firstOnlyCancelsNothingAndKeepsNoLaterFailure() {
        FirstFailure failures = FirstFailure.firstOnly();
        RuntimeException a = new RuntimeException("a");
        TaskFailedException first = failures.add("a", a);
        assertNotNull(first);
        assertNull(failures.add("b", new RuntimeException("b")));
        assertSame(first, failures.get());
        assertSame(a, first.getCause());
        assertEquals(0, first.getSuppressed().length);
    }

    @Test
    void badInputIsRefusedAndTheCollectorStillWorks() {
        assertEquals("cancel", assertThrows(NullPointerException.class, () -> FirstFailure.failFast(null)).getMessage());
        FirstFailure failures = FirstFailure.failFast(() -> { });
        assertEquals("error", assertThrows(NullPointerException.class, () -> failures.add("t", null)).getMessage());
        assertNull(failures.get(), "a refused add records nothing");
        assertNotNull(failures.add("t", new RuntimeException("x")));
    }

    @Test
    void concurrentFailuresHaveExactlyOneFirstAndNoneIsLost() throws Exception {
        int threads = 8;
        int perThread = 500 * STRESS;
        for (int round = 0; round < 20; round++) {
            AtomicInteger cancels = new AtomicInteger();
            FirstFailure failures = FirstFailure.failFast(cancels::incrementAndGet);
            ConcurrentLinkedQueue<TaskFailedException> firsts = new ConcurrentLinkedQueue<>();
            List<Throwable> all = new ArrayList<>();
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Throwable> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(new RuntimeException("t" + t + "-" + i));
                }
                all.addAll(mine);
                workers.add(Thread.ofPlatform().name("failer-" + t).start(() -> {
                    try {
                        start.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        throw new AssertionError("start barrier", e);
                    }
                    for (Throwable error : mine) {
                        TaskFailedException first = failures.add(error.getMessage(), error);
                        if (first != null) {
                            firsts.add(first);
                        }
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(30));
                assertFalse(worker.isAlive(), worker.getName() + " did not end");
            }

            assertEquals(1, firsts.size(), "exactly one failure is the first");
            assertEquals(1, cancels.get(), "the cancel action ran once");
            TaskFailedException first = failures.get();
            assertSame(firsts.peek(), first);
            List<Throwable> recorded = new ArrayList<>();
            recorded.add(first.getCause());
            recorded.addAll(List.of(first.getSuppressed()));
            assertEquals(all.size(), recorded.size(), "a failure was lost or listed twice");
            assertEquals(new HashSet<>(all), new HashSet<>(recorded));
            assertOrderPerThreadKept(recorded, threads);
        }
    }

    /** Each thread's failures appear in the order that thread recorded them. */
    private static void assertOrderPerThreadKept(List<Throwable> recorded, int threads) {
        int[] next = new int[threads];
        Set<Integer> seen = new HashSet<>();
        for (Throwable error : recorded) {
            String[] parts = error.getMessage().substring(1).split("-");
            int t = Integer.parseInt(parts[0]);
            int i = Integer.parseInt(parts[1]);
            assertEquals(next[t], i, "thread " + t + "'s failures out of order");
            next[t] = i + 1;
            seen.add(t);
        }
        assertEquals(threads, seen.size());
    }
}
