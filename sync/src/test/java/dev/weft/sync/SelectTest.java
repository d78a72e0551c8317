package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract of {@link Select}: one clause runs, fairly, and nothing is lost when it gives up. */
class SelectTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(50);

    @Test
    void exactlyOneReadyClauseRuns() throws InterruptedException {
        Channel<Integer> a = Channel.unbounded();
        Channel<Integer> b = Channel.unbounded();
        a.send(1);
        b.send(2);
        AtomicInteger runs = new AtomicInteger();
        int got = Select.of(a.onReceive(x -> { runs.incrementAndGet(); return x; }),
                b.onReceive(x -> { runs.incrementAndGet(); return x; }));
        assertEquals(1, runs.get());
        Channel<Integer> other = got == 1 ? b : a;
        assertEquals(Optional.of(got == 1 ? 2 : 1), other.tryReceive(), "the other element stays");
    }

    @Test
    void readyClausesAreChosenFairly() throws InterruptedException {
        int n = 4;
        int rounds = 4_000;
        List<Channel<Integer>> chans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Channel<Integer> ch = Channel.unbounded();
            for (int j = 0; j < rounds; j++) {
                ch.send(i);
            }
            chans.add(ch);
        }
        int[] chosen = new int[n];
        var clauses = chans.stream().map(Channel::onReceive).toList();
        for (int r = 0; r < rounds; r++) {
            chosen[Select.of(clauses)]++;
        }
        // Uniform: rounds/n = 1000 each, standard deviation about 27; a third of that is 12 sigma away.
        for (int i = 0; i < n; i++) {
            int c = chosen[i];
            assertTrue(c > rounds / n / 3, () -> "channel chosen too rarely: " + java.util.Arrays.toString(chosen));
        }
    }

    @Test
    void aSendClauseNotChosenSendsNothing() throws InterruptedException {
        Channel<String> ready = Channel.unbounded();
        ready.send("x");
        Channel<String> target = Channel.buffered(1);
        target.send("full");
        String r = Select.of(ready.onReceive(s -> "received " + s), target.onSend("extra", () -> "sent"));
        assertEquals("received x", r);
        assertEquals(Optional.of("full"), target.tryReceive());
        assertEquals(Optional.empty(), target.tryReceive(), "the send clause sent nothing");
        assertEquals("sent", Select.of(target.onSend("now", () -> "sent")));
        assertEquals(Optional.of("now"), target.tryReceive());
    }

    @Test
    void otherwiseRunsOnlyWhenNothingIsReady() throws InterruptedException {
        Channel<Integer> ch = Channel.buffered(4);
        assertEquals(-1, Select.of(ch.onReceive(x -> x), Select.otherwise(() -> -1)));
        ch.send(5);
        assertEquals(5, Select.of(ch.onReceive(x -> x), Select.otherwise(() -> -1)));
        assertEquals(0, ch.core().registrations());
    }

    @Test
    void timeoutRunsWhenNothingBecomesReady() throws InterruptedException {
        Channel<Integer> ch = Channel.rendezvous();
        long start = Timing.start();
        assertEquals("late", Select.of(ch.onReceive(x -> "got"), ch.onSend(1, () -> "sent"),
                Select.timeout(SHORT, () -> "late")));
        Timing.assertWaitedAtLeast(start, SHORT);
        assertEquals("now", Select.of(ch.onReceive(x -> "got"), Select.timeout(Duration.ZERO, () -> "now")));
        start = Timing.start();
        assertEquals("alone", Select.of(Select.timeout(SHORT, () -> "alone")));
        Timing.assertWaitedAtLeast(start, SHORT);
        assertEquals(0, ch.core().registrations(), "a select that gave up left no registration behind");
    }

    @Test
    void aWaitingSelectIsServedByTheFirstChannelReady() throws InterruptedException {
        Channel<String> a = Channel.rendezvous();
        Channel<String> b = Channel.rendezvous();
        List<String> got = new CopyOnWriteArrayList<>();
        try (Bunch t = Bunch.start(1, () -> got.add(Select.of(a.onReceive(s -> "a:" + s), b.onReceive(s -> "b:" + s))))) {
            ChannelContractTest.awaitParkedInChannel(t);
            b.send("hello");
        }
        assertEquals(List.of("b:hello"), got);
        assertEquals(0, a.core().registrations());
        assertFalse(a.trySend("nobody"), "the select no longer waits on a");
    }

    @Test
    void aWaitingSendClauseIsTakenByAReceiver() throws InterruptedException {
        Channel<String> a = Channel.rendezvous();
        Channel<String> b = Channel.rendezvous();
        List<String> got = new CopyOnWriteArrayList<>();
        try (Bunch t = Bunch.start(1, () -> got.add(Select.of(a.onSend("to a", () -> "a"), b.onSend("to b", () -> "b"))))) {
            ChannelContractTest.awaitParkedInChannel(t);
            assertEquals("to a", a.receive());
        }
        assertEquals(List.of("a"), got);
        assertEquals(Optional.empty(), b.tryReceive(), "the other send did not happen");
    }

    @Test
    void twoSelectsMeet() throws InterruptedException {
        Channel<Integer> ch = Channel.rendezvous();
        Channel<Integer> never = Channel.rendezvous();
        List<String> got = new CopyOnWriteArrayList<>();
        try (Bunch t = Bunch.start(1, () -> got.add(Select.of(ch.onReceive(x -> "received " + x),
                never.onReceive(x -> "never"))))) {
            ChannelContractTest.awaitParkedInChannel(t);
            Channel<Integer> nobody = Channel.rendezvous();    // no receiver: only ch is ready
            got.add(Select.of(ch.onSend(7, () -> "sent"), nobody.onSend(8, () -> "never")));
        }
        assertEquals(List.of("received 7", "sent"), got.stream().sorted().toList());
    }

    @Test
    void aSelectDoesNotMeetItself() throws InterruptedException {
        Channel<Integer> ch = Channel.rendezvous();
        assertEquals("none", Select.of(ch.onSend(1, () -> "sent"), ch.onReceive(x -> "got " + x),
                Select.timeout(SHORT, () -> "none")));
        List<String> got = new CopyOnWriteArrayList<>();
        try (Bunch t = Bunch.start(1, () -> got.add(Select.of(ch.onSend(1, () -> "sent"), ch.onReceive(x -> "got " + x))))) {
            ChannelContractTest.awaitParkedInChannel(t);
            assertEquals(1, ch.receive());
        }
        assertEquals(List.of("sent"), got);
    }

    @Test
    void aClosedChannelEndsTheSelect() throws InterruptedException {
        Channel<Integer> open = Channel.rendezvous();
        Channel<Integer> closed = Channel.unbounded();
        closed.send(1);
        closed.close();
        int first = Select.of(open.onReceive(x -> -x), closed.onReceive(x -> x));
        assertEquals(1, first, "drains first");
        assertThrows(ChannelClosedException.class, () -> Select.of(open.onReceive(x -> -x), closed.onReceive(x -> x)));
        Select.Result<Integer> r = Select.orClosed(open.onReceive(x -> -x), closed.onReceive(x -> x));
        Select.Closed<?> c = assertInstanceOf(Select.Closed.class, r);
        assertSame(closed, c.channel());
        assertEquals(Optional.empty(), c.cause());
        assertInstanceOf(Select.Closed.class, Select.orClosed(closed.onSend(3, () -> 0)));
    }

    @Test
    void aFailedChannelReportsItsCause() throws InterruptedException {
        Channel<Integer> ch = Channel.buffered(2);
        RuntimeException cause = new RuntimeException("broken");
        List<Select.Result<Integer>> got = new CopyOnWriteArrayList<>();
        try (Bunch t = Bunch.start(1, () -> got.add(Select.orClosed(ch.onReceive(x -> x))))) {
            ChannelContractTest.awaitParkedInChannel(t);
            ch.fail(cause);
        }
        assertEquals(List.of(new Select.Closed<Integer>(ch, Optional.of(cause))), got);
        assertSame(cause, assertThrows(ChannelClosedException.class, () -> Select.of(ch.onReceive(x -> x))).getCause());
    }

    @Test
    void anInterruptedSelectTakesAndSendsNothing() throws InterruptedException {
        Channel<Integer> in = Channel.rendezvous();
        Channel<Integer> out = Channel.rendezvous();
        try (Bunch t = Bunch.start(1, () -> assertThrows(InterruptedException.class,
                () -> Select.of(in.onReceive(x -> x), out.onSend(9, () -> 0))))) {
            ChannelContractTest.awaitParkedInChannel(t);
            t.interruptAll();
        }
        assertEquals(0, in.core().registrations() + out.core().registrations());
        assertFalse(in.trySend(1));
        assertEquals(Optional.empty(), out.tryReceive());
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Select.of(Select.otherwise(() -> 0)));
        assertFalse(Thread.interrupted());
    }

    @Test
    void aClauseThatThrowsPropagates() throws InterruptedException {
        Channel<Integer> ch = Channel.unbounded();
        ch.send(1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Select.of(ch.onReceive(x -> { throw new IllegalStateException("in the clause"); })));
        assertEquals("in the clause", e.getMessage());
        assertEquals(Optional.empty(), ch.tryReceive(), "the element was received before the clause ran");
    }

    @Test
    void clausesAreReusableAndMayReturnNull() throws InterruptedException {
        Channel<Integer> ch = Channel.unbounded();
        Select.Clause<Void> send = ch.onSend(4, () -> null);
        assertNull(Select.of(send));
        assertNull(Select.of(send));
        assertEquals(List.of(4, 4), List.of(ch.receive(), ch.receive()));
        assertTrue(send.toString().contains("onSend"), send::toString);
    }

    @Test
    void badInputIsRefused() throws InterruptedException {
        Channel<Integer> ch = Channel.unbounded();
        assertThrows(IllegalArgumentException.class, () -> Select.of());
        assertThrows(IllegalArgumentException.class, () -> Select.of(List.of()));
        assertThrows(NullPointerException.class, () -> Select.of((Select.Clause<Integer>) null));
        assertThrows(NullPointerException.class, () -> Select.of((List<Select.Clause<Integer>>) null));
        assertThrows(IllegalArgumentException.class, () -> Select.of(ch.onReceive(),
                Select.timeout(LONG, () -> 0), Select.otherwise(() -> 0)));
        assertThrows(IllegalArgumentException.class, () -> Select.of(Select.timeout(LONG, () -> 0),
                Select.timeout(LONG, () -> 0)));
        assertThrows(NullPointerException.class, () -> Select.timeout(null, () -> 0));
        assertThrows(NullPointerException.class, () -> Select.timeout(LONG, null));
        assertThrows(NullPointerException.class, () -> Select.otherwise(null));
        assertThrows(NullPointerException.class, () -> new Select.Closed<Integer>(null, Optional.empty()));
        ch.send(1);
        assertEquals(1, Select.of(ch.onReceive()), "the channel still works");
    }
}
