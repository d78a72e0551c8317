package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Collection;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * What a test needs to watch its tasks: the threads they ran on (to check that none is alive
 * afterwards) and which of them saw an interrupt.
 */
final class Probe {
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

    static int stress(int size) {
        return size * Integer.getInteger("weft.stress.factor", 1);
    }
}
