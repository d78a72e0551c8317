package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.Uninterruptibles;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stress: mutual exclusion under contention, a million items through a bounded queue, and
 * interrupts at random points that must never lose a permit or an item. Sizes are multiplied by
 * {@code -Dweft.stress.factor} ({@code -Pstress} sets 10).
 */
class StressTest {
    private static final int FACTOR = Integer.getInteger("weft.stress.factor", 1);
    private static final int THREADS = 8;
    private static final int INCREMENTS = 100_000 * FACTOR;

    /** A mutual-exclusion guard factory, by name. */
    @FunctionalInterface
    interface Guarded {
        Guard hold() throws InterruptedException;
    }

    static Stream<Arguments> guards() {
        Lock lock = new Lock();
        RLock rlock = new RLock();
        Semaphore sem = new Semaphore(1);
        BoundedSemaphore bsem = new BoundedSemaphore(1);
        Condition cond = new Condition();
        Condition condOverLock = new Condition(new Lock());
        RLock ordered = Locks.ordered("stress");
        return Stream.of(
                Arguments.of("Lock", (Guarded) lock::hold),
                Arguments.of("RLock", (Guarded) rlock::hold),
                Arguments.of("Semaphore(1)", (Guarded) sem::hold),
                Arguments.of("BoundedSemaphore(1)", (Guarded) bsem::hold),
                Arguments.of("Condition()", (Guarded) cond::hold),
                Arguments.of("Condition(Lock)", (Guarded) condOverLock::hold),
                Arguments.of("Locks.ordered", (Guarded) ordered::hold));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guards")
    void eight_threads_times_100k_guarded_increments_are_exact(String name, Guarded guard) throws Exception {
        long[] counter = {0};   // a plain field: only the guard makes it correct
        try (Bunch b = Bunch.start(THREADS, () -> {
            for (int i = 0; i < INCREMENTS; i++) {
                try (Guard g = guard.hold()) {
                    counter[0]++;
                }
            }
        })) {
            b.awaitFinished();
        }
        try (Guard g = guard.hold()) {
            assertEquals((long) THREADS * INCREMENTS, counter[0], name);
        }
    }

    @Test
    void a_million_items_through_a_bounded_queue_exactly_once_and_join_returns() throws Exception {
        int items = 1_000_000 * FACTOR;
        JoinableQueue<Integer> queue = JoinableQueue.fifo(1024);
        AtomicIntegerArray seen = new AtomicIntegerArray(items);
        AtomicInteger next = new AtomicInteger();
        AtomicLong sum = new AtomicLong();
        try (Bunch producers = Bunch.start(2, () -> {
            int i;
            while ((i = next.getAndIncrement()) < items) {
                queue.put(i);
            }
        }); Bunch consumers = Bunch.start(2, () -> {
            while (true) {
                int i;
                try {
                    i = queue.get();
                } catch (QueueShutDownException done) {
                    return;
                }
                seen.incrementAndGet(i);
                sum.addAndGet(i);
                queue.taskDone();
            }
        })) {
            producers.awaitFinished();
            queue.join();
            assertEquals(0, queue.unfinishedTasks());
            queue.shutdown();
        }
        for (int i = 0; i < items; i++) {
            if (seen.get(i) != 1) {
                throw new AssertionError("item " + i + " delivered " + seen.get(i) + " times");
            }
        }
        assertEquals((long) items * (items - 1) / 2, sum.get());
    }

    /** Interrupts the given threads at random moments until {@code stop} is set. */
    private static Bunch interrupter(List<Thread> targets, AtomicBoolean stop, AtomicInteger sent) throws InterruptedException {
        return Bunch.start(1, () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (!stop.get()) {
                targets.get(random.nextInt(targets.size())).interrupt();
                sent.incrementAndGet();
                for (int spin = random.nextInt(2_000); spin > 0; spin--) {
                    Thread.onSpinWait();
                }
                Thread.yield();
            }
        });
    }

