package dev.weft.reliability.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.reliability.Figures;
import dev.weft.reliability.Stress;
import dev.weft.sync.Barrier;
import dev.weft.sync.BoundedSemaphore;
import dev.weft.sync.BrokenBarrierError;
import dev.weft.sync.Condition;
import dev.weft.sync.Event;
import dev.weft.sync.JoinableQueue;
import dev.weft.sync.Lock;
import dev.weft.sync.RLock;
import dev.weft.sync.Semaphore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import static org.awaitility.Awaitility.await;

/**
 * Interrupt storms against every blocking call of {@code dev.weft.sync}: workers loop on the call
 * while a storm thread interrupts them at random. Each test counts what must be conserved (lock
 * ownership, permits, items, barrier rounds) and asserts that nothing was lost or duplicated and
 * that the primitive still works afterwards.
 */
class SyncInterruptStormTest {
    private static final int WORKERS = 4;
    private static final Duration LONG = Duration.ofSeconds(30);

    /** A few hundred nanoseconds of work while holding something, so that others queue up. */
    private static void work() {
        for (int i = 0; i < 100; i++) {
            Thread.onSpinWait();
        }
    }

    private void count(InterruptStorm.Result r, long lost) {
        Figures.add(getClass(), Figures.Kind.FAULTS_INJECTED, r.interruptsSent());
        Figures.add(getClass(), Figures.Kind.ITEMS_LOST, lost);
        assertTrue(r.interruptsSent() > 0, "the storm sent no interrupt");
    }

    @Test
    void lockAcquireKeepsMutualExclusionAndEndsUnlocked() throws InterruptedException {
        Lock lock = new Lock();
        long[] counter = {0}; // plain field: only mutual exclusion protects it
        AtomicInteger inside = new AtomicInteger();
        AtomicLong overlaps = new AtomicLong();
        InterruptStorm.Result r = InterruptStorm.run(WORKERS, Stress.times(1_000), (w, op) -> {
            if (op % 2 == 0) {
                lock.acquire();
            } else if (!lock.acquire(LONG)) {
                throw new AssertionError("timed acquire gave up");
            }
            try {
                if (inside.incrementAndGet() != 1) {
                    overlaps.incrementAndGet();
                }
                counter[0]++;
                work();
                inside.decrementAndGet();
            } finally {
                lock.release();
            }
        });
        count(r, Math.abs(counter[0] - r.completed()));
        assertEquals(0, overlaps.get(), "two threads held the lock at once");
        assertEquals(r.completed(), counter[0], "increments lost");
        assertFalse(lock.isLocked(), "an interrupted acquire left the lock locked");
        assertTrue(lock.tryAcquire());
        lock.release();
    }

    @Test
    void rlockAcquireKeepsHoldCountsAndEndsUnlocked() throws InterruptedException {
        RLock lock = new RLock();
        long[] counter = {0};
        InterruptStorm.Result r = InterruptStorm.run(WORKERS, Stress.times(1_000), (w, op) -> {
            lock.acquire();
            try {
                lock.acquire(); // reentrant: cannot wait
                try {
                    assertEquals(2, lock.holdCount());
                    counter[0]++;
                } finally {
                    lock.release();
                }
            } finally {
                lock.release();
            }
            assertFalse(lock.isHeldByCurrentThread());
        });
        count(r, Math.abs(counter[0] - r.completed()));
        assertEquals(r.completed(), counter[0]);
        assertFalse(lock.isLocked());
        assertTrue(lock.tryAcquire());
        lock.release();
    }

