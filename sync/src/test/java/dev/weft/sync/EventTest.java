package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Ports CPython's {@code lock_tests.EventTests} (cases 23–27) to {@link Event}. Python's
 * {@code wait()} is {@code await()}; its return value is {@code await(Duration)}'s.
 */
class EventTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(100);

    @Test
    void test_is_set() {
        Event evt = new Event();
        assertFalse(evt.isSet());
        evt.set();
        assertTrue(evt.isSet());
        evt.set();
        assertTrue(evt.isSet());
        evt.clear();
        assertFalse(evt.isSet());
        evt.clear();
        assertFalse(evt.isSet());
    }

    private void checkNotify(Event evt) throws Exception {
        // 5 threads each wait twice; none returns before set(); then all 10 waits return true.
        ConcurrentLinkedQueue<Boolean> results1 = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Boolean> results2 = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(5, () -> {
            results1.add(evt.await(LONG));
            evt.await();
            results2.add(true);
        })) {
            b.awaitBlocked();
            assertEquals(0, results1.size(), "no wait returns before set()");
            evt.set();
            b.awaitFinished();
        }
        assertEquals(List.of(true, true, true, true, true), List.copyOf(results1));
        assertEquals(5, results2.size());
    }

    @Test
    void test_notify() throws Exception {
        Event evt = new Event();
        checkNotify(evt);
        evt.set();
        evt.clear();
        checkNotify(evt);   // the event can be reset and used again
    }

    @Test
    void test_timeout() throws Exception {
        Event evt = new Event();
        ConcurrentLinkedQueue<Boolean> results1 = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Boolean> results2 = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(5, () -> {
            results1.add(evt.await(Duration.ZERO));
            long t0 = Timing.start();
            results2.add(evt.await(SHORT));
            Timing.assertWaitedAtLeast(t0, SHORT);
        })) {
            b.awaitFinished();
        }
        assertEquals(List.of(false, false, false, false, false), List.copyOf(results1));
        assertEquals(List.of(false, false, false, false, false), List.copyOf(results2));

        results1.clear();
        results2.clear();
        evt.set();
        try (Bunch b = Bunch.start(5, () -> {
            results1.add(evt.await(Duration.ZERO));
            long t0 = Timing.start();
            results2.add(evt.await(LONG));
            Timing.assertDidNotWait(t0, LONG);
        })) {
            b.awaitFinished();
        }
        assertEquals(List.of(true, true, true, true, true), List.copyOf(results1));
        assertEquals(List.of(true, true, true, true, true), List.copyOf(results2));
    }

    @Test
    void test_set_and_clear() throws Exception {
        // Issue #13502: a waiter woken by set() returns true although clear() came first.
        Event evt = new Event();
        ConcurrentLinkedQueue<Boolean> results = new ConcurrentLinkedQueue<>();
        try (Bunch b = Bunch.start(5, () -> results.add(evt.await(LONG)))) {
            // every waiter in the wait, not on the event's lock on its way in: one that came in
            // after set() and clear() would rightly wait out LONG and return false
            b.awaitWaitingOnACondition();
            evt.set();
            evt.clear();
            b.awaitFinished();
        }
        assertEquals(List.of(true, true, true, true, true), List.copyOf(results));
    }

    @Test
    void untimed_await_after_set_and_clear_returns() throws Exception {
        Event evt = new Event();
        try (Bunch b = Bunch.start(5, evt::await)) {
            b.awaitWaitingOnACondition();   // one still on its way in would wait forever
            evt.set();
            evt.clear();
            b.awaitFinished();
            assertEquals(5, b.finished());
        }
        assertFalse(evt.isSet());
    }

    @Test
    void test_repr() {
        Event evt = new Event();
        assertTrue(evt.toString().endsWith(": unset>"), evt::toString);
        evt.set();
        assertTrue(evt.toString().endsWith(": set>"), evt::toString);
    }

    @Test
    void await_null_throws_npe_and_event_still_works() throws Exception {
        Event evt = new Event();
        NullPointerException e = assertThrows(NullPointerException.class, () -> evt.await(null));
        assertEquals("timeout", e.getMessage());
        evt.set();
        assertTrue(evt.await(Duration.ZERO));
    }

    @Test
    void negative_timeout_reads_the_flag_without_waiting() throws Exception {
        Event evt = new Event();
        assertFalse(evt.await(Duration.ofSeconds(-5)));
        evt.set();
        assertTrue(evt.await(Duration.ofSeconds(-5)));
    }

    @Test
    void interrupted_waiter_throws_and_the_event_still_works() throws Exception {
        Event evt = new Event();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Bunch b = Bunch.start(2, () -> {
            try {
                evt.await();
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        })) {
            b.awaitBlocked();
            b.threads().get(0).interrupt();
            b.threads().get(0).join(LONG.toMillis());
            assertEquals(1, b.finished(), "only the interrupted waiter left");
            evt.set();
        }
        assertTrue(thrown.get() instanceof InterruptedException);
        assertTrue(evt.isSet());
    }

    @Test
    void set_happens_before_await_returns() throws Exception {
        Event evt = new Event();
        int[] box = new int[1];
        try (Bunch b = Bunch.start(1, () -> {
            box[0] = 7;
            evt.set();
        })) {
            evt.await();
            assertEquals(7, box[0]);
        }
    }
}
