package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code test_queue.BaseSimpleQueueTest} (cases 96–100). weft has no separate
 * {@code SimpleQueue}: an unbounded {@link JoinableQueue#fifo()} is one (its task counting is
 * simply not used), so the cases run against it. Case 97 (negative timeout raises
 * {@code ValueError}) does not apply: a negative timeout means "do not wait".
 */
class SimpleQueueCasesTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void test_basic() throws Exception {
        JoinableQueue<Integer> q = JoinableQueue.fifo();
        assertTrue(q.isEmpty());
        assertEquals(0, q.size());
        q.put(1);
        q.put(2);
        q.tryPut(3);
        q.put(4);
        assertEquals(4, q.size());
        assertEquals(1, q.get());
        assertEquals(Optional.of(2), q.tryGet());
        assertEquals(Optional.of(3), q.get(Duration.ZERO));
        assertEquals(Optional.of(4), q.get(Duration.ofMillis(100)));
        assertEquals(Optional.empty(), q.get(Duration.ZERO));
        assertEquals(Optional.empty(), q.get(Duration.ofNanos(1_000_000)));
        assertEquals(Optional.empty(), q.tryGet());
    }

    @Test
    void test_negative_timeout_does_not_wait() throws Exception {
        JoinableQueue<Integer> q = JoinableQueue.fifo();
        q.put(1);
        assertEquals(Optional.of(1), q.get(Duration.ofSeconds(-1)));
    }

    @Test
    void test_order() throws Exception {
        JoinableQueue<Integer> q = JoinableQueue.fifo();
        List<Integer> results = Collections.synchronizedList(new ArrayList<>());
        try (Bunch consumer = Bunch.start(1, () -> {
            for (int i = 0; i < 100; i++) {
                results.add(q.get());
            }
        }); Bunch producer = Bunch.start(1, () -> {
            for (int i = 0; i < 100; i++) {
                q.put(i);
            }
        })) {
            consumer.awaitFinished();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertEquals(expected, results);
    }

    private enum Mode { BLOCKING, NONBLOCK, TIMEOUT }

    private void manyThreads(Mode mode, int items) throws Exception {
        JoinableQueue<Integer> q = JoinableQueue.fifo();
        int producers = 50;
        int consumers = 50;
        ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        try (Bunch p = Bunch.start(producers, () -> {
            int i;
            while ((i = next.getAndIncrement()) < items) {
                q.put(i);
            }
        }); Bunch c = Bunch.start(consumers, () -> {
            while (taken.get() < items) {
                Optional<Integer> item = switch (mode) {
                    case BLOCKING -> {
                        if (taken.getAndIncrement() >= items) {
                            yield Optional.empty();
                        }
                        yield Optional.of(q.get());
                    }
                    case NONBLOCK -> q.tryGet();
                    case TIMEOUT -> q.get(Duration.ofNanos(10_000));
                };
                if (item.isPresent()) {
                    got.add(item.get());
                    if (mode != Mode.BLOCKING) {
                        taken.incrementAndGet();
                    }
                } else if (mode != Mode.BLOCKING) {
                    Thread.yield();
                }
            }
        })) {
            c.awaitFinished();
        }
        assertEquals(items, got.size());
        assertEquals(items, got.stream().distinct().count(), "the same items as a multiset: none twice");
        assertTrue(q.isEmpty());
    }

    @Test
    void test_many_threads() throws Exception {
        manyThreads(Mode.BLOCKING, 10_000);
    }

    @Test
    void test_many_threads_nonblock() throws Exception {
        manyThreads(Mode.NONBLOCK, 10_000);
    }

    @Test
    void test_many_threads_timeout() throws Exception {
        manyThreads(Mode.TIMEOUT, 1_000);
    }

    @Test
    void test_references() throws Exception {
        JoinableQueue<Object> q = JoinableQueue.fifo();
        Object item = new Object();
        WeakReference<Object> ref = new WeakReference<>(item);
        q.put(item);
        assertTrue(q.get() == item);
        item = null;
        await().atMost(LONG).until(() -> {
            System.gc();
            return ref.get() == null;
        });
        assertEquals(null, item);
    }
}