    @Test
    void interrupts_at_random_points_never_lose_a_semaphore_permit() throws Exception {
        int permits = 2;
        int rounds = 20_000 * FACTOR;
        for (Semaphore sem : List.of(new Semaphore(permits), new BoundedSemaphore(permits))) {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger overlap = new AtomicInteger();
            AtomicInteger interrupted = new AtomicInteger();
            AtomicInteger entered = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger sent = new AtomicInteger();
            try (Bunch workers = Bunch.start(4, () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                // At least `rounds` rounds, and on until some interrupts have landed (bounded).
                for (int i = 0; (i < rounds || interrupted.get() < 20) && i < rounds * 50; i++) {
                    try {
                        Guard g = switch (random.nextInt(3)) {
                            case 0 -> sem.hold();
                            case 1 -> sem.acquire(Duration.ofMillis(50)) ? sem::release : null;
                            default -> {
                                sem.acquire();
                                yield sem::release;
                            }
                        };
                        if (g == null) {
                            continue;
                        }
                        try (g) {
                            entered.incrementAndGet();
                            if (inside.incrementAndGet() > permits) {
                                overlap.incrementAndGet();
                            }
                            for (int spin = random.nextInt(100); spin > 0; spin--) {
                                Thread.onSpinWait();   // the guarded work: makes the others queue up
                            }
                            inside.decrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                    }
                }
                Thread.interrupted();   // a late interrupt must not outlive the worker
            })) {
                try (Bunch noise = interrupter(workers.threads(), stop, sent)) {
                    try {
                        workers.awaitFinished();
                    } finally {
                        stop.set(true);   // before the interrupter's Bunch is closed
                    }
                }
            }
            assertEquals(permits, sem.value(), "every permit taken was given back: " + sem);
            assertEquals(0, overlap.get(), "never more holders than permits");
            assertTrue(interrupted.get() > 0, "interrupts landed in acquire: " + sent + " sent");
        }
    }

    @Test
    void interrupts_at_random_points_never_lose_or_duplicate_a_queue_item() throws Exception {
        int items = 50_000 * FACTOR;
        JoinableQueue<Integer> queue = JoinableQueue.fifo(64);
        AtomicIntegerArray seen = new AtomicIntegerArray(items);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        AtomicInteger interruptedPuts = new AtomicInteger();
        AtomicInteger interruptedGets = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        try (Bunch producers = Bunch.start(2, () -> {
            // Produce only once the interrupter has sent an interrupt: started late, it could
            // find every item through already. An interrupt that comes while we wait here stays
            // set, so it lands in the first put (or a consumer's next get) all the same.
            Uninterruptibles.awaitUninterruptibly(go);
            int i;
            while ((i = next.getAndIncrement()) < items) {
                while (true) {
                    try {
                        queue.put(i);   // retried until it is in: an interrupted put added nothing
                        break;
                    } catch (InterruptedException e) {
                        interruptedPuts.incrementAndGet();
                    }
                }
            }
            Thread.interrupted();
        }); Bunch consumers = Bunch.start(2, () -> {
            while (received.get() < items) {
                try {
                    queue.get(Duration.ofMillis(20)).ifPresent(i -> {
                        seen.incrementAndGet(i);
                        received.incrementAndGet();
                    });
                } catch (InterruptedException e) {
                    interruptedGets.incrementAndGet();
                }
            }
            Thread.interrupted();
        })) {
            List<Thread> targets = Stream.concat(producers.threads().stream(), consumers.threads().stream()).toList();
            try (Bunch noise = interrupter(targets, stop, sent)) {
                try {
                    await("the interrupter's first interrupt").atMost(Duration.ofSeconds(30)).until(() -> sent.get() > 0);
                    go.countDown();
                    consumers.awaitFinished();
                } finally {
                    go.countDown();   // never leave the producers waiting
                    stop.set(true);   // before the interrupter's Bunch is closed
                }
            }
        }
        for (int i = 0; i < items; i++) {
            if (seen.get(i) != 1) {
                throw new AssertionError("item " + i + " received " + seen.get(i) + " times (interrupted puts "
                        + interruptedPuts + ", gets " + interruptedGets + ")");
            }
        }
        assertTrue(queue.isEmpty());
        assertTrue(interruptedPuts.get() + interruptedGets.get() > 0,
                "interrupts landed in blocking calls: " + sent + " sent, puts " + interruptedPuts + ", gets " + interruptedGets);
    }
}
