package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collection;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a test needs to watch its tasks: the threads they ran on (to check that none is alive
 * afterwards) and which of them saw an interrupt; and bounded waits for a test's own signals, so
 * that a signal that never comes fails the test at once with a message instead of hanging it until
 * its {@code @Timeout}.
 */
final class Probe {
    /** How long a test waits for something that takes milliseconds, even on a slow, loaded machine. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    final Queue<Thread> threads = new ConcurrentLinkedQueue<>();
    final Set<String> interrupted = ConcurrentHashMap.newKeySet();

    /** Records the calling thread. */
    void enter() {
        threads.add(Thread.currentThread());
    }

    /**
     * Parks until interrupted, records that it saw the interrupt under {@code name}, and rethrows
     * it.
     *
     * @param name how to record the interrupt
     * @param parked counted down once the task is about to park, may be null
     * @return never returns normally
     * @throws InterruptedException always, once interrupted
     */
    <T> T parkUntilInterrupted(String name, CountDownLatch parked) throws InterruptedException {
        enter();
        if (parked != null) {
            parked.countDown();
        }
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            interrupted.add(name);
            throw e;
        }
        throw new AssertionError("unreachable");
    }

    /**
     * Parks until interrupted, records that it saw the interrupt under {@code name}, then throws
     * {@code error} instead of the interrupt: a task that fails when it is cancelled.
     *
     * @param name how to record the interrupt
     * @param error what to throw once interrupted
     * @param parked counted down once the task is about to park, may be null
     * @return never returns normally
     */
    <T> T failWhenInterrupted(String name, RuntimeException error, CountDownLatch parked) {
        try {
            return parkUntilInterrupted(name, parked);
        } catch (InterruptedException e) {
            throw error;
        }
    }

    /** Asserts that at least one thread was recorded and that none is alive. */
    void assertAllDead() {
        assertAllDead(threads);
    }

    static void assertAllDead(Collection<Thread> threads) {
        assertFalse(threads.isEmpty(), "no thread was recorded");
        for (Thread t : threads) {
            assertFalse(t.isAlive(), t + " is still alive");
        }
    }

    /**
     * Waits at most {@link #PATIENCE} for {@code latch}, and fails if it is not released by then.
     *
     * @param latch what to wait for
     * @param what what the latch stands for, for the failure message
     * @throws InterruptedException if the waiting thread is interrupted
     */
    static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertTrue(latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS),
                what + " did not happen within " + PATIENCE + " (" + latch.getCount() + " count(s) missing)");
    }

    /**
     * Waits at most {@link #PATIENCE} for {@code thread} to end, and fails if it is still alive.
     *
     * @param thread the thread
     * @throws InterruptedException if the waiting thread is interrupted
     */
    static void join(Thread thread) throws InterruptedException {
        assertTrue(thread.join(PATIENCE), thread + " did not end within " + PATIENCE);
    }

    static int stress(int size) {
        return size * Integer.getInteger("weft.stress.factor", 1);
    }
}
