package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.ThreadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;

/**
 * CPython's {@code lock_tests.Bunch}: starts {@code n} threads running {@code f}, waits until all
 * have started, and on {@link #close()} waits until all have finished and rethrows the first
 * failure (an assertion in a worker fails the test).
 */
final class Bunch implements AutoCloseable {
    /** A task that may throw anything. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private static final Duration LONG = Duration.ofSeconds(30);

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    private Bunch(int n, Body f, ThreadKind kind) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            Thread t = kind.newThread("bunch-" + i, () -> {
                started.countDown();
                try {
                    f.run();
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    finished.incrementAndGet();
                }
            });
            threads.add(t);
            t.start();
        }
        assertTrue(started.await(LONG.toSeconds(), TimeUnit.SECONDS), "the bunch's threads did not all start");
    }

    static Bunch start(int n, Body f) throws InterruptedException {
        return new Bunch(n, f, ThreadKind.PLATFORM);
    }

    static Bunch startVirtual(int n, Body f) throws InterruptedException {
        return new Bunch(n, f, ThreadKind.VIRTUAL);
    }

    int finished() {
        return finished.get();
    }

    List<Thread> threads() {
        return threads;
    }

    /**
     * Waits until every thread still running is parked or blocked (CPython: wait_threads_blocked).
     * A heuristic: the state does not say where a thread waits. It may be parked on the lock of
     * the primitive on its way in, or woken and not yet running again. Use it only where the test
     * holds whichever way the threads are placed; {@link #awaitWaitingOnACondition()} is exact.
     */
    void awaitBlocked() {
        await().atMost(LONG).until(() -> threads.stream().allMatch(Bunch::isBlockedOrDone));
    }

    /**
     * Waits until every thread still running is parked in a condition wait of a
     * {@code java.util.concurrent} lock ({@code Condition.await}, the wait of {@link Event}): it
     * has read the state it waits on under the lock, queued and let the lock go, so a signal from
     * now on reaches it. A thread parked on the lock itself, or woken and not yet running again,
     * has another blocker and does not count.
     */
    void awaitWaitingOnACondition() {
        await().atMost(LONG).until(() -> threads.stream().allMatch(t -> !t.isAlive()
                || LockSupport.getBlocker(t) instanceof AbstractQueuedSynchronizer.ConditionObject));
    }

    static boolean isBlockedOrDone(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED
                || s == Thread.State.TERMINATED;
    }

    void awaitFinished() throws InterruptedException {
        for (Thread t : threads) {
            t.join(LONG);
            assertTrue(!t.isAlive(), () -> t.getName() + " still running");
        }
        Throwable first = failures.peek();
        if (first != null) {
            AssertionError e = new AssertionError("a worker failed: " + first, first);
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    /** Interrupts every thread still running: the clean-up of a test that fails half-way. */
    void interruptAll() {
        threads.forEach(Thread::interrupt);
    }

    @Override
    public void close() throws InterruptedException {
        awaitFinished();
    }
}
