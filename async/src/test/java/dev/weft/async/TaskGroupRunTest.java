package dev.weft.async;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TaskGroup#run}: asyncio's rules for an exception of the group's own body. Ports CPython's
 * {@code test_asyncio/test_taskgroups.py} cases where the body raises or is cancelled
 * ({@code test_taskgroup_01}, {@code _04}, {@code _07}, {@code _09}, {@code _10}, {@code _14},
 * {@code _17}, {@code _18}, {@code _19}, {@code _20a}, {@code _22}, {@code _25},
 * {@code test_cancellation}). A task that would run for ever unless cancelled makes a test that
 * should cancel it hang, and fail on the timeout.
 */
@Timeout(60)
class TaskGroupRunTest {

    /** How a {@code run} on another thread ended: what it threw, and its interrupt flag then. */
    private record Ended(Throwable thrown, boolean interruptedAfter) {
    }

    /** Starts {@code body} in a {@code TaskGroup.run} on a virtual thread. */
    private static Thread runner(TaskGroup.Body<?> body, AtomicReference<Ended> ended) {
        return Thread.ofVirtual().start(() -> {
            try {
                TaskGroup.run(body);
                ended.set(new Ended(null, Thread.currentThread().isInterrupted()));
            } catch (Throwable t) {
                ended.set(new Ended(t, Thread.currentThread().isInterrupted()));
            }
        });
    }

    // ------------------------------------------------------------ the body returns

    @Test
    void theBodysValueIsReturnedOnceEveryTaskHasEnded() throws Exception {
        // test_taskgroup_01 and _02
        AtomicReference<String> groupName = new AtomicReference<>();
        Queue<Task<Integer>> tasks = new ConcurrentLinkedQueue<>();
        String value = TaskGroup.run(g -> {
            groupName.set(g.name());
            assertEquals(g.name(), TaskScope.current().orElseThrow().name(), "the group is the current scope");
            tasks.add(g.createTask(() -> Async.sleep(Duration.ofMillis(20), 42)));
            tasks.add(Async.createTask("via-async", () -> Async.sleep(Duration.ofMillis(40), 11)));
            return "body";
        });
        assertEquals("body", value);
        assertTrue(groupName.get().startsWith("taskgroup-"), groupName.get());
        for (Task<Integer> task : tasks) {
            assertTrue(task.isDone(), task + " ended before run returned");
        }
        assertEquals(List.of(new Outcome.Success<>(42), new Outcome.Success<>(11)),
                tasks.stream().map(Task::outcome).toList());
        assertTrue(TaskScope.current().isEmpty(), "the group is no longer current");
    }

    @Test
    void aNamedGroupNamesItsTasks() throws Exception {
        String taskName = TaskGroup.run("grp", g -> g.createTask(() -> 1).name());
        assertTrue(taskName.startsWith("grp"), taskName);
        assertEquals("grp", TaskGroup.run("grp", TaskGroup::name));
    }

