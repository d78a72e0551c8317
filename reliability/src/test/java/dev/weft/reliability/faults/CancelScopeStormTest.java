package dev.weft.reliability.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.async.Async;
import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.reliability.Figures;
import dev.weft.reliability.Stress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Interrupt storms against {@code Async.timeout}, {@code Async.moveOnAfter} and
 * {@code Async.shield} (issue 17): deadlines of a few hundred microseconds race the storm's
 * interrupts, the body's end and the tasks it started. Each call ends with the body's value, a
 * timeout (or an empty result) or the storm's {@code InterruptedException}, never anything else;
 * no task it started is running once it returned; and a shielded body is never cut short by
 * weft's cancellations.
 */
class CancelScopeStormTest {

    private static Callable<Integer> body(AtomicInteger running, int value) {
        return () -> {
            running.incrementAndGet();
            try {
                List<Task<Integer>> tasks = List.of(
                        Async.createTask("a", () -> value),
                        Async.createTask("b", () -> {
                            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 2)); // the workload
                            return value;
                        }));
                int sum = 0;
                for (Task<Integer> task : tasks) {
                    sum += task.await();
                }
                return sum / 2;
            } finally {
                running.decrementAndGet();
            }
        };
    }

    private static Duration randomDeadline() {
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(0, 2_000_000));
    }

    @Test
    void timeoutUnderAStormEndsInOneOfThreeWaysAndLeavesNothingRunning() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicLong wrong = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicLong leftRunning = new AtomicLong();
        InterruptStorm.Result r = InterruptStorm.run(2, Stress.times(300), (w, op) -> {
            try {
                if (Async.timeout(randomDeadline(), body(running, op)) != op) {
                    wrong.incrementAndGet();
                }
            } catch (TimeoutException e) {
                timeouts.incrementAndGet();
            } catch (InterruptedException e) {
                throw e; // the storm's: counted by InterruptStorm
            } catch (Exception e) {
                throw new AssertionError("timeout ended with " + e, e);
            }
        });
        leftRunning.addAndGet(running.get());
        Figures.add(getClass(), Figures.Kind.FAULTS_INJECTED, r.interruptsSent() + timeouts.get());
        Figures.add(getClass(), Figures.Kind.ITEMS_LOST, wrong.get() + leftRunning.get());
        assertEquals(0, wrong.get(), "a timeout returned a wrong value");
        assertEquals(0, leftRunning.get(), "a body still running after its timeout ended");
        assertTrue(r.completed() + timeouts.get() > 0, r.toString());
    }

    @Test
    void moveOnAfterUnderAStormEndsInOneOfThreeWaysAndLeavesNothingRunning() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicLong wrong = new AtomicLong();
        InterruptStorm.Result r = InterruptStorm.run(2, Stress.times(300), (w, op) -> {
            try {
                Optional<Integer> got = Async.moveOnAfter(randomDeadline(), body(running, op));
                if (got.isPresent() && got.get() != op) {
                    wrong.incrementAndGet();
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("moveOnAfter ended with " + e, e);
            }
        });
        Figures.add(getClass(), Figures.Kind.FAULTS_INJECTED, r.interruptsSent());
        Figures.add(getClass(), Figures.Kind.ITEMS_LOST, wrong.get() + running.get());
        assertEquals(0, wrong.get(), "moveOnAfter returned a wrong value");
        assertEquals(0, running.get(), "a body still running after moveOnAfter ended");
    }

    @Test
    void aShieldedBodyIsNeverCutShortByCancellations() throws InterruptedException {
        AtomicLong entered = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        AtomicLong broken = new AtomicLong();
        AtomicLong deliveredAfter = new AtomicLong();
        InterruptStorm.Result r = InterruptStorm.run(2, Stress.times(200), (w, op) -> {
            try (TaskScope scope = TaskScope.open()) {
                Task<Void> task = scope.fork(() -> {
                    Async.shield(() -> {
                        entered.incrementAndGet();
                        try {
                            Thread.sleep(0, ThreadLocalRandom.current().nextInt(0, 300_000)); // the workload
                        } catch (InterruptedException e) {
                            broken.incrementAndGet(); // a cancellation got through the shield
                            throw e;
                        }
                        finished.incrementAndGet();
                        return null;
                    });
                    if (Thread.currentThread().isInterrupted()) {
                        deliveredAfter.incrementAndGet();
                    }
                    return null;
                });
                // weft's cancellation, at a random moment: before, during or after the shield
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(0, 300_000));
                task.cancel();
                scope.join(); // the storm may interrupt this: close() still waits
            }
        });
        Figures.add(getClass(), Figures.Kind.FAULTS_INJECTED, r.interruptsSent() + deliveredAfter.get());
        Figures.add(getClass(), Figures.Kind.ITEMS_LOST, broken.get() + entered.get() - finished.get());
        assertEquals(0, broken.get(), "a shielded body was interrupted by a cancellation");
        assertEquals(entered.get(), finished.get(), "a shielded body did not finish");
    }
}
