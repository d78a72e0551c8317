package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.ThreadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * Parks 10,000 virtual threads at once on one {@link Event}, one {@link Condition} and one
 * {@link JoinableQueue#get()}, with the carrier pool at its default size (the number of cores),
 * and shows that they all wake. Were a primitive to pin its carrier (a {@code synchronized} wait),
 * only as many threads as there are carriers could be parked and the test would hang.
 */
class VirtualThreadParkingTest {
    private static final int THREADS = 10_000;
    private static final Duration LONG = Duration.ofSeconds(60);

    private static List<Thread> startVirtual(int n, Bunch.Body body, AtomicInteger failures) {
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Thread t = ThreadKind.VIRTUAL.newThread("parked-" + i, () -> {
                try {
                    body.run();
                } catch (Throwable e) {
                    failures.incrementAndGet();
                }
            });
            threads.add(t);
            t.start();
        }
        return threads;
    }

    private static void awaitAllParked(List<Thread> threads) {
        await().atMost(LONG).pollInterval(Duration.ofMillis(20))
                .until(() -> threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join(LONG);
            assertTrue(!t.isAlive(), t.getName() + " did not wake");
        }
    }

    @Test
    void ten_thousand_virtual_threads_wake_on_event_set() throws Exception {
        Event event = new Event();
        AtomicInteger woke = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = startVirtual(THREADS, () -> {
            event.await();
            woke.incrementAndGet();
        }, failures);
        awaitAllParked(threads);
        assertEquals(0, woke.get());
        event.set();
        joinAll(threads);
        assertEquals(THREADS, woke.get());
        assertEquals(0, failures.get());
    }

    @Test
    void ten_thousand_virtual_threads_wake_on_signal_all() throws Exception {
        Condition cond = new Condition();
        boolean[] go = {false};
        AtomicInteger woke = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = startVirtual(THREADS, () -> {
            try (Guard g = cond.hold()) {
                cond.awaitUntil(() -> go[0]);
                woke.incrementAndGet();
            }
        }, failures);
        await().atMost(LONG).pollInterval(Duration.ofMillis(20)).until(() -> cond.waiting() == THREADS);
        awaitAllParked(threads);
        try (Guard g = cond.hold()) {
            go[0] = true;
            cond.signalAll();
        }
        joinAll(threads);
        assertEquals(THREADS, woke.get());
        assertEquals(0, failures.get());
    }

    @Test
    void ten_thousand_virtual_threads_wake_on_queue_puts() throws Exception {
        JoinableQueue<Integer> queue = JoinableQueue.fifo();
        AtomicIntegerArray received = new AtomicIntegerArray(THREADS);
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = startVirtual(THREADS, () -> {
            received.incrementAndGet(queue.get());
            queue.taskDone();
        }, failures);
        awaitAllParked(threads);
        for (int i = 0; i < THREADS; i++) {
            queue.put(i);
        }
        joinAll(threads);
        queue.join();
        for (int i = 0; i < THREADS; i++) {
            assertEquals(1, received.get(i), "item " + i + " delivered exactly once");
        }
        assertEquals(0, failures.get());
        assertTrue(queue.isEmpty());
    }
}