    @Test
    void aTaskFailureWhileTheBodyReturnsIsThrownAndTheValueDropped() {
        // test_taskgroup_04
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        ArithmeticException divide = new ArithmeticException("/ by zero");
        AtomicReference<Task<Object>> t2 = new AtomicReference<>();
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g -> {
            g.createTask(() -> {
                Probe.await(parked, "the tasks' parking");
                throw divide;
            });
            t2.set(g.createTask(() -> probe.parkUntilInterrupted("t2", parked)));
            return "dropped";
        }));
        assertEquals(List.of(divide), thrown.exceptions());
        assertTrue(thrown.getMessage().startsWith("a task of task group 'taskgroup-"), thrown.getMessage());
        assertTrue(t2.get().isCancelled());
        probe.assertAllDead();
    }

    @Test
    void cancelInTheBodyEndsTheGroupWithoutAnError() throws Exception {
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(2);
        Queue<Task<Object>> tasks = new ConcurrentLinkedQueue<>();
        String value = TaskGroup.run(g -> {
            tasks.add(g.createTask(() -> probe.parkUntilInterrupted("a", parked)));
            tasks.add(g.createTask(() -> probe.parkUntilInterrupted("b", parked)));
            Probe.await(parked, "the tasks' parking");
            g.cancel();
            assertTrue(assertThrows(IllegalStateException.class, () -> g.createTask(() -> 1))
                    .getMessage().contains("shutting down"));
            return "cancelled";
        });
        assertEquals("cancelled", value);
        assertTrue(tasks.stream().allMatch(Task::isCancelled));
        assertEquals(Set.of("a", "b"), probe.interrupted);
        probe.assertAllDead();
    }

    // ------------------------------------------------------------ the body throws

    @Test
    void anErrorInTheBodyCancelsTheTasksAtOnce() {
        // test_taskgroup_09: the tasks would never end by themselves
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(2);
        ArithmeticException divide = new ArithmeticException("/ by zero");
        Queue<Task<Object>> tasks = new ConcurrentLinkedQueue<>();
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run("body-fails", g -> {
            tasks.add(g.createTask(() -> probe.parkUntilInterrupted("t1", parked)));
            tasks.add(g.createTask(() -> probe.parkUntilInterrupted("t2", parked)));
            Probe.await(parked, "the tasks' parking");
            throw divide;
        }));
        assertEquals(List.of(divide), thrown.exceptions());
        assertSame(divide, thrown.getCause());
        assertEquals("the body of task group 'body-fails' failed: " + divide, thrown.getMessage());
        assertTrue(tasks.stream().allMatch(Task::isCancelled), "cancelled tasks are not failures");
        assertEquals(Set.of("t1", "t2"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void anErrorInTheBodyCancelsTasksThatHaveNotStartedYet() {
        // test_taskgroup_10: the body fails before the tasks ran
        Probe probe = new Probe();
        ArithmeticException divide = new ArithmeticException();
        Queue<Task<Object>> tasks = new ConcurrentLinkedQueue<>();
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g -> {
            tasks.add(g.createTask(() -> probe.parkUntilInterrupted("t1", null)));
            tasks.add(g.createTask(() -> probe.parkUntilInterrupted("t2", null)));
            throw divide;
        }));
        assertEquals(List.of(divide), thrown.exceptions());
        assertEquals(2, tasks.size());
        assertTrue(tasks.stream().allMatch(Task::isCancelled));
    }

    @Test
    void taskFailuresComeFirstAndTheBodysErrorLast() {
        // test_taskgroup_19: a child crashes, which cancels the body's sleep; the body raises in
        // its finally; both are reported
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        IllegalArgumentException valueError = new IllegalArgumentException("child");
        UnsupportedOperationException bodyError = new UnsupportedOperationException("body");
        AtomicReference<Task<Object>> sibling = new AtomicReference<>();
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run("both", g -> {
            sibling.set(g.createTask(() -> probe.parkUntilInterrupted("sibling", parked)));
            Probe.await(parked, "the tasks' parking");
            g.createTask("crash", () -> {
                throw valueError;
            });
            try {
                return probe.parkUntilInterrupted("body", null);
            } catch (InterruptedException cancelledByTheCrash) {
                throw bodyError;
            }
        }));
        assertEquals(List.of(valueError, bodyError), thrown.exceptions());
        assertSame(valueError, thrown.getCause());
        assertEquals(List.of(bodyError), List.of(thrown.getSuppressed()));
        assertTrue(thrown.getMessage().contains("task 'crash' failed"), thrown.getMessage());
        assertTrue(thrown.getMessage().endsWith("its body failed too: " + bodyError), thrown.getMessage());
        assertTrue(sibling.get().isCancelled());
        assertEquals(Set.of("sibling", "body"), probe.interrupted);
        assertFalse(Thread.interrupted(), "run cleared the interrupt it sent to the body");
    }

    @Test
    void aTaskThatFailsOnCancellationIsReportedBeforeTheBodysError() {
        // test_taskgroup_20a and _21a: the body's error cancels a task, which raises its own error
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        IllegalStateException onCancel = new IllegalStateException("raised on cancel");
        ArithmeticException bodyError = new ArithmeticException("body");
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g -> {
            g.createTask(() -> probe.failWhenInterrupted("fails", onCancel, parked));
            Probe.await(parked, "the tasks' parking");
            throw bodyError;
        }));
        assertEquals(List.of(onCancel, bodyError), thrown.exceptions());
        probe.assertAllDead();
    }

    @Test
    void anErrorThrownByTheBodyIsReportedLikeAnException() {
        // test_taskgroup_20a: a BaseException other than KeyboardInterrupt is grouped too
        class BodyError extends Error {
            private static final long serialVersionUID = 1L;
        }
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        BodyError error = new BodyError();
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g -> {
            g.createTask(() -> probe.parkUntilInterrupted("t", parked));
            Probe.await(parked, "the tasks' parking");
            throw error;
        }));
        assertEquals(List.of(error), thrown.exceptions());
        assertEquals(Set.of("t"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void awaitingTheFailedTaskInTheBodyReportsItsFailureOnce() {
        IllegalStateException boom = new IllegalStateException("boom");
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g -> {
            Task<Integer> failing = g.createTask(() -> {
                throw boom;
            });
            return failing.await();   // a TaskFailedException whose cause is boom
        }));
        assertEquals(List.of(boom), thrown.exceptions());
    }

    @Test
    void awaitingASiblingTheFailureCancelledReportsOnlyTheFailure() {
        // in asyncio the awaiting body gets CancelledError, which is not appended
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("boom");
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g -> {
            Task<Object> sibling = g.createTask(() -> probe.parkUntilInterrupted("sibling", parked));
            g.createTask(() -> {
                Probe.await(parked, "the tasks' parking");
                throw boom;
            });
            return sibling.await();   // CancellationException once boom cancelled it
        }));
        assertEquals(List.of(boom), thrown.exceptions());
        assertEquals(Set.of("sibling"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void aCancellationExceptionOfTheBodyAloneIsReported() {
        // nothing failed: the body's CancellationException is its own error, not an echo
        Probe probe = new Probe();
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g -> {
            Task<Object> task = g.createTask(() -> probe.parkUntilInterrupted("t", null));
            task.cancel();
            return task.await();
        }));
        assertEquals(1, thrown.exceptions().size());
        assertInstanceOf(CancellationException.class, thrown.getCause());
    }

    @Test
    void tasksThatKeepCreatingTasksAreAllStoppedWhenTheBodyFails() {
        // test_taskgroup_25's hydra, stopped by the body instead of a crashing task
        Probe probe = new Probe();
        CountDownLatch heads = new CountDownLatch(Probe.stress(20));
        Queue<Task<Object>> tasks = new ConcurrentLinkedQueue<>();
        ArithmeticException hercules = new ArithmeticException("hercules");
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g -> {
            tasks.add(g.createTask(() -> hydra(g, heads, tasks, probe)));
            Probe.await(heads, "the hydra's growth");   // the body fails while heads still grow
            throw hercules;
        }));
        assertEquals(List.of(hercules), thrown.exceptions());
        assertTrue(tasks.stream().allMatch(Task::isDone));
        probe.assertAllDead();
    }

    private static Object hydra(TaskGroup g, CountDownLatch heads, Queue<Task<Object>> tasks, Probe probe)
            throws InterruptedException {
        probe.enter();
        heads.countDown();
        Async.sleep(Duration.ofMillis(1));   // the workload; cancelling interrupts it
        try {
            tasks.add(g.createTask(() -> hydra(g, heads, tasks, probe)));
            tasks.add(g.createTask(() -> hydra(g, heads, tasks, probe)));
        } catch (IllegalStateException shuttingDown) {
            // the body failed between the sleep and here: no new head
        }
        return null;
    }

    // ------------------------------------------------------------ a failing task interrupts the body

    @Test
    void aFailingTaskInterruptsABlockedBodyAndRunClearsTheInterrupt() throws Exception {
        // asyncio cancels the task inside `async with` when a child fails (TaskGroup._abort)
        Probe probe = new Probe();
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicReference<Ended> ended = new AtomicReference<>();
        CountDownLatch bodyParked = new CountDownLatch(1);
        Thread runner = runner(g -> {
            g.createTask("crash", () -> {
                Probe.await(bodyParked, "the body's parking");
                throw boom;
            });
            return probe.parkUntilInterrupted("body", bodyParked); // would wait for ever
        }, ended);
        Probe.join(runner);
        TaskGroupException thrown = assertInstanceOf(TaskGroupException.class, ended.get().thrown());
        assertEquals(List.of(boom), thrown.exceptions(), "the body's InterruptedException only echoes the failure");
        assertFalse(ended.get().interruptedAfter(), "the interrupt run sent is cleared");
        assertEquals(Set.of("body"), probe.interrupted);
    }

    @Test
    void aBodyThatIgnoresTheInterruptEndsWithTheFailureAndAClearFlag() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicReference<Ended> ended = new AtomicReference<>();
        AtomicReference<Boolean> flagSeenByBody = new AtomicReference<>();
        Thread runner = runner(g -> {
            Task<Object> crash = g.createTask("crash", () -> {
                throw boom;
            });
            long deadline = System.nanoTime() + Probe.PATIENCE.toNanos();
            while ((!crash.isDone() || !g.isCancelled()) && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait(); // busy, never blocked: the interrupt only sets the flag
            }
            assertTrue(crash.isDone() && g.isCancelled(), "the crash did not cancel the group within " + Probe.PATIENCE);
            // the listener interrupts after the scope is cancelled: wait for the flag itself
            while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            flagSeenByBody.set(Thread.currentThread().isInterrupted());
            return "ignored";
        }, ended);
        Probe.join(runner);
        assertTrue(flagSeenByBody.get(), "the body's thread was interrupted");
        TaskGroupException thrown = assertInstanceOf(TaskGroupException.class, ended.get().thrown());
        assertEquals(List.of(boom), thrown.exceptions());
        assertFalse(ended.get().interruptedAfter(), "the interrupt run sent is cleared");
    }

    @Test
    void aTaskFailingJustAsTheBodyReturnsLeavesNoInterruptBehind() throws Exception {
        // whichever comes first, the failure or the body's return, no stray interrupt survives run
        IllegalStateException boom = new IllegalStateException("boom");
        for (int round = 0; round < Probe.stress(300); round++) {
            TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g -> {
                g.createTask(() -> {
                    throw boom;
                });
                return "returned";
            }));
            assertEquals(List.of(boom), thrown.exceptions());
            assertFalse(Thread.interrupted(), "round " + round + ": an interrupt outlived run");
        }
    }

    @Test
    void cancelFromTheBodyDoesNotInterruptIt() throws Exception {
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        boolean interruptedAfterCancel = TaskGroup.run(g -> {
            g.createTask(() -> probe.parkUntilInterrupted("t", parked));
            Probe.await(parked, "the task's parking");
            g.cancel();
            return Thread.currentThread().isInterrupted();
        });
        assertFalse(interruptedAfterCancel, "cancel() is not a failure: the body goes on");
        assertEquals(Set.of("t"), probe.interrupted);
    }

    @Test
    void anOuterFailureInterruptsAnInnerBodyOnTheSameThreadWhichIsCancelled() throws Exception {
        // the body runs an inner group; an outer task fails: the inner body is interrupted, the
        // inner group is cancelled (its tasks too), and only the outer failure is reported
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(2);
        IllegalStateException boom = new IllegalStateException("outer boom");
        AtomicReference<Ended> ended = new AtomicReference<>();
        Thread runner = runner(g1 -> {
            g1.createTask("crash", () -> {
                Probe.await(parked, "the inner group's parking");
                throw boom;
            });
            return TaskGroup.run("inner", g2 -> {
                g2.createTask(() -> probe.parkUntilInterrupted("inner-task", parked));
                return probe.parkUntilInterrupted("inner-body", parked);
            });
        }, ended);
        Probe.join(runner);
        TaskGroupException thrown = assertInstanceOf(TaskGroupException.class, ended.get().thrown());
        assertEquals(List.of(boom), thrown.exceptions());
        assertFalse(ended.get().interruptedAfter());
        assertEquals(Set.of("inner-task", "inner-body"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void anInnerGroupClearsOnlyItsOwnInterruptAndKeepsTheOuterGroups() throws Exception {
        // asyncio's uncancel() count: the inner run removes its own interrupt, not the outer one
        IllegalStateException innerBoom = new IllegalStateException("inner boom");
        IllegalStateException outerBoom = new IllegalStateException("outer boom");
        CountDownLatch innerInterruptHeard = new CountDownLatch(1);
        AtomicReference<Ended> ended = new AtomicReference<>();
        AtomicReference<Boolean> flagAfterInnerRun = new AtomicReference<>();
        Thread runner = runner(g1 -> {
            g1.createTask("outer-crash", () -> {
                Probe.await(innerInterruptHeard, "the inner body's first interrupt");
                throw outerBoom;
            });
            try {
                TaskGroup.run("inner", g2 -> {
                    g2.createTask("inner-crash", () -> {
                        throw innerBoom;
                    });
                    try {
                        new CountDownLatch(1).await(); // interrupted by the inner failure
                    } catch (InterruptedException innersInterrupt) {
                        innerInterruptHeard.countDown();
                    }
                    long deadline = System.nanoTime() + Probe.PATIENCE.toNanos();
                    while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
                        Thread.onSpinWait(); // until the outer failure interrupts again
                    }
                    return "inner";
                });
                return "not reached";
            } catch (TaskGroupException inner) {
                flagAfterInnerRun.set(Thread.currentThread().isInterrupted());
                throw inner;
            }
        }, ended);
        Probe.join(runner);
        assertTrue(flagAfterInnerRun.get(), "the outer group's interrupt outlives the inner run");
        TaskGroupException outer = assertInstanceOf(TaskGroupException.class, ended.get().thrown());
        assertEquals(outerBoom, outer.exceptions().get(0));
        TaskGroupException inner = assertInstanceOf(TaskGroupException.class, outer.exceptions().get(1));
        assertEquals(List.of(innerBoom), inner.exceptions());
        assertFalse(ended.get().interruptedAfter(), "the outer run clears its own interrupt at last");
    }

    // ------------------------------------------------------------ nested groups

    @Test
    void anInnerGroupWhoseBodyFailsIsOneFailureOfTheOuterGroup() {
        // test_taskgroup_14 with the error in the inner body: each level cancels its own tasks
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(2);
        IllegalArgumentException innerError = new IllegalArgumentException("inner body");
        Queue<Task<Object>> tasks = new ConcurrentLinkedQueue<>();
        TaskGroupException outer = assertThrows(TaskGroupException.class, () -> TaskGroup.run("outer", g1 -> {
            tasks.add(g1.createTask(() -> probe.parkUntilInterrupted("outer-task", parked)));
            return TaskGroup.run("inner", g2 -> {
                assertEquals("inner", TaskScope.current().orElseThrow().name());
                tasks.add(g2.createTask(() -> probe.parkUntilInterrupted("inner-task", parked)));
                Probe.await(parked, "the tasks' parking");
                throw innerError;
            });
        }));
        TaskGroupException inner = assertInstanceOf(TaskGroupException.class, outer.getCause());
        assertEquals(List.of(inner), outer.exceptions());
        assertEquals(List.of(innerError), inner.exceptions());
        assertTrue(inner.getMessage().contains("'inner'"), inner.getMessage());
        assertTrue(outer.getMessage().contains("'outer'"), outer.getMessage());
        assertEquals(Set.of("outer-task", "inner-task"), probe.interrupted);
        assertTrue(tasks.stream().allMatch(Task::isCancelled));
        probe.assertAllDead();
    }

    @Test
    void anInnerGroupWhoseTaskFailsCancelsTheOuterTasks() {
        // test_taskgroup_14: the inner task crashes, the outer one would run for ever
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(1);
        IllegalArgumentException valueError = new IllegalArgumentException("0.1");
        TaskGroupException outer = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g1 -> {
            g1.createTask(() -> probe.parkUntilInterrupted("crash_after(10)", parked));
            Probe.await(parked, "the tasks' parking");
            return TaskGroup.run(g2 -> g2.createTask(() -> {
                throw valueError;
            }));
        }));
        TaskGroupException inner = assertInstanceOf(TaskGroupException.class, outer.getCause());
        assertEquals(List.of(inner), outer.exceptions());
        assertEquals(List.of(valueError), inner.exceptions());
        assertEquals(Set.of("crash_after(10)"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void anInnerGroupMadeInATaskIsCancelledWithTheOuterGroup() throws Exception {
        // the outer body fails while a task of it runs a group of its own
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(2);
        ArithmeticException divide = new ArithmeticException();
        AtomicReference<Task<Object>> runningInner = new AtomicReference<>();
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g1 -> {
            runningInner.set(g1.createTask("runs-inner", () -> TaskGroup.run(g2 -> {
                g2.createTask(() -> probe.parkUntilInterrupted("inner-task", parked));
                return probe.parkUntilInterrupted("inner-body", parked);
            })));
            Probe.await(parked, "the tasks' parking");
            throw divide;
        }));
        assertEquals(List.of(divide), thrown.exceptions(), "the inner group ended by the interrupt: cancelled, not failed");
        assertTrue(runningInner.get().isCancelled());
        assertEquals(Set.of("inner-task", "inner-body"), probe.interrupted);
        probe.assertAllDead();
    }

    // ------------------------------------------------------------ interrupts

    @Test
    void anInterruptInTheBodyCancelsTheTasksAndRunThrowsIt() throws Exception {
        // test_taskgroup_07 and _17
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(5);
        CountDownLatch bodyParked = new CountDownLatch(1);
        AtomicInteger num = new AtomicInteger();
        AtomicReference<InterruptedException> bodyInterrupt = new AtomicReference<>();
        AtomicReference<Ended> ended = new AtomicReference<>();
        Thread runner = runner(g -> {
            for (int i = 0; i < 5; i++) {
                String name = "foo" + i;
                g.createTask(() -> {
                    try {
                        return probe.parkUntilInterrupted(name, parked);
                    } finally {
                        num.incrementAndGet();
                    }
                });
            }
            try {
                bodyParked.countDown();
                new CountDownLatch(1).await();
                return null;
            } catch (InterruptedException e) {
                num.addAndGet(10);
                bodyInterrupt.set(e);
                throw e;
            }
        }, ended);
        Probe.await(parked, "the tasks' parking");
        Probe.await(bodyParked, "the body's parking");
        runner.interrupt();
        Probe.join(runner);
        assertSame(bodyInterrupt.get(), ended.get().thrown(), "the body's InterruptedException leaves run");
        assertFalse(ended.get().interruptedAfter(), "the exception carries the interrupt");
        assertEquals(15, num.get());
        assertEquals(5, probe.interrupted.size());
        probe.assertAllDead();
    }

    @Test
    void anInterruptWhileWaitingForTheTasksCancelsThem() throws Exception {
        // test_cancellation and test_taskgroup_22: the body has returned, run waits for the tasks
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(5);
        CountDownLatch bodyReturned = new CountDownLatch(1);
        AtomicReference<Ended> ended = new AtomicReference<>();
        Thread runner = runner(g -> {
            for (int i = 0; i < 5; i++) {
                String name = "foo" + i;
                g.createTask(() -> probe.parkUntilInterrupted(name, parked));
            }
            bodyReturned.countDown();
            return "returned";
        }, ended);
        Probe.await(parked, "the tasks' parking");
        Probe.await(bodyReturned, "the body's return");
        // Parked in the group's join: nothing else parks the runner once its body has returned.
        // Should the interrupt come earlier all the same, the join sees it at once: same outcome.
        await().atMost(Probe.PATIENCE).until(() -> runner.getState() == Thread.State.WAITING);
        runner.interrupt();
        Probe.join(runner);
        assertInstanceOf(InterruptedException.class, ended.get().thrown());
        assertFalse(ended.get().interruptedAfter());
        assertEquals(5, probe.interrupted.size());
        probe.assertAllDead();
    }

    @Test
    void aTaskFailureWinsOverTheInterruptWhichIsKept() throws Exception {
        // test_taskgroup_18's rule: errors have priority over the cancellation
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(2);
        IllegalStateException onCancel = new IllegalStateException("raised on cancel");
        AtomicReference<Ended> ended = new AtomicReference<>();
        Thread runner = runner(g -> {
            g.createTask(() -> probe.failWhenInterrupted("fails", onCancel, parked));
            return probe.parkUntilInterrupted("body", parked);
        }, ended);
        Probe.await(parked, "the tasks' parking");
        runner.interrupt();
        Probe.join(runner);
        TaskGroupException thrown = assertInstanceOf(TaskGroupException.class, ended.get().thrown());
        assertEquals(List.of(onCancel), thrown.exceptions(), "the body's InterruptedException is not a failure");
        assertTrue(ended.get().interruptedAfter(), "the interrupt flag is set again");
        assertEquals(Set.of("fails", "body"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void theBodysErrorAfterAnInterruptIsReportedAndTheFlagKept() throws Exception {
        // test_taskgroup_18: the body turns its cancellation into an error of its own
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(2);
        IllegalStateException myExc = new IllegalStateException("MyExc");
        AtomicReference<Ended> ended = new AtomicReference<>();
        Thread runner = runner(g -> {
            g.createTask(() -> probe.parkUntilInterrupted("task", parked));
            try {
                return probe.parkUntilInterrupted("body", parked);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw myExc;
            }
        }, ended);
        Probe.await(parked, "the tasks' parking");
        runner.interrupt();
        Probe.join(runner);
        TaskGroupException thrown = assertInstanceOf(TaskGroupException.class, ended.get().thrown());
        assertEquals(List.of(myExc), thrown.exceptions());
        assertTrue(ended.get().interruptedAfter(), "run does not clear an interrupt it did not consume");
        assertEquals(Set.of("task", "body"), probe.interrupted);
        probe.assertAllDead();
    }

    // ------------------------------------------------------------ misuse

    @Test
    void theBodyMayNotCloseTheGroupAndItTakesNoTaskAfterRun() throws Exception {
        AtomicReference<TaskGroup> group = new AtomicReference<>();
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> TaskGroup.run(g -> {
            group.set(g);
            g.close();
            return null;
        }));
        IllegalStateException refused = assertInstanceOf(IllegalStateException.class, thrown.getCause());
        assertTrue(refused.getMessage().contains("TaskGroup.run"), refused.getMessage());
        assertTrue(assertThrows(IllegalStateException.class, () -> group.get().createTask(() -> 1))
                .getMessage().contains("closed"));
        assertTrue(group.get().toString().contains("closed"), group.get().toString());
        assertThrows(IllegalStateException.class, () -> group.get().close());
    }

    @Test
    void nullArgumentsAreRefusedAndRunStillWorks() throws Exception {
        assertEquals("body", assertThrows(NullPointerException.class, () -> TaskGroup.run(null)).getMessage());
        assertEquals("name", assertThrows(NullPointerException.class, () -> TaskGroup.run(null, g -> 1)).getMessage());
        assertEquals("body", assertThrows(NullPointerException.class, () -> TaskGroup.run("x", null)).getMessage());
        assertTrue(TaskScope.current().isEmpty(), "no group was opened");
        int two = TaskGroup.run("x", g -> g.createTask(() -> 1).await(Probe.PATIENCE) + 1);
        assertEquals(2, two);
    }
}
