package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code test_queue.BaseQueueTestMixin} (cases 69–95, with the 3.13
 * {@code shutdown} tests), run against {@link JoinableQueue#fifo}, {@link JoinableQueue#lifo} and
 * {@link JoinableQueue#priority} by {@link FifoQueueTest}, {@link LifoQueueTest} and
 * {@link PriorityQueueTest}. {@code queue.Full}/{@code queue.Empty} are a {@code false} or an
 * empty {@link Optional}; {@code ShutDown} is {@link QueueShutDownException}; {@code ValueError}
 * from {@code task_done} is {@link IllegalStateException}.
 *
 * <p>Differences on purpose:
 * <ul>
 *   <li>case 77 ({@code test_negative_timeout_raises_exception}): weft's rule for every timeout
 *       is "zero or negative means do not wait", so a negative timeout is a non-blocking call,
 *       checked by {@link #test_negative_timeout_means_do_not_wait()};</li>
 *   <li>case 79 ({@code test_shrinking_queue}) does not apply: the capacity is fixed at creation,
 *       as in {@code java.util.concurrent.BlockingQueue};</li>
 *   <li>case 80 ({@code test_failing_queue}) needs overridable storage hooks, which the queue
 *       does not expose; its point, a failed put leaves the queue consistent, is checked in
 *       {@link PriorityQueueTest} with a comparator that throws.</li>
 * </ul>
 */
abstract class BaseQueueTests {
    static final int QUEUE_SIZE = 5;
    static final Duration LONG = Duration.ofSeconds(30);
    static final Duration TINY = Duration.ofMillis(10);

    abstract <T extends Comparable<? super T>> JoinableQueue<T> newQueue(int maxSize);

    /** The order in which 111, 333, 222 come out. */
    abstract List<Integer> expectedOrder();

    @Test
    void test_queue_task_done() {
        JoinableQueue<Integer> q = newQueue(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, q::taskDone);
        assertTrue(e.getMessage().contains("too many times"), e::getMessage);
        assertEquals(0, q.unfinishedTasks());
    }

    private static void queueJoinTest(JoinableQueue<Integer> q) throws Exception {
        AtomicLong cum = new AtomicLong();
        try (Bunch b = Bunch.start(2, () -> {
            while (true) {
                int x = q.get();
                if (x < 0) {
                    q.taskDone();
                    return;
                }
                cum.addAndGet(x);
                q.taskDone();
            }
        })) {
            for (int i = 0; i < 100; i++) {
                q.put(i);
            }
            q.join();
            assertEquals(4950, cum.get(), "join() returned only after every item was processed");
            q.put(-1);
            q.put(-1);
            q.join();
        }
    }

    @Test
    void test_queue_join() throws Exception {
        JoinableQueue<Integer> q = newQueue(0);
        queueJoinTest(q);
        queueJoinTest(q);
        assertThrows(IllegalStateException.class, q::taskDone);
    }

    private void basicQueueTest(JoinableQueue<Integer> q) throws Exception {
        assertTrue(q.isEmpty());
        assertFalse(q.isFull());
        q.put(111);
        q.put(333);
        q.put(222);
        List<Integer> got = List.of(q.get(), q.get(), q.get());
        assertEquals(expectedOrder(), got);
        for (int i = 0; i < QUEUE_SIZE - 1; i++) {
            q.put(i);
            assertFalse(q.isEmpty());
        }
        assertFalse(q.isFull());
        q.put(99);
        assertTrue(q.isFull());
        assertEquals(QUEUE_SIZE, q.size());
        assertFalse(q.tryPut(88), "put(block=False) on a full queue: Full");
        assertFalse(q.put(88, TINY), "put(timeout) on a full queue: Full");

        // blocking puts wait for a get (case 74)
        try (Bunch b = Bunch.start(1, () -> q.put(88))) {
            b.awaitBlocked();
            assertEquals(0, b.finished(), "the put blocks on a full queue");
            q.get();
        }
        try (Bunch b = Bunch.start(1, () -> assertTrue(q.put(88, LONG)))) {
            b.awaitBlocked();
            assertEquals(0, b.finished());
            q.get();
        }
        for (int i = 0; i < QUEUE_SIZE; i++) {
            q.get();
        }
        assertTrue(q.isEmpty());
        assertEquals(Optional.empty(), q.tryGet(), "get(block=False) on an empty queue: Empty");
        assertEquals(Optional.empty(), q.get(TINY), "get(timeout) on an empty queue: Empty");

        // blocking gets wait for a put (case 76)
        ConcurrentLinkedQueue<Integer> got2 = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(1, () -> got2.add(q.get()))) {
            b.awaitBlocked();
            assertEquals(0, b.finished());
            q.put(7);
        }
        try (Bunch b = Bunch.start(1, () -> got2.add(q.get(LONG).orElseThrow()))) {
            b.awaitBlocked();
            q.put(8);
        }
        assertEquals(List.of(7, 8), List.copyOf(got2));
        // balance the unfinished count so that the run can be repeated
        while (q.unfinishedTasks() > 0) {
            q.taskDone();
        }
    }

    @Test
    void test_basic() throws Exception {
        JoinableQueue<Integer> q = newQueue(QUEUE_SIZE);
        basicQueueTest(q);
        basicQueueTest(q);
    }

    @Test
    void test_size_predicates_unbounded() throws Exception {
        for (int max : new int[] {0, -1}) {
            JoinableQueue<Integer> q = newQueue(max);
            for (int i = 0; i < 1000; i++) {
                assertTrue(q.tryPut(i), "maxsize <= 0 is unbounded");
            }
            assertFalse(q.isFull());
            assertEquals(1000, q.size());
            assertEquals(max, q.maxSize());
        }
    }

    @Test
    void test_negative_timeout_means_do_not_wait() throws Exception {
        JoinableQueue<Integer> q = newQueue(QUEUE_SIZE);
        assertTrue(q.put(1, Duration.ofSeconds(-1)), "room: the put succeeds without waiting");
        assertEquals(Optional.of(1), q.get(Duration.ofSeconds(-1)));
        long t0 = Timing.start();
        assertEquals(Optional.empty(), q.get(Duration.ofSeconds(-1)));
        Timing.assertDidNotWait(t0, LONG);
    }

    @Test
    void test_nowait() {
        JoinableQueue<Integer> q = newQueue(QUEUE_SIZE);
        for (int i = 0; i < QUEUE_SIZE; i++) {
            assertTrue(q.tryPut(i));
        }
        assertFalse(q.tryPut(QUEUE_SIZE));
        for (int i = 0; i < QUEUE_SIZE; i++) {
            assertTrue(q.tryGet().isPresent());
        }
        assertTrue(q.tryGet().isEmpty());
    }

    @Test
    void bad_input_throws_and_queue_still_works() throws Exception {
        JoinableQueue<Integer> q = newQueue(QUEUE_SIZE);
        assertEquals("item", assertThrows(NullPointerException.class, () -> q.put(null)).getMessage());
        assertEquals("item", assertThrows(NullPointerException.class, () -> q.put(null, TINY)).getMessage());
        assertEquals("item", assertThrows(NullPointerException.class, () -> q.tryPut(null)).getMessage());
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> q.put(1, null)).getMessage());
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> q.get(null)).getMessage());
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> q.join(null)).getMessage());
        assertEquals(0, q.size());
        assertEquals(0, q.unfinishedTasks(), "nothing was counted");
        q.put(1);
        assertEquals(1, q.get());
        q.taskDone();
        assertTrue(q.join(Duration.ZERO));
    }

    @Test
    void interrupted_put_and_get_lose_nothing() throws Exception {
        JoinableQueue<Integer> q = newQueue(1);
        q.put(1);
        try (Bunch b = Bunch.start(1, () -> assertThrows(InterruptedException.class, () -> q.put(2)))) {
            b.awaitBlocked();
            b.interruptAll();
        }
        assertEquals(1, q.size());
        assertEquals(1, q.unfinishedTasks(), "the interrupted put added nothing");
        assertEquals(1, q.get());
        try (Bunch b = Bunch.start(1, () -> assertThrows(InterruptedException.class, q::get))) {
            b.awaitBlocked();
            b.interruptAll();
        }
        q.put(3);
        assertEquals(Optional.of(3), q.tryGet(), "the interrupted get took nothing");
    }

    @Test
    void join_with_timeout() throws Exception {
        JoinableQueue<Integer> q = newQueue(0);
        assertTrue(q.join(Duration.ZERO), "nothing unfinished");
        q.put(1);
        long t0 = Timing.start();
        assertFalse(q.join(TINY));
        Timing.assertWaitedAtLeast(t0, TINY);
        q.get();
        try (Bunch b = Bunch.start(1, () -> assertTrue(q.join(LONG)))) {
            b.awaitBlocked();
            q.taskDone();
        }
    }

    @Test
    void toString_shows_size_and_state() throws Exception {
        JoinableQueue<Integer> q = newQueue(3);
        q.put(1);
        assertTrue(q.toString().contains("size=1/3"), q::toString);
        q.shutdown();
        assertTrue(q.toString().contains("shutdown"), q::toString);
    }

    // ---- shutdown (3.13) -------------------------------------------------------------------

    @Test
    void test_shutdown_empty() throws Exception {
        JoinableQueue<String> q = newQueue(QUEUE_SIZE);
        q.shutdown();
        assertThrows(QueueShutDownException.class, () -> q.put("data"));
        assertThrows(QueueShutDownException.class, q::get);
    }

    @Test
    void test_shutdown_nonempty() throws Exception {
        JoinableQueue<String> q = newQueue(QUEUE_SIZE);
        q.put("data");
        q.shutdown();
        assertEquals("data", q.get());
        assertThrows(QueueShutDownException.class, q::get);
    }

    @Test
    void test_shutdown_immediate() throws Exception {
        JoinableQueue<String> q = newQueue(QUEUE_SIZE);
        q.put("data");
        q.shutdown(true);
        assertThrows(QueueShutDownException.class, q::get);
    }

    @Test
    void test_shutdown_allowed_transitions() {
        JoinableQueue<String> q = newQueue(QUEUE_SIZE);
        assertFalse(q.isShutdown());
        q.shutdown();
        assertTrue(q.isShutdown());
        q.shutdown(true);
        assertTrue(q.isShutdown());
        q.shutdown(false);
        assertTrue(q.isShutdown());
    }

    @Test
    void test_shutdown_all_methods_in_one_thread() throws Exception {
        JoinableQueue<String> q = newQueue(2);
        q.put("L");
        q.tryPut("O");
        q.shutdown();
        assertThrows(QueueShutDownException.class, () -> q.put("E"));
        assertThrows(QueueShutDownException.class, () -> q.tryPut("W"));
        assertThrows(QueueShutDownException.class, () -> q.put("W", TINY));
        List<String> got = new ArrayList<>(List.of(q.get(), q.get()));
        got.sort(null);
        assertEquals(List.of("L", "O"), got);
        q.taskDone();
        q.taskDone();
        q.join();
        assertThrows(QueueShutDownException.class, q::get);
        assertThrows(QueueShutDownException.class, q::tryGet, "ShutDown, not Empty");
        assertThrows(QueueShutDownException.class, () -> q.get(Duration.ofSeconds(1)));
    }

    @Test
    void test_shutdown_immediate_all_methods_in_one_thread() throws Exception {
        JoinableQueue<String> q = newQueue(2);
        q.put("L");
        q.tryPut("O");
        q.shutdown(true);
        assertThrows(QueueShutDownException.class, () -> q.put("E"));
        assertThrows(QueueShutDownException.class, () -> q.tryPut("W"));
        assertThrows(QueueShutDownException.class, q::get);
        assertThrows(QueueShutDownException.class, q::tryGet);
        assertThrows(IllegalStateException.class, q::taskDone, "draining already counted the items done");
        assertTrue(q.join(Duration.ZERO), "join returns at once");
        q.join();
    }

    private void checkShutdownGet(boolean immediate, int getters, int expectItems) throws Exception {
        JoinableQueue<String> q = newQueue(2);
        q.put("Y");
        q.put("E");
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger items = new AtomicInteger();
        AtomicInteger shutDown = new AtomicInteger();
        try (Bunch b = Bunch.start(getters, () -> {
            go.await();
            try {
                q.get();
                items.incrementAndGet();
            } catch (QueueShutDownException e) {
                shutDown.incrementAndGet();
            }
        })) {
            q.shutdown(immediate);
            go.countDown();
        }
        assertEquals(expectItems, items.get());
        assertEquals(getters - expectItems, shutDown.get());
    }

    @Test
    void test_shutdown_get() throws Exception {
        checkShutdownGet(false, 3, 2);
    }

    @Test
    void test_shutdown_immediate_get() throws Exception {
        checkShutdownGet(true, 2, 0);
    }

    private void checkShutdownPut(boolean immediate) throws Exception {
        JoinableQueue<String> q = newQueue(2);
        q.put("Y");
        q.put("E");
        AtomicInteger shutDown = new AtomicInteger();
        try (Bunch b = Bunch.start(2, () -> {
            try {
                q.put("W");
            } catch (QueueShutDownException e) {
                shutDown.incrementAndGet();
            }
        })) {
            b.awaitBlocked();
            q.shutdown(immediate);
        }
        assertEquals(2, shutDown.get(), "blocked putters are woken by shutdown");
    }

    @Test
    void test_shutdown_put() throws Exception {
        checkShutdownPut(false);
    }

    @Test
    void test_shutdown_immediate_put() throws Exception {
        checkShutdownPut(true);
    }

    private void checkShutdownJoin(boolean immediate) throws Exception {
        JoinableQueue<String> q = newQueue(0);
        q.put("Y");
        try (Bunch b = Bunch.start(2, q::join)) {
            b.awaitBlocked();
            assertEquals(0, b.finished());
            if (immediate) {
                q.shutdown(true);
            } else {
                q.shutdown(false);
                q.get();
                q.taskDone();
            }
        }
        assertEquals(0, q.unfinishedTasks());
    }

    @Test
    void test_shutdown_join() throws Exception {
        checkShutdownJoin(false);
    }

    @Test
    void test_shutdown_immediate_join() throws Exception {
        checkShutdownJoin(true);
    }

    private void checkShutdownPutJoin(boolean immediate) throws Exception {
        JoinableQueue<String> q = newQueue(2);
        q.put("Y");
        assertEquals(1, q.unfinishedTasks());
        q.put("Z");   // full, so that the putter blocks
        q.get();
        q.taskDone();
        q.put("Z");
        AtomicInteger putterShutDown = new AtomicInteger();
        try (Bunch putter = Bunch.start(1, () -> {
            try {
                q.put("E");
            } catch (QueueShutDownException e) {
                putterShutDown.incrementAndGet();
            }
        }); Bunch joiner = Bunch.start(1, q::join)) {
            putter.awaitBlocked();
            joiner.awaitBlocked();
            q.shutdown(immediate);
            putter.awaitFinished();
            if (immediate) {
                assertThrows(QueueShutDownException.class, q::tryGet);
            } else {
                q.get();
                q.taskDone();
                q.get();
                q.taskDone();
            }
        }
        assertEquals(1, putterShutDown.get());
    }

    @Test
    void test_shutdown_put_join() throws Exception {
        checkShutdownPutJoin(false);
    }

    @Test
    void test_shutdown_immediate_put_join() throws Exception {
        checkShutdownPutJoin(true);
    }

    @Test
    void test_shutdown_get_task_done_join() throws Exception {
        JoinableQueue<String> q = newQueue(2);
        q.put("Y");
        q.put("E");
        assertEquals(q.size(), q.unfinishedTasks());
        CountDownLatch go = new CountDownLatch(1);
        try (Bunch getters = Bunch.start(2, () -> {
            go.await();
            q.get();
            q.taskDone();
        }); Bunch joiners = Bunch.start(2, () -> {
            go.await();
            q.join();
        })) {
            q.shutdown(false);
            go.countDown();
        }
        assertEquals(0, q.unfinishedTasks());
    }

    @Test
    void test_shutdown_pending_get() throws Exception {
        JoinableQueue<String> q = newQueue(0);
        ConcurrentLinkedQueue<Throwable> result = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(1, () -> {
            try {
                q.get();
            } catch (QueueShutDownException e) {
                result.add(e);
            }
        })) {
            b.awaitBlocked();
            q.shutdown(false);
        }
        assertEquals(1, result.size());
    }

    private void checkShutdownManyThreads(boolean immediate) throws Exception {
        JoinableQueue<Integer> q = newQueue(QUEUE_SIZE * 4);
        int messages = 16_000 * Integer.getInteger("weft.stress.factor", 1);
        AtomicInteger writersShutDown = new AtomicInteger();
        AtomicInteger readersShutDown = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(1);
        try (Bunch writers = Bunch.start(4, () -> {
            try {
                // Writers go on until the shutdown stops them (bounded, in case it never comes).
                for (int i = 0; i < messages * 1000; i++) {
                    q.put(i);
                    if (written.incrementAndGet() == messages) {
                        halfway.countDown();
                    }
                }
            } catch (QueueShutDownException e) {
                writersShutDown.incrementAndGet();
            }
        }); Bunch readers = Bunch.start(6, () -> {
            try {
                while (true) {
                    if (q.tryGet().isPresent()) {
                        q.taskDone();
                    } else {
                        Thread.onSpinWait();
                        Thread.yield();
                    }
                }
            } catch (QueueShutDownException e) {
                readersShutDown.incrementAndGet();
            }
        }); Bunch joiners = Bunch.start(immediate ? 2 : 0, q::join)) {
            assertTrue(halfway.await(LONG.toSeconds(), TimeUnit.SECONDS), "the writers did not get half way");
            q.shutdown(immediate);
            if (immediate) {
                assertEquals(0, q.size(), "an immediate shutdown drains the queue");
            }
        }
        assertEquals(4, writersShutDown.get(), "every writer met the shutdown");
        assertEquals(6, readersShutDown.get(), "every reader ended by ShutDown");
        assertTrue(q.isEmpty());
    }

    @Test
    void test_shutdown_all_methods_in_many_threads() throws Exception {
        checkShutdownManyThreads(false);
    }

    @Test
    void test_shutdown_immediate_all_methods_in_many_threads() throws Exception {
        checkShutdownManyThreads(true);
    }

    @Test
    void immediate_shutdown_counts_only_drained_items_done() throws Exception {
        JoinableQueue<String> q = newQueue(0);
        q.put("a");
        q.put("b");
        q.get();   // taken, not yet done
        q.shutdown(true);
        assertEquals(1, q.unfinishedTasks(), "only the drained item was counted done");
        try (Bunch b = Bunch.start(1, q::join)) {
            b.awaitBlocked();
            assertEquals(0, b.finished(), "join waits for the taken item");
            q.taskDone();
        }
        await().atMost(LONG).until(() -> q.unfinishedTasks() == 0);
    }
}
