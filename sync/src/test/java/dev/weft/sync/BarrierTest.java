package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code lock_tests.BarrierTests} (cases 51–64) to {@link Barrier}, with
 * {@code N = 5}. {@code wait} is {@code await}, {@code n_waiting} is {@code waiting()},
 * {@code broken} is {@code isBroken()}. CPython's late party in {@code test_timeout} sleeps; here
 * it waits until the barrier is broken, which is what the sleep stood for.
 */
class BarrierTest {
    private static final int N = 5;
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(100);

    @Test
    void test_constructor() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Barrier(0)).getMessage().contains("0"));
        assertThrows(IllegalArgumentException.class, () -> new Barrier(-1));
        assertEquals("action", assertThrows(NullPointerException.class, () -> new Barrier(2, null)).getMessage());
        assertEquals("action", assertThrows(NullPointerException.class, () -> new Barrier(2, null, SHORT)).getMessage());
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> new Barrier(2, () -> { }, null)).getMessage());
    }

    private static void multipass(Barrier barrier, List<List<Boolean>> results, int n) throws Exception {
        int m = barrier.parties();
        assertEquals(N, m);
        for (int i = 0; i < n; i++) {
            results.get(0).add(true);
            assertEquals(i * m, results.get(1).size());
            barrier.await();
            results.get(1).add(true);
            assertEquals((i + 1) * m, results.get(0).size());
            barrier.await();
        }
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
    }

    private static void runPasses(int passes) throws Exception {
        Barrier barrier = new Barrier(N);
        List<List<Boolean>> results = List.of(Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>()));
        try (Bunch b = Bunch.start(N, () -> multipass(barrier, results, passes))) {
            b.awaitFinished();
        }
        assertEquals(N * passes, results.get(1).size());
    }

    @Test
    void test_barrier() throws Exception {
        runPasses(1);
    }

    @Test
    void test_barrier_10() throws Exception {
        runPasses(10);
    }

    @Test
    void test_wait_return() throws Exception {
        Barrier barrier = new Barrier(N);
        ConcurrentLinkedQueue<Integer> results = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(N, () -> results.add(barrier.await()))) {
            b.awaitFinished();
        }
        assertEquals(List.of(0, 1, 2, 3, 4), results.stream().sorted().toList(), "a permutation of 0..N-1");
    }

    @Test
    void wait_return_is_the_arrival_order() throws Exception {
        Barrier barrier = new Barrier(N);
        int[] indexOf = new int[N];
        List<Bunch> bunches = new ArrayList<>();
        try {
            for (int i = 0; i < N; i++) {
                int arrival = i;
                await().atMost(LONG).until(() -> barrier.waiting() == arrival);
                bunches.add(Bunch.start(1, () -> indexOf[arrival] = barrier.await()));
            }
        } finally {
            for (Bunch b : bunches) {
                b.close();
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4), List.of(indexOf[0], indexOf[1], indexOf[2], indexOf[3], indexOf[4]),
                "0 is the first arrival (CyclicBarrier numbers the other way)");
    }

    @Test
    void test_action() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Barrier barrier = new Barrier(N, () -> {
            ran.incrementAndGet();
            ranOn.set(Thread.currentThread());
        });
        ConcurrentLinkedQueue<Boolean> lastRanIt = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(N, () -> {
            int index = barrier.await();
            assertEquals(1, ran.get(), "the action ran exactly once before anyone was released");
            lastRanIt.add(index != N - 1 || ranOn.get() == Thread.currentThread());
        })) {
            b.awaitFinished();
        }
        assertEquals(1, ran.get());
        assertTrue(lastRanIt.stream().allMatch(x -> x), "the last arrival ran the action");
    }

    @Test
    void test_abort() throws Exception {
        Barrier barrier = new Barrier(N);
        AtomicInteger broken = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        try (Bunch b = Bunch.start(N, () -> {
            int i = barrier.await();
            if (i == N / 2) {
                await().atMost(LONG).until(() -> barrier.waiting() == N - 1);
                barrier.abort();   // CPython: raise, and abort in the handler
                return;
            }
            try {
                barrier.await();
                passed.incrementAndGet();
            } catch (BrokenBarrierError e) {
                broken.incrementAndGet();
            }
        })) {
            b.awaitFinished();
        }
        assertEquals(N - 1, broken.get());
        assertEquals(0, passed.get());
        assertTrue(barrier.isBroken());
    }

    @Test
    void test_reset() throws Exception {
        Barrier barrier = new Barrier(N);
        AtomicInteger broken = new AtomicInteger();
        AtomicInteger passedAfter = new AtomicInteger();
        Barrier sync = new Barrier(N);
        try (Bunch b = Bunch.start(N, () -> {
            int i = barrier.await();
            if (i == N / 2) {
                await().atMost(LONG).until(() -> barrier.waiting() >= N - 1);
                barrier.reset();
            } else {
                try {
                    barrier.await();
                } catch (BrokenBarrierError e) {
                    broken.incrementAndGet();
                }
            }
            sync.await();   // everyone is out of the reset round
            barrier.await();
            passedAfter.incrementAndGet();
        })) {
            b.awaitFinished();
        }
        assertEquals(N - 1, broken.get());
        assertEquals(N, passedAfter.get(), "usable after reset()");
        assertFalse(barrier.isBroken());
    }

    @Test
    void test_abort_and_reset() throws Exception {
        Barrier barrier = new Barrier(N);
        Barrier barrier2 = new Barrier(N);
        AtomicInteger broken = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        try (Bunch b = Bunch.start(N, () -> {
            int i = barrier.await();
            if (i == N / 2) {
                await().atMost(LONG).until(() -> barrier.waiting() == N - 1);
                barrier.abort();
            } else {
                try {
                    barrier.await();
                } catch (BrokenBarrierError e) {
                    broken.incrementAndGet();
                }
            }
            if (barrier2.await() == N / 2) {
                barrier.reset();
            }
            barrier2.await();
            barrier.await();
            passed.incrementAndGet();
        })) {
            b.awaitFinished();
        }
        assertEquals(N - 1, broken.get());
        assertEquals(N, passed.get(), "a broken barrier is repaired by reset()");
    }

    @Test
    void test_timeout() throws Exception {
        Barrier barrier = new Barrier(N);
        AtomicInteger brokenErrors = new AtomicInteger();
        try (Bunch b = Bunch.start(N, () -> {
            int i = barrier.await();
            if (i == N / 2) {
                await().atMost(LONG).until(barrier::isBroken);   // the late party
            }
            try {
                barrier.await(SHORT);
            } catch (BrokenBarrierError e) {
                brokenErrors.incrementAndGet();
            }
        })) {
            b.awaitFinished();
        }
        assertEquals(N, brokenErrors.get(), "every thread, the one that timed out included");
        assertTrue(barrier.isBroken());
    }

    @Test
    void test_default_timeout() throws Exception {
        Barrier barrier = new Barrier(2, () -> { }, SHORT);
        long t0 = Timing.start();
        assertThrows(BrokenBarrierError.class, barrier::await);
        Timing.assertWaitedAtLeast(t0, SHORT);
        assertTrue(barrier.isBroken());
    }

    @Test
    void test_single_thread() throws Exception {
        Barrier barrier = new Barrier(1);
        assertEquals(0, barrier.await());
        assertEquals(0, barrier.await());
    }

    @Test
    void test_repr() throws Exception {
        Barrier barrier = new Barrier(3);
        assertTrue(barrier.toString().endsWith("waiters=0/3>"), barrier::toString);
        try (Bunch b = Bunch.start(2, barrier::await)) {
            await().atMost(LONG).until(() -> barrier.waiting() == 2);
            assertTrue(barrier.toString().endsWith("waiters=2/3>"), barrier::toString);
            barrier.await();
        }
        assertTrue(barrier.toString().endsWith("waiters=0/3>"), barrier::toString);
        barrier.abort();
        assertTrue(barrier.toString().endsWith("broken>"), barrier::toString);
    }

    @Test
    void action_raises() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Barrier barrier = new Barrier(3, () -> {
            throw boom;
        });
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(3, () -> {
            try {
                barrier.await();
            } catch (RuntimeException e) {
                errors.add(e);
            }
        })) {
            b.awaitFinished();
        }
        assertEquals(1, errors.stream().filter(e -> e == boom).count(), "the action's exception reaches its thread");
        assertEquals(2, errors.stream().filter(e -> e instanceof BrokenBarrierError).count());
        assertTrue(barrier.isBroken());
    }

    @Test
    void wait_on_broken_barrier_fails_at_once_until_reset() throws Exception {
        Barrier barrier = new Barrier(2);
        barrier.abort();
        long t0 = Timing.start();
        assertThrows(BrokenBarrierError.class, barrier::await);
        assertThrows(BrokenBarrierError.class, () -> barrier.await(LONG));
        Timing.assertDidNotWait(t0, LONG);
        barrier.reset();
        assertFalse(barrier.isBroken());
        try (Bunch b = Bunch.start(1, barrier::await)) {
            barrier.await();
        }
    }

    @Test
    void zero_timeout_breaks_unless_last() throws Exception {
        Barrier barrier = new Barrier(2);
        assertThrows(BrokenBarrierError.class, () -> barrier.await(Duration.ZERO));
        assertTrue(barrier.isBroken());
        barrier.reset();
        assertEquals(0, new Barrier(1).await(Duration.ofSeconds(-1)), "the last party never waits");
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> barrier.await(null)).getMessage());
        assertFalse(barrier.isBroken(), "a null timeout breaks nothing");
    }

    @Test
    void interrupted_waiter_breaks_the_barrier() throws Exception {
        Barrier barrier = new Barrier(3);
        AtomicReference<Throwable> interrupted = new AtomicReference<>();
        AtomicReference<Throwable> other = new AtomicReference<>();
        Bunch victim = Bunch.start(1, () -> {
            try {
                barrier.await();
            } catch (InterruptedException e) {
                interrupted.set(e);
            }
        });
        try (Bunch b = Bunch.start(1, () -> {
            try {
                barrier.await();
            } catch (BrokenBarrierError e) {
                other.set(e);
            }
        })) {
            await().atMost(LONG).until(() -> barrier.waiting() == 2);
            victim.interruptAll();
            victim.awaitFinished();
        }
        assertTrue(interrupted.get() instanceof InterruptedException);
        assertTrue(other.get() instanceof BrokenBarrierError);
        assertTrue(barrier.isBroken());
        assertSame(3, barrier.parties());
    }
}
