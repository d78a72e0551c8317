package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Async#run}: asyncio.run's root scope. */
@Timeout(60)
class RunTest {

    @Test
    void returnsWhatMainReturnsAndTasksCreatedInsideBelongToTheRootScope() throws Exception {
        AtomicReference<String> mainScope = new AtomicReference<>();
        int result = Async.run(() -> {
            mainScope.set(TaskScope.current().orElseThrow().name());
            Task<String> inner = Async.ensureFuture(() -> TaskScope.current().orElseThrow().name());
            assertEquals(mainScope.get(), inner.await(Probe.PATIENCE));
            return 42;
        });
        assertEquals(42, result);
        assertTrue(mainScope.get().startsWith("run-"), mainScope.get());
        assertTrue(TaskScope.current().isEmpty(), "the root scope is no longer current");
    }

    @Test
    void leftoverTasksAreCancelledAndAwaitedBeforeRunReturns() throws Exception {
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(3);
        List<Task<Object>> leftovers = new ArrayList<>();
        String result = Async.run(() -> {
            for (String name : List.of("a", "b", "c")) {
                leftovers.add(Async.createTask(name, () -> probe.parkUntilInterrupted(name, parked)));
            }
            Probe.await(parked, "the tasks' parking");
            return "main done";
        });
        assertEquals("main done", result);
        assertEquals(Set.of("a", "b", "c"), probe.interrupted);
        for (Task<Object> task : leftovers) {
            assertTrue(task.isCancelled(), task.toString());
        }
        probe.assertAllDead();
    }

    @Test
    void mainFailingIsThrownAsTaskFailedExceptionAndLeftoversAreStillCancelled() {
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        IOException boom = new IOException("boom");
        TaskFailedException thrown = assertThrows(TaskFailedException.class, () -> Async.run(() -> {
            Async.ensureFuture(() -> probe.parkUntilInterrupted("leftover", parked));
            Probe.await(parked, "the tasks' parking");
            throw boom;
        }));
        assertSame(boom, thrown.getCause());
        assertEquals("main", thrown.taskName());
        assertEquals(Set.of("leftover"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void aTaskFailedExceptionFromMainPassesThroughUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        TaskFailedException thrown = assertThrows(TaskFailedException.class,
                () -> Async.run(() -> Async.createTask("child", () -> {
                    throw boom;
                }).await()));
        assertEquals("child", thrown.taskName());
        assertSame(boom, thrown.getCause());
    }

    @Test
    void interruptedExceptionFromMainPropagates() {
        assertThrows(InterruptedException.class, () -> Async.run(() -> {
            throw new InterruptedException("cancelled");
        }));
    }

    @Test
    void oneTaskFailingDoesNotCancelTheOthers() throws Exception {
        // As with asyncio's event loop: an unawaited failure does not touch its neighbours.
        AtomicReference<Thread> failingThread = new AtomicReference<>();
        CountDownLatch failingRuns = new CountDownLatch(1);
        String result = Async.run(() -> {
            Async.ensureFuture(() -> {
                failingThread.set(Thread.currentThread());
                failingRuns.countDown();
                throw new IllegalStateException("boom");
            });
            Task<String> slow = Async.ensureFuture(() -> {
                // Once the failing task's thread has ended, the root scope has taken its failure
                // in: a fail-fast scope would have cancelled this task by then.
                Probe.await(failingRuns, "the failing task's run");
                Probe.join(failingThread.get());
                return Async.sleep(Duration.ofMillis(50), "still here");
            });
            return slow.await(Probe.PATIENCE);
        });
        assertEquals("still here", result);
    }

    @Test
    void runsNestInsideEachOther() throws Exception {
        String result = Async.run(() -> {
            String outer = TaskScope.current().orElseThrow().name();
            String inner = Async.run(() -> TaskScope.current().orElseThrow().name());
            assertEquals(outer, TaskScope.current().orElseThrow().name(), "the outer root is current again");
            return outer.equals(inner) ? "same" : "nested";
        });
        assertEquals("nested", result);
    }

    @Test
    void mainRunsOnTheCallingThread() throws Exception {
        assertSame(Thread.currentThread(), Async.run(Thread::currentThread));
    }

    @Test
    void nullMainIsRefused() throws Exception {
        assertEquals("main", assertThrows(NullPointerException.class, () -> Async.run(null)).getMessage());
        assertEquals(1, Async.run(() -> 1));
    }

    @Test
    void theNotebooksEnsureFutureCellOverlapsItsTasks() throws Exception {
        // Notebook 2, cell "ensure_future": one sleeping task and two computations, awaited in turn.
        List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
        Async.run(() -> {
            Task<Void> task1 = Async.ensureFuture(() -> {
                Async.sleep(Duration.ofMillis(100));
                printed.add("Daniel");
                return null;
            });
            Task<Integer> task2 = Async.ensureFuture(() -> firstTwoDigits(5));
            Task<Integer> task3 = Async.ensureFuture(() -> firstTwoDigits(3));
            task1.await();
            printed.add(String.valueOf(task2.await()));
            printed.add(String.valueOf(task3.await()));
            return null;
        });
        assertEquals(List.of("Daniel", "50", "16"), printed);
    }

    private static int firstTwoDigits(int x) {
        return Integer.parseInt(java.math.BigInteger.valueOf(x).pow(10_000).toString().substring(0, 2));
    }
}
