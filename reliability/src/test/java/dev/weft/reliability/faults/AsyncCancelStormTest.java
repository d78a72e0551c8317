package dev.weft.reliability.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.async.Async;
import dev.weft.async.TaskGroup;
import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.reliability.Figures;
import dev.weft.reliability.Stress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Interrupt and cancel storms against async: callers of {@code gather}, {@code waitFor} and
 * {@code TaskGroup.close()} are interrupted at random, and tasks are cancelled from outside. Each
 * time, a result is either delivered complete and in order or not at all, and no task is still
 * running once the call has returned or thrown (a counter of running tasks is back to zero).
 */
class AsyncCancelStormTest {
    private static Callable<Integer> task(AtomicInteger running, int value) {
        return task(running, value, true);
    }

    private static Callable<Integer> task(AtomicInteger running, int value, boolean sleeps) {
        return () -> {
            running.incrementAndGet();
            try {
                if (sleeps) {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(0, 3)); // the workload
                }
                return value;
            } finally {
                running.decrementAndGet();
            }
        };
    }

    @Test
    void gatherUnderCallerInterruptsDeliversAllOrNothingAndLeavesNothingRunning() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicLong leftRunning = new AtomicLong();
        AtomicLong wrongResults = new AtomicLong();
        List<Callable<Integer>> sleeping = new ArrayList<>();
        List<Callable<Integer>> quick = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sleeping.add(task(running, i));
            quick.add(task(running, i, false));
        }
        List<Integer> expected = List.of(0, 1, 2, 3, 4, 5, 6, 7);
        InterruptStorm.Result r = InterruptStorm.run(2, Stress.times(150), (w, op) -> {
            // Sleeping tasks are nearly always interrupted by the storm (one interrupt every
            // 0.2 ms or so); quick ones usually finish between two interrupts: both paths run.
            List<Callable<Integer>> tasks = op % 4 < 2 ? sleeping : quick;
            List<Integer> got = op % 2 == 0 ? Async.gather(tasks) : Async.gather(3, tasks);
            if (!got.equals(expected)) {
                wrongResults.incrementAndGet();
            }
        });
        // Both workers share the counter, so "nothing running" is checked once both are done.
        leftRunning.addAndGet(running.get());
        Figures.add(getClass(), Figures.Kind.FAULTS_INJECTED, r.interruptsSent());
        Figures.add(getClass(), Figures.Kind.ITEMS_LOST, wrongResults.get() + leftRunning.get());
        assertEquals(0, wrongResults.get(), "a gather returned a wrong or partial list");
        assertEquals(0, leftRunning.get(), "tasks still running after every gather ended");
        assertTrue(r.completed() > 0 && r.interrupted() > 0, r.toString());
    }

    @Test
    void waitForEndsWithTheResultOrATimeoutAndNeverLeavesTheTaskRunning() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicLong timeouts = new AtomicLong();
        AtomicLong leftRunning = new AtomicLong();
        InterruptStorm.Result r = InterruptStorm.run(1, Stress.times(300), (w, op) -> {
            try {
                assertEquals(op, Async.waitFor(task(running, op), Duration.ofMillis(1 + op % 3)));
            } catch (TimeoutException e) {
                timeouts.incrementAndGet();
            } finally {
                if (running.get() != 0) { // one worker: its own task must have ended
                    leftRunning.incrementAndGet();
                }
            }
        });
        Figures.add(getClass(), Figures.Kind.FAULTS_INJECTED, r.interruptsSent() + timeouts.get());
        Figures.add(getClass(), Figures.Kind.ITEMS_LOST, leftRunning.get());
        assertEquals(0, leftRunning.get(), "waitFor returned or threw with its task still running");
    }

    @Test
    void taskGroupCloseInterruptedCancelsAndAwaitsEveryTask() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicLong leftRunning = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        AtomicLong cancelledCloses = new AtomicLong();
        InterruptStorm.Result r = InterruptStorm.run(1, Stress.times(200), (w, op) -> {
            List<Task<Integer>> created = new ArrayList<>();
            boolean closedNormally = false;
            try (TaskGroup group = TaskGroup.open()) {
                for (int i = 0; i < 5; i++) {
                    created.add(group.createTask(task(running, i)));
                }
                closedNormally = true; // set before close(); reset below if close() throws
            } catch (CancellationException e) {
                closedNormally = false;
                cancelledCloses.incrementAndGet();
            }
            if (running.get() != 0) {
                leftRunning.incrementAndGet();
            }
            for (int i = 0; i < created.size(); i++) {
                Task<Integer> t = created.get(i);
                if (!t.isDone()) {
                    wrong.incrementAndGet();
                } else if (closedNormally && !Outcome.success(i).equals(t.outcome())) {
                    wrong.incrementAndGet();
                }
            }
        });
        Figures.add(getClass(), Figures.Kind.FAULTS_INJECTED, r.interruptsSent());
        Figures.add(getClass(), Figures.Kind.ITEMS_LOST, leftRunning.get() + wrong.get());
        assertEquals(0, leftRunning.get(), "a task group closed with tasks still running");
        assertEquals(0, wrong.get(), "a task not done after close, or a normal close with a result missing");
    }

    @Test
    void tasksCancelledByRunEndCancelledOrSucceededNeverBoth() throws InterruptedException {
        int rounds = Stress.times(100);
        long cancelled = 0;
        long succeeded = 0;
        long sent = 0;
        for (int round = 0; round < rounds; round++) {
            AtomicInteger running = new AtomicInteger();
            List<Task<Integer>> tasks = Async.run(() -> {
                List<Task<Integer>> started = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    started.add(Async.ensureFuture(task(running, i)));
                }
                return started;
            });
            // Async.run cancels what is still running when main returns: every task is done here.
            assertEquals(0, running.get());
            for (int i = 0; i < tasks.size(); i++) {
                Task<Integer> t = tasks.get(i);
                assertTrue(t.isDone());
                sent += t.cancel() ? 1 : 0; // a done task cannot be cancelled any more
                Outcome<Integer> o = t.outcome();
                if (o instanceof Outcome.Cancelled<Integer>) {
                    cancelled++;
                    assertTrue(t.isCancelled());
                } else {
                    assertEquals(Outcome.success(i), o);
                    succeeded++;
                }
            }
        }
        Figures.add(getClass(), Figures.Kind.FAULTS_INJECTED, cancelled);
        Figures.add(getClass(), Figures.Kind.ITEMS_LOST, sent);
        assertEquals(0, sent, "cancel() returned true on a task that was already done");
        assertEquals(rounds * 6L, cancelled + succeeded);
    }
}