    @Test
    void conditionAwaitLosesNoItemAndRetakesTheLock() throws InterruptedException {
        RLock lock = new RLock();
        Condition ready = new Condition(lock);
        ArrayDeque<Integer> shared = new ArrayDeque<>();
        int items = Stress.times(1_000);
        Set<Integer> taken = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong notHeldAfterInterrupt = new AtomicLong();
        // Workers 0-1 produce (half the items each), workers 2-3 consume until all are taken.
        AtomicInteger nextItem = new AtomicInteger();
        InterruptStorm.Result r = InterruptStorm.run(WORKERS, items, (w, op) -> {
            if (w < 2) {
                try (var g = ready.hold()) {
                    if (op % 2 == w) {
                        return; // each producer makes half
                    }
                    shared.add(nextItem.getAndIncrement());
                    ready.signal();
                }
            } else {
                ready.acquire();
                try {
                    while (shared.isEmpty()) {
                        if (taken.size() >= items) {
                            return;
                        }
                        try {
                            ready.await(Duration.ofMillis(50));
                        } catch (InterruptedException e) {
                            if (!lock.isHeldByCurrentThread()) {
                                notHeldAfterInterrupt.incrementAndGet();
                            }
                            throw e;
                        }
                    }
                    if (!taken.add(shared.remove())) {
                        duplicates.incrementAndGet();
                    }
                } finally {
                    ready.release();
                }
            }
        });
        // Interrupted producers (before hold()) put nothing; what was put is in taken or shared.
        long put = nextItem.get();
        long accounted = taken.size() + shared.size();
        count(r, put - accounted);
        assertEquals(0, notHeldAfterInterrupt.get(), "an interrupted await did not re-take the lock");
        assertEquals(0, duplicates.get());
        assertEquals(put, accounted, "items lost between the producers and the consumers");
        assertFalse(lock.isLocked());
    }

    @Test
    void semaphoreAcquireGivesEveryPermitBack() throws InterruptedException {
        for (Semaphore semaphore : new Semaphore[] {new Semaphore(2), new BoundedSemaphore(2)}) {
            AtomicInteger holders = new AtomicInteger();
            AtomicLong overbooked = new AtomicLong();
            InterruptStorm.Result r = InterruptStorm.run(WORKERS, Stress.times(1_000), (w, op) -> {
                if (op % 3 == 0) {
                    semaphore.acquire();
                } else if (op % 3 == 1) {
                    if (!semaphore.acquire(LONG)) {
                        throw new AssertionError("timed acquire gave up");
                    }
                } else {
                    try (var g = semaphore.hold()) {
                        if (holders.incrementAndGet() > 2) {
                            overbooked.incrementAndGet();
                        }
                        work();
                        holders.decrementAndGet();
                    }
                    return;
                }
                try {
                    if (holders.incrementAndGet() > 2) {
                        overbooked.incrementAndGet();
                    }
                    work();
                    holders.decrementAndGet();
                } finally {
                    semaphore.release();
                }
            });
            count(r, 2 - semaphore.value());
            assertEquals(0, overbooked.get(), "more holders than permits");
            assertEquals(2, semaphore.value(), "permits before != permits after: " + semaphore);
        }
    }

    @Test
    void eventAwaitStrandsNoWaiter() throws InterruptedException {
        Event event = new Event();
        AtomicLong returnedFalse = new AtomicLong();
        InterruptStorm.Result r = InterruptStorm.run(WORKERS, Stress.times(1_000), (w, op) -> {
            if (w == 0) {
                event.set();   // worker 0 toggles the flag; the others wait for it
                event.clear();
            } else if (op % 2 == 0) {
                event.await();
            } else if (!event.await(LONG)) {
                returnedFalse.incrementAndGet();
            }
        });
        count(r, returnedFalse.get());
        assertEquals(0, returnedFalse.get(), "a timed await timed out although set() kept coming");
        event.set();
        assertTrue(event.await(Duration.ZERO));
    }

