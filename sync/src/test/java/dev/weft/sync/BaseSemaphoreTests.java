package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code lock_tests.BaseSemaphoreTests} (cases 36–45), run by
 * {@link SemaphoreTest} and {@link BoundedSemaphoreTest}. CPython's {@code ValueError} for a bad
 * argument is {@link IllegalArgumentException}.
 *
 * <p>Not applicable: case 42's {@code acquire(False, timeout=1.0)} raising {@code ValueError}; a
 * Java call either waits ({@code acquire(Duration)}) or does not ({@code tryAcquire()}).
 */
abstract class BaseSemaphoreTests {
    static final Duration LONG = Duration.ofSeconds(30);
    static final Duration SHORT = Duration.ofMillis(100);

    abstract Semaphore newSemaphore(int value);

    abstract Semaphore newSemaphore();

    @Test
    void test_constructor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> newSemaphore(-1));
        assertTrue(e.getMessage().contains("-1"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> newSemaphore(-Integer.MAX_VALUE));
        assertEquals(0, newSemaphore(0).value(), "zero is allowed");
    }

    @Test
    void test_acquire() throws Exception {
        Semaphore sem = newSemaphore(1);
        sem.acquire();
        sem.release();
        sem = newSemaphore(2);
        sem.acquire();
        sem.acquire();
        sem.release();
        sem.release();
        assertEquals(2, sem.value());
    }

    private void checkAcquireContended(ObjIntConsumer<Semaphore> releaseN) throws Exception {
        Semaphore sem = newSemaphore(7);
        sem.acquire();
        ConcurrentLinkedQueue<Boolean> results1 = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Boolean> results2 = new ConcurrentLinkedQueue<>();
        AtomicInteger phase = new AtomicInteger();
        try (Bunch b = Bunch.start(10, () -> {
            sem.acquire();
            results1.add(phase.get() >= 0);
            sem.acquire();
            results2.add(phase.get() >= 0);
        })) {
            // wait for the 6 (as for the 13 and 19 below), then give a 7th the time to (wrongly) pass
            await().atMost(LONG).until(() -> results1.size() + results2.size() == 6);
            b.awaitBlocked();
            assertEquals(6, results1.size() + results2.size(), "phase 0: exactly 6 acquisitions");
            phase.set(1);
            releaseN.accept(sem, 7);
            await().atMost(LONG).until(() -> results1.size() + results2.size() == 13);
            b.awaitBlocked();
            assertEquals(13, results1.size() + results2.size());
            phase.set(2);
            releaseN.accept(sem, 6);
            await().atMost(LONG).until(() -> results1.size() + results2.size() == 19);
            b.awaitBlocked();
            assertEquals(19, results1.size() + results2.size());
            assertFalse(sem.tryAcquire(), "no permit left over");
            sem.release();
            b.awaitFinished();
        }
        assertEquals(20, results1.size() + results2.size());
        assertTrue(results1.stream().allMatch(r -> r) && results2.stream().allMatch(r -> r));
        assertEquals(0, sem.value());
    }

    @Test
    void test_acquire_contended() throws Exception {
        checkAcquireContended((sem, n) -> {
            for (int i = 0; i < n; i++) {
                sem.release();
            }
        });
    }

    @Test
    void test_multirelease() throws Exception {
        checkAcquireContended(Semaphore::release);
    }

    @Test
    void test_try_acquire() {
        Semaphore sem = newSemaphore(2);
        assertTrue(sem.tryAcquire());
        assertTrue(sem.tryAcquire());
        assertFalse(sem.tryAcquire());
        sem.release();
        assertTrue(sem.tryAcquire());
    }

    @Test
    void test_try_acquire_contended() throws Exception {
        Semaphore sem = newSemaphore(4);
        sem.acquire();
        ConcurrentLinkedQueue<Boolean> results = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(5, () -> {
            results.add(sem.tryAcquire());
            results.add(sem.tryAcquire());
        })) {
            b.awaitFinished();
        }
        assertEquals(3, results.stream().filter(r -> r).count());
        assertEquals(7, results.stream().filter(r -> !r).count());
    }

    @Test
    void test_acquire_timeout() throws Exception {
        Semaphore sem = newSemaphore(2);
        Duration tiny = Duration.ofMillis(5);
        assertTrue(sem.acquire(tiny));
        assertTrue(sem.acquire(tiny));
        assertFalse(sem.acquire(tiny));
        sem.release();
        assertTrue(sem.acquire(tiny));
        long t0 = Timing.start();
        assertFalse(sem.acquire(SHORT));
        Timing.assertWaitedAtLeast(t0, SHORT);
        assertFalse(sem.acquire(Duration.ofSeconds(-1)), "negative: do not wait");
    }

    @Test
    void test_default_value() throws Exception {
        Semaphore sem = newSemaphore();
        assertEquals(1, sem.value());
        sem.acquire();
        try (Bunch b = Bunch.start(1, () -> {
            sem.acquire();
            sem.release();
        })) {
            b.awaitBlocked();
            assertEquals(0, b.finished(), "the second acquire waits");
            sem.release();
        }
        assertEquals(1, sem.value());
    }

    @Test
    void test_with() throws Exception {
        Semaphore sem = newSemaphore(2);
        try (Guard g = sem.hold()) {
            assertTrue(sem.tryAcquire());
            sem.release();
            try (Guard g2 = sem.hold()) {
                assertFalse(sem.tryAcquire());
            }
        }
        assertTrue(sem.tryAcquire());
        sem.release();
        assertThrows(IllegalStateException.class, () -> {
            try (Guard g = sem.hold()) {
                throw new IllegalStateException("TypeError");
            }
        });
        assertEquals(2, sem.value(), "released after a block that threw");
    }

    @Test
    void release_n_argument() throws Exception {
        Semaphore sem = newSemaphore(1);
        sem.acquire();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sem.release(0)).getMessage().contains("one or more"));
        assertThrows(IllegalArgumentException.class, () -> sem.release(-1));
        assertEquals(0, sem.value(), "unchanged");
        sem.release(1);
        assertEquals(1, sem.value(), "still usable");
    }

    @Test
    void acquire_null_timeout_throws_npe_and_semaphore_still_works() throws Exception {
        Semaphore sem = newSemaphore(1);
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> sem.acquire(null)).getMessage());
        assertEquals(1, sem.value());
        assertTrue(sem.tryAcquire());
    }

    @Test
    void guard_closed_twice_gives_back_one_permit() throws Exception {
        Semaphore sem = newSemaphore(2);
        Guard g = sem.hold();
        g.close();
        g.close();
        assertEquals(2, sem.value());
    }

    @Test
    void interrupted_acquire_takes_no_permit() throws Exception {
        Semaphore sem = newSemaphore(1);
        sem.acquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Bunch b = Bunch.start(1, () -> {
            try {
                sem.acquire();
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        })) {
            b.awaitBlocked();
            b.interruptAll();
        }
        assertTrue(thrown.get() instanceof InterruptedException);
        assertEquals(0, sem.value());
        sem.release();
        assertEquals(1, sem.value());
    }

    @Test
    void release_n_wakes_up_to_n_waiters() throws Exception {
        Semaphore sem = newSemaphore(3);
        sem.acquire();
        sem.acquire();
        sem.acquire();
        AtomicInteger passed = new AtomicInteger();
        try (Bunch b = Bunch.start(3, () -> {
            sem.acquire();
            passed.incrementAndGet();
        })) {
            b.awaitBlocked();
            sem.release(2);
            await().atMost(LONG).until(() -> passed.get() == 2);
            b.awaitBlocked();
            assertEquals(2, passed.get());
            sem.release();
        }
        assertEquals(List.of(3), List.of(passed.get()));
    }
}
