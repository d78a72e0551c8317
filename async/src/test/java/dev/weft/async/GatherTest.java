package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Async#gather} and {@link Async#gatherOutcomes}; ports CPython's
 * {@code test_asyncio/test_tasks.py} {@code GatherTestsBase} cases where they apply
 * ({@code test_constructor_empty_sequence}, {@code test_one_exception},
 * {@code test_return_exceptions}, {@code test_result_exception_success}).
 */
@Timeout(120)
class GatherTest {

    @Test
    void returnsResultsInArgumentOrderWhateverTheCompletionOrder() throws Exception {
        // Task i may only finish after task i + 1: they finish in reverse order.
        CountDownLatch[] finished = {new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1)};
        finished[3].countDown();
        List<Integer> completionOrder = new CopyOnWriteArrayList<>();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            tasks.add(() -> {
                Probe.await(finished[n + 1], "the next task's end");
                completionOrder.add(n);
                finished[n].countDown();
                return "r" + n;
            });
        }
        List<String> results = Async.gather(tasks);
        assertEquals(List.of(2, 1, 0), completionOrder);
        assertEquals(List.of("r0", "r1", "r2"), results);
    }

    @Test
    void threeSleepsOverlapInsteadOfAddingUp() throws Exception {
        // The notebook's cell: three sleeps gathered take about one sleep, not three. A sleep of a
        // second leaves the gather a second of slack (thread starts, a loaded machine) before the
        // ratio fails; with 200 ms sleeps, 200 ms of delay failed it.
        Duration sleep = Duration.ofSeconds(1);
        Callable<String> daniel = () -> Async.sleep(sleep, "Daniel");
        Callable<String> donna = () -> Async.sleep(sleep, "Donna");
        Callable<String> diane = () -> Async.sleep(sleep, "Diane");

        long start = System.nanoTime();
        List<String> sequential = List.of(daniel.call(), donna.call(), diane.call());
        long sequentialNanos = System.nanoTime() - start;

        start = System.nanoTime();
        List<String> gathered = Async.gather(daniel, donna, diane);
        long gatheredNanos = System.nanoTime() - start;

        assertEquals(sequential, gathered);
        assertTrue(gatheredNanos < sequentialNanos * 2 / 3,
                "gather took " + gatheredNanos / 1_000_000 + " ms, the sequential run " + sequentialNanos / 1_000_000 + " ms");
    }

    @Test
    void firstFailureInterruptsEverySiblingAndCarriesTheOriginalCause() throws Exception {
        // test_one_exception, with weft's difference: the siblings are cancelled, not left running.
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(3);
        IllegalStateException boom = new IllegalStateException("boom");
        TaskFailedException thrown = assertThrows(TaskFailedException.class, () -> Async.gather(
                () -> probe.parkUntilInterrupted("a", parked),
                () -> probe.parkUntilInterrupted("b", parked),
                () -> {
                    probe.enter();
                    Probe.await(parked, "the tasks' parking");
                    throw boom;
                },
                () -> probe.parkUntilInterrupted("c", parked)));
        assertSame(boom, thrown.getCause());
        assertEquals(Set.of("a", "b", "c"), probe.interrupted);
        assertEquals(0, thrown.getSuppressed().length, "interrupted siblings are cancellations, not failures");
        probe.assertAllDead();
    }

    @Test
    void laterFailuresAreSuppressedOnTheFirst() {
        CountDownLatch parked = new CountDownLatch(1);
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second, while being cancelled");
        TaskFailedException thrown = assertThrows(TaskFailedException.class, () -> Async.gather(
                () -> {
                    Probe.await(parked, "the tasks' parking");
                    throw first;
                },
                () -> {
                    try {
                        parked.countDown();
                        new CountDownLatch(1).await();
                        return null;
                    } catch (InterruptedException e) {
                        throw second;
                    }
                }));
        assertSame(first, thrown.getCause());
        assertEquals(List.of(second), List.of(thrown.getSuppressed()));
    }

    @Test
    void gatherOutcomesReturnsEverySuccessFailureAndCancellationInOrderAndNeverThrows() throws Exception {
        // test_return_exceptions: a failure is a result, and it cancels nothing.
        IllegalStateException boom = new IllegalStateException("boom");
        CountDownLatch failed = new CountDownLatch(1);
        List<Outcome<Integer>> outcomes = Async.gatherOutcomes(
                () -> 1,
                () -> {
                    failed.countDown();
                    throw boom;
                },
                () -> {
                    throw new CancellationException("gave up");
                },
                () -> {
                    Probe.await(failed, "the first failure");
                    return Async.sleep(Duration.ofMillis(100), 4);  // would be interrupted if fail-fast
                },
                () -> null);
        assertEquals(5, outcomes.size());
        assertEquals(Outcome.success(1), outcomes.get(0));
        assertSame(boom, assertInstanceOf(Outcome.Failure.class, outcomes.get(1)).error());
        assertInstanceOf(Outcome.Cancelled.class, outcomes.get(2));
        assertEquals(Outcome.success(4), outcomes.get(3));
        assertEquals(Outcome.success(null), outcomes.get(4));
        assertThrows(UnsupportedOperationException.class, () -> outcomes.set(0, Outcome.cancelled()));
    }

    @Test
    void gatherOutcomesOfACollectionKeepsIterationOrder() throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            tasks.add(() -> Async.sleep(Duration.ofMillis(20 - n), n));
        }
        List<Outcome<Integer>> outcomes = Async.gatherOutcomes(tasks);
        for (int i = 0; i < 20; i++) {
            assertEquals(Outcome.success(i), outcomes.get(i));
        }
    }

    @Test
    void boundedGatherNeverRunsMoreThanTheLimitAndKeepsOrder() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        // The first three tasks wait for each other, so the limit is reached whatever the timing
        // (a gather that ran them one at a time would fail here); the semaphore keeps it there.
        CountDownLatch firstThree = new CountDownLatch(3);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            tasks.add(() -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    firstThree.countDown();
                    Probe.await(firstThree, "three tasks running at once");
                    Thread.sleep(10);   // the workload
                    return n * n;
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        List<Integer> results = Async.gather(3, tasks);
        for (int i = 0; i < 24; i++) {
            assertEquals(i * i, results.get(i));
        }
        assertEquals(3, peak.get(), "the limit was 3");
    }

    @Test
    void boundedGatherOutcomesRespectsTheLimitToo() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            tasks.add(() -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(5);
                    if (n % 4 == 0) {
                        throw new IllegalStateException("task " + n);
                    }
                    return n;
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        List<Outcome<Integer>> outcomes = Async.gatherOutcomes(2, tasks);
        assertTrue(peak.get() <= 2, "peak was " + peak.get());
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                assertEquals("task " + i, ((Outcome.Failure<Integer>) outcomes.get(i)).error().getMessage());
            } else {
                assertEquals(Outcome.success(i), outcomes.get(i));
            }
        }
    }

    @Test
    void boundedGatherStopsStartingTasksAfterAFailure() {
        Probe probe = new Probe();
        AtomicInteger started = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");
        List<Callable<Object>> tasks = new ArrayList<>();
        tasks.add(() -> {
            probe.enter();
            started.incrementAndGet();
            throw boom;
        });
        for (int i = 1; i < 10; i++) {
            String name = "t" + i;
            tasks.add(() -> {
                started.incrementAndGet();
                return probe.parkUntilInterrupted(name, null);
            });
        }
        TaskFailedException thrown = assertThrows(TaskFailedException.class, () -> Async.gather(2, tasks));
        assertSame(boom, thrown.getCause());
        assertTrue(started.get() <= 3, started.get() + " tasks started with a limit of 2");
        assertEquals(started.get() - 1, probe.interrupted.size(), "every parked task was interrupted");
        probe.assertAllDead();
    }

    @Test
    void aLimitLargerThanTheTaskCountIsFine() throws Exception {
        assertEquals(List.of(1, 2), Async.gather(100, List.<Callable<Integer>>of(() -> 1, () -> 2)));
        assertEquals(List.of(1, 2), Async.gather(1, List.<Callable<Integer>>of(() -> 1, () -> 2)));
    }

    @Test
    void interruptingTheCallerCancelsTheTasksAndWaitsForThem() throws Exception {
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                Async.gather(() -> probe.parkUntilInterrupted("a", parked), () -> probe.parkUntilInterrupted("b", parked));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        Probe.await(parked, "the tasks' parking");
        caller.interrupt();
        Probe.join(caller);
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertEquals(Set.of("a", "b"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void whatAGatheredTaskStartsBelongsToItAndIsAwaited() throws Exception {
        AtomicBoolean childRan = new AtomicBoolean();
        List<String> scopes = Async.gather(() -> {
            Async.ensureFuture(() -> {
                Thread.sleep(50);
                childRan.set(true);
                return null;
            });
            return TaskScope.current().orElseThrow().name();
        });
        assertTrue(scopes.get(0).startsWith("gather-"), scopes.get(0));
        assertTrue(childRan.get(), "gather returned before the task its task started");
        assertTrue(TaskScope.current().isEmpty(), "the gather's scope is no longer current");
    }

    @Test
    void aChildFailureFailsItsGatheredTaskAndAFailedTaskCancelsItsChildren() {
        IllegalStateException boom = new IllegalStateException("boom");
        TaskFailedException thrown = assertThrows(TaskFailedException.class, () -> Async.gather(() -> {
            Async.createTask("child", () -> {
                throw boom;
            });
            return "parent done";
        }));
        TaskFailedException child = assertInstanceOf(TaskFailedException.class, thrown.getCause());
        assertEquals("child", child.taskName());
        assertSame(boom, child.getCause());

        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        IllegalArgumentException parentFailure = new IllegalArgumentException("parent");
        TaskFailedException second = assertThrows(TaskFailedException.class, () -> Async.gather(() -> {
            Async.ensureFuture(() -> probe.parkUntilInterrupted("orphan?", parked));
            Probe.await(parked, "the tasks' parking");
            throw parentFailure;
        }));
        assertSame(parentFailure, second.getCause());
        assertEquals(Set.of("orphan?"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void resultsMayBeNullAndTheListIsUnmodifiable() throws Exception {
        List<String> results = Async.gather(() -> null, () -> "x");
        assertNull(results.get(0));
        assertEquals("x", results.get(1));
        assertThrows(UnsupportedOperationException.class, () -> results.add("y"));
    }

    @Test
    void emptyInputGivesAnEmptyList() throws Exception {
        // test_constructor_empty_sequence
        assertEquals(List.of(), Async.gather());
        assertEquals(List.of(), Async.gather(List.of()));
        assertEquals(List.of(), Async.gather(4, List.of()));
        assertEquals(List.of(), Async.gatherOutcomes());
        assertEquals(List.of(), Async.gatherOutcomes(List.of()));
        assertEquals(List.of(), Async.gatherOutcomes(4, List.of()));
    }

    @Test
    void nullTasksAreRefusedBeforeAnythingStarts() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        Callable<Integer> marker = () -> {
            ran.set(true);
            return 1;
        };
        assertEquals("tasks", assertThrows(NullPointerException.class, () -> Async.gather((Callable<Integer>[]) null)).getMessage());
        assertEquals("tasks", assertThrows(NullPointerException.class, () -> Async.gather((List<Callable<Integer>>) null)).getMessage());
        assertEquals("tasks[1]", assertThrows(NullPointerException.class, () -> Async.gather(marker, null)).getMessage());
        assertEquals("tasks[1]", assertThrows(NullPointerException.class, () -> Async.gather(Arrays.asList(marker, null))).getMessage());
        assertThrows(NullPointerException.class, () -> Async.gather(2, Arrays.asList(marker, null)));
        assertThrows(NullPointerException.class, () -> Async.gather(2, null));
        assertThrows(NullPointerException.class, () -> Async.gatherOutcomes(marker, null));
        assertThrows(NullPointerException.class, () -> Async.gatherOutcomes(Arrays.asList(marker, null)));
        assertThrows(NullPointerException.class, () -> Async.gatherOutcomes(2, Collections.singletonList(null)));
        assertFalse(ran.get(), "a task started although the call was refused");
        assertEquals(List.of(1), Async.gather(marker), "gather still works after refusing bad input");
    }

    @Test
    void aLimitBelowOneIsRefused() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        List<Callable<Integer>> tasks = List.of(() -> {
            ran.set(true);
            return 1;
        });
        assertThrows(IllegalArgumentException.class, () -> Async.gather(0, tasks));
        assertThrows(IllegalArgumentException.class, () -> Async.gather(-1, tasks));
        assertThrows(IllegalArgumentException.class, () -> Async.gatherOutcomes(-5, tasks));
        assertFalse(ran.get());
        assertEquals(List.of(1), Async.gather(1, tasks));
    }

    @Test
    void gathersOneHundredThousandSleepingTasks() throws Exception {
        int n = Probe.stress(100_000);
        List<Callable<Integer>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int v = i;
            tasks.add(() -> {
                Thread.sleep(10);
                return v;
            });
        }
        List<Integer> results = Async.gather(tasks);
        assertEquals(n, results.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, results.get(i));
        }
    }
}
