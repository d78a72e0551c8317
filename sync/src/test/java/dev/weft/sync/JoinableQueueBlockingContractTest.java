package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link BlockingQueue} contracts of {@link JoinableQueue}, written from the JDK javadoc of
 * {@code BlockingQueue}, {@code Queue} and {@code Collection}, and how each JDK method counts
 * unfinished tasks and behaves after shutdown (the table in {@code JoinableQueue}'s class
 * comment). Every test runs against fifo, lifo and priority queues. The plain collection
 * contracts are {@link JoinableQueueCollectionContractTest}'s.
 */
class JoinableQueueBlockingContractTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final long LONG_SECONDS = LONG.toSeconds();

    /** The three kinds; items {@code "b", "c", "a"} put in that order come out {@link #headFirst}. */
    enum Kind {
        FIFO(List.of("b", "c", "a")),
        LIFO(List.of("a", "c", "b")),
        PRIORITY(List.of("a", "b", "c"));

        final List<String> headFirst;

        Kind(List<String> headFirst) {
            this.headFirst = headFirst;
        }

        JoinableQueue<String> make(int maxSize) {
            return switch (this) {
                case FIFO -> JoinableQueue.fifo(maxSize);
                case LIFO -> JoinableQueue.lifo(maxSize);
                case PRIORITY -> JoinableQueue.priority(maxSize);
            };
        }

        JoinableQueue<String> withBca(int maxSize) {
            JoinableQueue<String> q = make(maxSize);
            q.add("b");
            q.add("c");
            q.add("a");
            return q;
        }
    }

    // ---- insertion ---------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void every_insertion_counts_one_unfinished_task(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.make(0);
        assertTrue(q.offer("a"));
        assertTrue(q.offer("b", 0, TimeUnit.SECONDS));
        assertTrue(q.add("c"));
        assertTrue(q.addAll(List.of("d", "e")));
        q.put("f");
        assertTrue(q.put("g", Duration.ZERO));
        assertTrue(q.tryPut("h"));
        assertEquals(8, q.size());
        assertEquals(8, q.unfinishedTasks());
        assertFalse(q.addAll(List.of()), "adding nothing does not change the queue");
        assertEquals(8, q.unfinishedTasks());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void offer_on_a_full_queue_returns_false_and_adds_nothing(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.make(1);
        assertTrue(q.offer("a"));
        assertFalse(q.offer("b"));
        assertFalse(q.offer("b", 20, TimeUnit.MILLISECONDS), "the timed offer timed out");
        assertFalse(q.offer("b", -1, TimeUnit.SECONDS), "a negative timeout does not wait");
        assertEquals(List.of("a"), List.copyOf(q));
        assertEquals(1, q.unfinishedTasks());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void timed_offer_waits_for_room(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.make(1);
        q.add("a");
        try (Bunch b = Bunch.start(1, () -> assertTrue(q.offer("b", LONG_SECONDS, TimeUnit.SECONDS)))) {
            b.awaitWaitingOnACondition();
            assertEquals("a", q.poll());
        }
        assertEquals(List.of("b"), List.copyOf(q));
        assertEquals(0, q.remainingCapacity());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void add_on_a_full_queue_throws_queue_full(Kind kind) {
        JoinableQueue<String> q = kind.make(2);
        q.add("a");
        q.add("b");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.add("c"));
        assertEquals("Queue full", e.getMessage());
        assertFalse(e instanceof QueueShutDownException);
        assertEquals(2, q.size());
        assertEquals(2, q.unfinishedTasks());
        assertFalse(q.contains("c"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void addAll_that_overflows_adds_what_fits_then_throws(Kind kind) {
        JoinableQueue<String> q = kind.make(3);
        q.add("a");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.addAll(List.of("b", "c", "d")));
        assertEquals("Queue full", e.getMessage());
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(q));
        assertEquals(3, q.unfinishedTasks());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void addAll_of_itself_is_refused(Kind kind) {
        JoinableQueue<String> q = kind.withBca(0);
        assertThrows(IllegalArgumentException.class, () -> q.addAll(q));
        assertStillHoldsBca(kind, q);
    }

    // ---- retrieval ---------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void gets_hand_out_the_head_and_leave_the_task_unfinished(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.withBca(0);
        assertEquals(kind.headFirst.get(0), q.peek());
        assertEquals(kind.headFirst.get(0), q.element());
        assertEquals(3, q.size(), "peek and element leave the head in place");
        q.add("d");
        List<String> got = new ArrayList<>();
        got.add(q.poll());
        got.add(q.take());
        got.add(q.remove());
        got.add(q.poll(0, TimeUnit.SECONDS));
        assertEquals(kind == Kind.PRIORITY ? List.of("a", "b", "c", "d")
                : kind == Kind.FIFO ? List.of("b", "c", "a", "d") : List.of("d", "a", "c", "b"), got);
        assertEquals(4, q.unfinishedTasks(), "a get is not a taskDone");
        assertNull(q.poll());
        assertNull(q.peek());
        assertThrows(NoSuchElementException.class, q::remove);
        assertThrows(NoSuchElementException.class, q::element);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void take_blocks_until_an_item_arrives(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.make(0);
        ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(1, () -> got.add(q.take()))) {
            b.awaitWaitingOnACondition();
            assertEquals(0, b.finished(), "take waits on an empty queue");
            q.offer("x");
        }
        assertEquals(List.of("x"), List.copyOf(got));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void timed_poll_returns_null_on_timeout_and_waits_for_an_item(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.make(0);
        long t0 = Timing.start();
        assertNull(q.poll(20, TimeUnit.MILLISECONDS));
        Timing.assertWaitedAtLeast(t0, Duration.ofMillis(20));
        assertNull(q.poll(-5, TimeUnit.SECONDS), "a negative timeout does not wait");
        ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(1, () -> got.add(q.poll(LONG_SECONDS, TimeUnit.SECONDS)))) {
            b.awaitWaitingOnACondition();
            q.put("y");
        }
        assertEquals(List.of("y"), List.copyOf(got));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void remainingCapacity_follows_puts_and_gets(Kind kind) throws Exception {
        assertEquals(Integer.MAX_VALUE, kind.make(0).remainingCapacity(), "unbounded");
        assertEquals(Integer.MAX_VALUE, kind.make(-3).remainingCapacity(), "unbounded");
        JoinableQueue<String> q = kind.make(3);
        assertEquals(3, q.remainingCapacity());
        q.put("a");
        q.offer("b");
        assertEquals(1, q.remainingCapacity());
        q.add("c");
        assertEquals(0, q.remainingCapacity());
        assertTrue(q.isFull());
        q.take();
        assertEquals(1, q.remainingCapacity());
        q.clear();
        assertEquals(3, q.remainingCapacity());
    }

    // ---- interruption ------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void interrupted_take_and_timed_poll_throw_and_take_nothing(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.make(0);
        try (Bunch b = Bunch.start(2, () -> assertThrows(InterruptedException.class, q::take))) {
            b.awaitWaitingOnACondition();
            b.interruptAll();
        }
        try (Bunch b = Bunch.start(1, () -> assertThrows(InterruptedException.class,
                () -> q.poll(LONG_SECONDS, TimeUnit.SECONDS)))) {
            b.awaitWaitingOnACondition();
            b.interruptAll();
        }
        q.add("a");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, q::take, "take with the interrupt flag set");
        assertFalse(Thread.interrupted(), "the flag was cleared by the exception");
        assertEquals(List.of("a"), List.copyOf(q), "nothing was taken");
        assertEquals("a", q.take());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void interrupted_put_and_timed_offer_throw_and_add_nothing(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.make(1);
        q.add("a");
        try (Bunch b = Bunch.start(1, () -> assertThrows(InterruptedException.class, () -> q.put("b")));
                Bunch c = Bunch.start(1, () -> assertThrows(InterruptedException.class,
                        () -> q.offer("c", LONG_SECONDS, TimeUnit.SECONDS)))) {
            b.awaitWaitingOnACondition();
            c.awaitWaitingOnACondition();
            b.interruptAll();
            c.interruptAll();
        }
        assertEquals(List.of("a"), List.copyOf(q));
        assertEquals(1, q.unfinishedTasks(), "the interrupted puts counted nothing");
        assertEquals("a", q.poll());
        q.put("d");
        assertEquals(List.of("d"), List.copyOf(q));
    }

    // ---- drainTo -----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void drainTo_moves_everything_head_first_as_gets(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.withBca(0);
        List<String> sink = new ArrayList<>(List.of("z"));
        assertEquals(3, q.drainTo(sink));
        assertEquals(concat("z", kind.headFirst), sink);
        assertTrue(q.isEmpty());
        assertEquals(3, q.unfinishedTasks(), "drained items still await taskDone");
        assertEquals(0, q.drainTo(sink), "nothing left");
        assertFalse(q.join(Duration.ZERO));
        for (int i = 0; i < 3; i++) {
            q.taskDone();
        }
        assertTrue(q.join(Duration.ZERO));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void drainTo_with_maxElements_moves_at_most_that_many(Kind kind) {
        JoinableQueue<String> q = kind.withBca(0);
        List<String> sink = new ArrayList<>();
        assertEquals(0, q.drainTo(sink, 0));
        assertEquals(0, q.drainTo(sink, -1));
        assertEquals(List.of(), sink);
        assertEquals(2, q.drainTo(sink, 2));
        assertEquals(kind.headFirst.subList(0, 2), sink);
        assertEquals(List.of(kind.headFirst.get(2)), List.copyOf(q));
        assertEquals(1, q.drainTo(sink, 5));
        assertEquals(kind.headFirst, sink);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void drainTo_refuses_itself_and_null(Kind kind) {
        JoinableQueue<String> q = kind.withBca(0);
        assertThrows(IllegalArgumentException.class, () -> q.drainTo(q));
        assertThrows(IllegalArgumentException.class, () -> q.drainTo(q, 1));
        assertThrows(NullPointerException.class, () -> q.drainTo(null));
        assertThrows(NullPointerException.class, () -> q.drainTo(null, 1));
        assertStillHoldsBca(kind, q);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void drainTo_a_collection_that_refuses_keeps_the_refused_item(Kind kind) {
        JoinableQueue<String> q = kind.withBca(0);
        OneItemSink sink = new OneItemSink();
        assertThrows(IllegalStateException.class, () -> q.drainTo(sink));
        assertEquals(kind.headFirst.subList(0, 1), List.copyOf(sink));
        assertEquals(Set.copyOf(kind.headFirst.subList(1, 3)), Set.copyOf(q), "nothing lost");
        assertEquals(kind.headFirst.get(1), q.peek());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void drainTo_wakes_blocked_putters(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.make(2);
        q.add("a");
        q.add("b");
        try (Bunch b = Bunch.start(2, () -> q.put("p"))) {
            b.awaitWaitingOnACondition();
            assertEquals(2, q.drainTo(new ArrayList<>()));
        }
        assertEquals(List.of("p", "p"), List.copyOf(q));
    }

    // ---- discards ----------------------------------------------------------------------------

    /** A discard that releases a {@code join()} blocked on {@code q} holding b, c, a. */
    private static void checkDiscardReleasesJoin(Kind kind, Consumer<JoinableQueue<String>> discard) throws Exception {
        JoinableQueue<String> q = kind.withBca(3);
        try (Bunch b = Bunch.start(1, q::join)) {
            b.awaitWaitingOnACondition();
            assertEquals(0, b.finished(), "join waits for three unfinished tasks");
            discard.accept(q);
        }
        assertEquals(0, q.unfinishedTasks());
        assertTrue(q.isEmpty());
        assertThrows(IllegalStateException.class, q::taskDone, "discarded items were counted done");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void clear_releases_join(Kind kind) throws Exception {
        checkDiscardReleasesJoin(kind, JoinableQueue::clear);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void remove_object_releases_join(Kind kind) throws Exception {
        checkDiscardReleasesJoin(kind, q -> {
            assertTrue(q.remove("a"));
            assertFalse(q.remove("a"), "only one was queued");
            assertEquals(2, q.unfinishedTasks());
            assertTrue(q.remove("b"));
            assertTrue(q.remove("c"));
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void removeIf_removeAll_retainAll_release_join(Kind kind) throws Exception {
        checkDiscardReleasesJoin(kind, q -> {
            assertTrue(q.removeIf("a"::equals));
            assertFalse(q.removeIf("a"::equals));
            assertTrue(q.removeAll(List.of("b", "x")));
            assertFalse(q.retainAll(List.of("c")), "c is all that is left");
            assertEquals(1, q.unfinishedTasks());
            assertTrue(q.retainAll(List.of()));
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void iterator_remove_releases_join(Kind kind) throws Exception {
        checkDiscardReleasesJoin(kind, q -> {
            Iterator<String> it = q.iterator();
            assertThrows(IllegalStateException.class, it::remove, "remove before next");
            while (it.hasNext()) {
                it.next();
                it.remove();
                assertThrows(IllegalStateException.class, it::remove, "remove twice");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_discard_after_surplus_taskDone_stops_at_zero(Kind kind) {
        JoinableQueue<String> q = kind.withBca(0);
        q.taskDone();
        q.taskDone();
        q.taskDone();   // allowed: three puts; the items are still queued
        q.clear();
        assertEquals(0, q.unfinishedTasks());
        q.add("d");
        assertEquals(1, q.unfinishedTasks());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_filter_that_throws_removes_nothing(Kind kind) {
        JoinableQueue<String> q = kind.withBca(0);
        assertThrows(IllegalStateException.class, () -> q.removeIf(s -> {
            if (s.equals("c")) {
                throw new IllegalStateException("filter failed");
            }
            return true;
        }));
        assertStillHoldsBca(kind, q);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void discards_wake_blocked_putters(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.withBca(3);
        try (Bunch b = Bunch.start(2, () -> q.put("p"))) {
            b.awaitWaitingOnACondition();
            q.clear();
        }
        assertEquals(List.of("p", "p"), List.copyOf(q));
        assertEquals(2, q.unfinishedTasks());
    }

    // ---- iteration and arrays ----------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void iterator_is_weakly_consistent(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.withBca(0);
        Iterator<String> it = q.iterator();
        String first = it.next();
        q.clear();
        q.add("x");
        List<String> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);   // no ConcurrentModificationException
        assertEquals(Set.copyOf(kind.headFirst), Set.copyOf(concat(first, rest)),
                "the iterator walks the items queued when it was created, once each");
        assertThrows(NoSuchElementException.class, it::next);
        it.remove();   // that item is gone already: nothing happens, nothing is counted
        assertEquals(List.of("x"), List.copyOf(q));
        assertEquals(1, q.unfinishedTasks());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void iterator_remove_removes_that_very_instance(Kind kind) {
        JoinableQueue<String> q = kind.make(0);
        String one = new String("s");
        String two = new String("s");
        q.add(one);
        q.add(two);
        Iterator<String> it = q.iterator();
        String removed = it.next();
        it.remove();
        String left = q.peek();
        assertEquals(1, q.size());
        assertSame(removed == one ? two : one, left, "the other, equal, instance stays");
        assertEquals(1, q.unfinishedTasks());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void toArray_lists_the_items(Kind kind) {
        JoinableQueue<String> q = kind.withBca(0);
        Object[] plain = q.toArray();
        String[] big = q.toArray(new String[5]);
        String[] small = q.toArray(new String[0]);
        String[] generated = q.toArray(String[]::new);
        if (kind != Kind.PRIORITY) {
            assertArrayEquals(kind.headFirst.toArray(), plain, "head first");
            assertEquals(kind.headFirst, List.of(small));
            assertEquals(kind.headFirst, List.copyOf(q));
            assertEquals(kind.headFirst, q.stream().toList());
        }
        assertEquals(Set.copyOf(kind.headFirst), Set.of(generated));
        assertEquals(Set.copyOf(kind.headFirst), Set.of(small));
        assertEquals(Set.copyOf(kind.headFirst), Set.copyOf(Arrays.asList(big).subList(0, 3)));
        assertNull(big[3], "the slot after the last item is set to null");
        assertThrows(ArrayStoreException.class, () -> q.toArray(new Integer[3]));
        assertEquals(3, q.size());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void toString_shows_the_state_and_the_items(Kind kind) {
        JoinableQueue<String> q = kind.withBca(4);
        String s = q.toString();
        assertTrue(s.contains("size=3/4 unfinished=3"), s);
        for (String item : kind.headFirst) {
            assertTrue(s.contains(item), s);
        }
        if (kind != Kind.PRIORITY) {
            assertTrue(s.contains(kind.headFirst.toString()), s);
        }
        JoinableQueue<Object> self = JoinableQueue.fifo();
        self.add(self);
        assertTrue(self.toString().contains("[(this queue)]"), self::toString);
    }

    // ---- nulls -------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void every_method_refuses_null_and_the_queue_still_works(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.make(5);
        q.add("a");
        assertThrows(NullPointerException.class, () -> q.offer(null));
        assertThrows(NullPointerException.class, () -> q.offer(null, 1, TimeUnit.SECONDS));
        assertThrows(NullPointerException.class, () -> q.offer("b", 1, null));
        assertThrows(NullPointerException.class, () -> q.add(null));
        assertThrows(NullPointerException.class, () -> q.put(null));
        assertThrows(NullPointerException.class, () -> q.poll(1, null));
        assertThrows(NullPointerException.class, () -> q.addAll(null));
        assertThrows(NullPointerException.class, () -> q.addAll(Arrays.asList("b", null, "c")));
        assertThrows(NullPointerException.class, () -> q.removeIf(null));
        assertThrows(NullPointerException.class, () -> q.removeAll(null));
        assertThrows(NullPointerException.class, () -> q.retainAll(null));
        assertThrows(NullPointerException.class, () -> q.toArray((String[]) null));
        assertThrows(NullPointerException.class, () -> q.containsAll(null));
        assertThrows(NullPointerException.class, () -> q.forEach(null));
        assertFalse(q.contains(null), "a null query answers false, as in the JDK's blocking queues");
        assertFalse(q.remove(null));
        assertEquals(List.of("a"), List.copyOf(q), "nothing was added, not even b of the addAll");
        assertEquals(1, q.unfinishedTasks());
        assertTrue(q.offer("b"));
        assertEquals(2, q.size());
    }

    // ---- shutdown ----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void after_shutdown_offers_refuse_quietly_and_puts_loudly(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.withBca(0);
        q.shutdown();
        assertFalse(q.offer("x"));
        long t0 = Timing.start();
        assertFalse(q.offer("x", LONG_SECONDS, TimeUnit.SECONDS));
        Timing.assertDidNotWait(t0, LONG);
        assertThrows(QueueShutDownException.class, () -> q.add("x"));
        assertThrows(QueueShutDownException.class, () -> q.put("x"));
        assertThrows(QueueShutDownException.class, () -> q.addAll(List.of("x", "y")));
        assertEquals(3, q.size(), "nothing was added");
        assertEquals(3, q.unfinishedTasks());
        // Gets go on while items are left.
        List<String> got = new ArrayList<>();
        got.add(q.poll());
        got.add(q.take());
        got.add(q.poll(LONG_SECONDS, TimeUnit.SECONDS));
        assertEquals(kind.headFirst, got);
        // Then: poll answers null at once, take throws as get does.
        t0 = Timing.start();
        assertNull(q.poll(LONG_SECONDS, TimeUnit.SECONDS));
        Timing.assertDidNotWait(t0, LONG);
        assertNull(q.poll());
        assertNull(q.peek());
        assertThrows(QueueShutDownException.class, q::take);
        assertThrows(NoSuchElementException.class, q::remove);
        assertEquals(0, q.drainTo(new ArrayList<>()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shutdown_wakes_blocked_offers_polls_and_takes(Kind kind) throws Exception {
        JoinableQueue<String> full = kind.make(1);
        full.add("a");
        JoinableQueue<String> empty = kind.make(1);
        AtomicBoolean offerRefused = new AtomicBoolean();
        AtomicBoolean pollEmpty = new AtomicBoolean();
        try (Bunch offerer = Bunch.start(1, () -> offerRefused.set(!full.offer("b", LONG_SECONDS, TimeUnit.SECONDS)));
                Bunch poller = Bunch.start(1, () -> pollEmpty.set(empty.poll(LONG_SECONDS, TimeUnit.SECONDS) == null));
                Bunch taker = Bunch.start(1, () -> assertThrows(QueueShutDownException.class, empty::take))) {
            offerer.awaitWaitingOnACondition();
            poller.awaitWaitingOnACondition();
            taker.awaitWaitingOnACondition();
            full.shutdown();
            empty.shutdown();
        }
        assertTrue(offerRefused.get(), "the timed offer returned false");
        assertTrue(pollEmpty.get(), "the timed poll returned null");
        assertEquals(List.of("a"), List.copyOf(full));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void immediate_shutdown_loses_nothing_that_was_got(Kind kind) throws Exception {
        JoinableQueue<String> q = kind.withBca(0);
        q.add("d");
        String first = q.take();
        List<String> drained = new ArrayList<>();
        q.drainTo(drained, 1);
        q.shutdown(true);
        assertTrue(q.isEmpty(), "the other two were discarded");
        assertEquals(2, q.unfinishedTasks(), "the two items got are still counted");
        assertNull(q.poll());
        assertThrows(QueueShutDownException.class, q::take);
        assertFalse(q.offer("e"));
        try (Bunch b = Bunch.start(1, q::join)) {
            b.awaitWaitingOnACondition();
            assertEquals(0, b.finished(), "join waits for the items got");
            q.taskDone();
            assertEquals(0, b.finished(), "one is still being processed");
            q.taskDone();
        }
        assertEquals(0, q.unfinishedTasks());
        assertEquals(1, drained.size());
        assertFalse(first.equals(drained.get(0)));
    }

    /** A call that failed left {@link Kind#withBca} as it was. */
    private static void assertStillHoldsBca(Kind kind, JoinableQueue<String> q) {
        assertEquals(Set.copyOf(kind.headFirst), Set.copyOf(q), "the queue lost or gained nothing");
        assertEquals(3, q.size());
        assertEquals(3, q.unfinishedTasks(), "the count did not change");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** A sink that takes one item, then refuses. */
    private static final class OneItemSink extends AbstractCollection<String> {
        private final List<String> items = new ArrayList<>();

        @Override
        public boolean add(String s) {
            if (!items.isEmpty()) {
                throw new IllegalStateException("sink full");
            }
            return items.add(s);
        }

        @Override
        public Iterator<String> iterator() {
            return items.iterator();
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