    /**
     * Rounds of a 3-party barrier. In every other round the first party is interrupted once it is
     * waiting (the documented case: the barrier breaks), racing with the arrival of the other two.
     * Each round must end with all three passing or all three failing: a party that passes while
     * another breaks, or one left waiting, is a lost party. (An interrupt that lands before a party
     * enters {@code await} breaks the barrier too; sync's {@code BarrierInterruptOnEntryTest}.)
     */
    @Test
    void barrierRoundsEitherAllPassOrAllBreak() throws InterruptedException {
        int rounds = Stress.times(200);
        int parties = 3;
        long mixed = 0;
        long broken = 0;
        long passed = 0;
        long sent = 0;
        for (int round = 0; round < rounds; round++) {
            Barrier barrier = new Barrier(parties);
            CountDownLatch done = new CountDownLatch(parties);
            int[] outcome = new int[parties]; // 1 passed, 2 broken, 3 interrupted
            Thread[] threads = new Thread[parties];
            for (int p = 0; p < parties; p++) {
                int party = p;
                threads[p] = Thread.ofPlatform().unstarted(() -> {
                    try {
                        barrier.await(LONG);
                        outcome[party] = 1;
                    } catch (BrokenBarrierError e) {
                        outcome[party] = 2;
                    } catch (InterruptedException e) {
                        outcome[party] = 3;
                    } finally {
                        done.countDown();
                    }
                });
            }
            threads[0].start();
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> barrier.waiting() == 1);
            threads[1].start();
            threads[2].start();
            if (round % 2 == 0) {
                threads[0].interrupt(); // party 0 is inside await: before, during or after the trip
                sent++;
            }
            // Bounded: every party's await times out after LONG at worst.
            assertTrue(done.await(LONG.multipliedBy(2).toSeconds(), TimeUnit.SECONDS),
                    "round " + round + ": a party is still inside Barrier.await");
            for (Thread t : threads) {
                assertTrue(t.join(LONG), "round " + round + ": " + t + " did not end");
            }
            int passes = 0;
            for (int o : outcome) {
                passes += o == 1 ? 1 : 0;
            }
            if (passes == parties) {
                passed++;
            } else if (passes == 0) {
                broken++;
                assertTrue(barrier.isBroken());
                barrier.reset();
                assertFalse(barrier.isBroken());
            } else {
                mixed++;
            }
            assertEquals(0, barrier.waiting());
        }
        Figures.add(getClass(), Figures.Kind.FAULTS_INJECTED, sent);
        Figures.add(getClass(), Figures.Kind.ITEMS_LOST, mixed);
        assertEquals(0, mixed, "rounds where some parties passed and others broke");
        assertEquals(rounds, passed + broken);
        assertTrue(passed >= rounds / 2, "rounds without an interrupt must pass: " + passed + " of " + rounds);
    }

    @Test
    void queuePutGetJoinLoseNoItem() throws InterruptedException {
        JoinableQueue<Integer> queue = JoinableQueue.fifo(4);
        int perProducer = Stress.times(1_000);
        Set<Integer> taken = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        AtomicInteger putOk = new AtomicInteger();
        // Workers 0-1 put (retrying an interrupted put with the same item), 2-3 get.
        int[] next = new int[2];
        InterruptStorm.Result r = InterruptStorm.run(WORKERS, perProducer * 4, (w, op) -> {
            if (w < 2) {
                if (next[w] >= perProducer) {
                    return;
                }
                int item = w * perProducer + next[w];
                if (op % 2 == 0) {
                    queue.put(item);
                } else if (!queue.put(item, Duration.ofMillis(20))) {
                    return; // full: the same item is tried again
                }
                next[w]++;
                putOk.incrementAndGet();
            } else {
                var item = op % 2 == 0 ? queue.get(Duration.ofMillis(20)) : queue.tryGet();
                if (item.isPresent()) {
                    if (!taken.add(item.get())) {
                        duplicates.incrementAndGet();
                    }
                    queue.taskDone();
                }
            }
        });
        // Drain what the consumers left, then join must return at once.
        for (var item = queue.tryGet(); item.isPresent(); item = queue.tryGet()) {
            if (!taken.add(item.get())) {
                duplicates.incrementAndGet();
            }
            queue.taskDone();
        }
        long lost = (long) putOk.get() - taken.size();
        count(r, Math.abs(lost));
        assertEquals(0, duplicates.get());
        assertEquals(putOk.get(), taken.size(), "items put but never got");
        assertEquals(0, queue.unfinishedTasks());
        assertTrue(queue.join(Duration.ZERO));
        // join() under interrupts: a joiner interrupted while items are unfinished, then released.
        queue.put(-1);
        CountDownLatch joined = new CountDownLatch(1);
        AtomicInteger joinInterrupts = new AtomicInteger();
        Thread joiner = Thread.ofPlatform().start(() -> {
            while (true) {
                try {
                    queue.join();
                    joined.countDown();
                    return;
                } catch (InterruptedException e) {
                    joinInterrupts.incrementAndGet();
                }
            }
        });
        for (int i = 0; i < 20; i++) {
            joiner.interrupt();
        }
        assertEquals(1, joined.getCount(), "join returned with an unfinished task");
        assertEquals(-1, queue.get());
        queue.taskDone();
        assertTrue(joined.await(LONG.toSeconds(), TimeUnit.SECONDS), "join() did not return once the task was done");
        assertTrue(joiner.join(LONG), "the joiner did not end");
        Figures.add(getClass(), Figures.Kind.FAULTS_INJECTED, 20);
    }
}
