package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.sync.internal.Selection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link Channel}, run against each kind: rendezvous, buffered(2) and unbounded.
 * Where the kinds differ (how many sends complete with no receiver), the test reads it from
 * {@link Kind#room}.
 */
class ChannelContractTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(50);

    /** A kind of channel: how to make one and how many sends it takes with no receiver. */
    record Kind(String name, Supplier<Channel<Integer>> make, int room) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(new Kind("rendezvous", Channel::rendezvous, 0)),
                Arguments.of(new Kind("buffered(2)", () -> Channel.buffered(2), 2)),
                Arguments.of(new Kind("unbounded", Channel::unbounded, Integer.MAX_VALUE)));
    }

    /** Sends up to {@code n} elements without a receiver, the ones the channel takes at once. */
    private static int fill(Channel<Integer> ch, Kind kind, int n) {
        int sent = 0;
        while (sent < Math.min(n, kind.room()) && ch.trySend(sent)) {
            sent++;
        }
        return sent;
    }

    /** Waits until every live thread of {@code b} is parked in a channel operation. */
    static void awaitParkedInChannel(Bunch b) {
        await().atMost(LONG).until(() -> b.threads().stream()
                .allMatch(t -> !t.isAlive() || LockSupport.getBlocker(t) instanceof Selection));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void elementsArriveInOrderSentByOneSender(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        List<Integer> got = new ArrayList<>();
        try (Bunch b = Bunch.start(1, () -> {
            for (int i = 0; i < 500; i++) {
                ch.send(i);
            }
            ch.close();
        })) {
            for (int x : ch) {
                got.add(x);
            }
        }
        assertEquals(IntStream.range(0, 500).boxed().toList(), got);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void tryOperationsNeverWait(Kind kind) {
        Channel<Integer> ch = kind.make().get();
        assertEquals(Optional.empty(), ch.tryReceive());
        int sent = fill(ch, kind, 3);
        assertEquals(Math.min(3, kind.room()), sent);
        if (kind.room() < 3) {
            assertFalse(ch.trySend(99), "full: trySend refuses");
        }
        for (int i = 0; i < sent; i++) {
            assertEquals(Optional.of(i), ch.tryReceive());
        }
        assertEquals(Optional.empty(), ch.tryReceive());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void rendezvousHandsOverToAWaitingReceiverOnly(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        List<Integer> got = new CopyOnWriteArrayList<>();
        try (Bunch b = Bunch.start(1, () -> got.add(ch.receive()))) {
            awaitParkedInChannel(b);
            assertTrue(ch.trySend(7), "a receiver waits: trySend hands over");
        }
        assertEquals(List.of(7), got);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void tryReceiveTakesFromAWaitingSender(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        int sent = fill(ch, kind, 2);
        if (kind.room() == Integer.MAX_VALUE) {
            assertEquals(Optional.of(0), ch.tryReceive());
            return;
        }
        try (Bunch b = Bunch.start(1, () -> ch.send(42))) {
            awaitParkedInChannel(b);
            for (int i = 0; i < sent; i++) {
                assertEquals(Optional.of(i), ch.tryReceive());
            }
            assertEquals(Optional.of(42), ch.tryReceive().or(() -> {
                throw new AssertionError("the waiting sender's element was not received");
            }));
        }
        assertEquals(Optional.empty(), ch.tryReceive());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void timedCallsTimeOutAndTakeNothing(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        long start = Timing.start();
        assertEquals(Optional.empty(), ch.receive(SHORT));
        Timing.assertWaitedAtLeast(start, SHORT);
        assertEquals(Optional.empty(), ch.receive(Duration.ZERO));
        assertEquals(Optional.empty(), ch.receive(Duration.ofSeconds(-1)));
        int sent = fill(ch, kind, 2);
        if (kind.room() != Integer.MAX_VALUE) {
            start = Timing.start();
            assertFalse(ch.send(99, SHORT));
            Timing.assertWaitedAtLeast(start, SHORT);
            assertFalse(ch.send(99, Duration.ZERO));
        } else {
            assertTrue(ch.send(99, Duration.ZERO));
            sent++;
        }
        for (int i = 0; i < sent; i++) {
            assertTrue(ch.receive(LONG).isPresent());
        }
        assertEquals(Optional.empty(), ch.tryReceive(), "a timed-out send sent nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void timedCallsSucceedWhenTheOtherSideComes(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        try (Bunch b = Bunch.start(1, () -> assertTrue(ch.send(5, LONG)))) {
            assertEquals(Optional.of(5), ch.receive(LONG));
        }
        try (Bunch b = Bunch.start(1, () -> assertEquals(Optional.of(6), ch.receive(LONG)))) {
            awaitParkedInChannel(b);
            assertTrue(ch.send(6, LONG));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void closeLetsReceiversDrainThenThrows(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        int sent = fill(ch, kind, 2);
        assertFalse(ch.isClosedForSend());
        assertTrue(ch.close());
        assertFalse(ch.close(), "a second close changes nothing");
        assertFalse(ch.fail(new RuntimeException("late")), "fail after close changes nothing");
        assertTrue(ch.isClosedForSend());
        assertEquals(sent == 0, ch.isClosedForReceive());
        assertThrows(ChannelClosedException.class, () -> ch.send(9));
        assertThrows(ChannelClosedException.class, () -> ch.send(9, LONG));
        assertThrows(ChannelClosedException.class, () -> ch.trySend(9));
        for (int i = 0; i < sent; i++) {
            assertEquals(i, ch.receive());
        }
        assertTrue(ch.isClosedForReceive());
        ChannelClosedException e = assertThrows(ChannelClosedException.class, ch::receive);
        assertNull(e.getCause());
        assertThrows(ChannelClosedException.class, () -> ch.receive(LONG));
        assertThrows(ChannelClosedException.class, ch::tryReceive);
        assertFalse(ch.iterator().hasNext());
        assertEquals(0, ch.stream().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void failDiscardsTheBufferAndCarriesTheCause(Kind kind) {
        Channel<Integer> ch = kind.make().get();
        fill(ch, kind, 2);
        IllegalStateException cause = new IllegalStateException("producer broke");
        assertTrue(ch.fail(cause));
        assertFalse(ch.close());
        assertTrue(ch.isClosedForSend());
        assertTrue(ch.isClosedForReceive(), "a failed channel has nothing to receive");
        assertSame(cause, assertThrows(ChannelClosedException.class, ch::receive).getCause());
        assertSame(cause, assertThrows(ChannelClosedException.class, ch::tryReceive).getCause());
        assertSame(cause, assertThrows(ChannelClosedException.class, () -> ch.send(1)).getCause());
        Iterator<Integer> it = ch.iterator();
        assertSame(cause, assertThrows(ChannelClosedException.class, it::hasNext).getCause());
        assertSame(cause, assertThrows(ChannelClosedException.class, () -> ch.stream().count()).getCause());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void closeWakesWaitingReceivers(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        try (Bunch b = Bunch.start(3, () -> assertThrows(ChannelClosedException.class, ch::receive))) {
            awaitParkedInChannel(b);
            ch.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void failWakesWaitingReceiversWithTheCause(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        RuntimeException cause = new RuntimeException("boom");
        try (Bunch b = Bunch.start(2, () -> assertSame(cause,
                assertThrows(ChannelClosedException.class, ch::receive).getCause()))) {
            awaitParkedInChannel(b);
            ch.fail(cause);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void closeStopsWaitingSendersWithoutSending(Kind kind) throws InterruptedException {
        if (kind.room() == Integer.MAX_VALUE) {
            return; // an unbounded channel's senders never wait
        }
        Channel<Integer> ch = kind.make().get();
        int sent = fill(ch, kind, 2);
        try (Bunch b = Bunch.start(2, () -> assertThrows(ChannelClosedException.class, () -> ch.send(100)))) {
            awaitParkedInChannel(b);
            ch.close();
        }
        for (int i = 0; i < sent; i++) {
            assertEquals(i, ch.receive(), "the buffered elements remain");
        }
        assertThrows(ChannelClosedException.class, ch::tryReceive, "the waiting senders' elements were not sent");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anInterruptedReceiverTakesNothing(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        try (Bunch b = Bunch.start(1, () -> assertThrows(InterruptedException.class, ch::receive))) {
            awaitParkedInChannel(b);
            b.interruptAll();
        }
        try (Bunch b = Bunch.start(1, () -> assertThrows(InterruptedException.class, () -> ch.receive(LONG)))) {
            awaitParkedInChannel(b);
            b.interruptAll();
        }
        try (Bunch b = Bunch.start(1, () -> assertEquals(3, ch.receive()))) {
            ch.send(3);
        }
        assertEquals(Optional.empty(), ch.tryReceive());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anInterruptedSenderSendsNothing(Kind kind) throws InterruptedException {
        if (kind.room() == Integer.MAX_VALUE) {
            return; // an unbounded channel's senders never wait
        }
        Channel<Integer> ch = kind.make().get();
        int sent = fill(ch, kind, 2);
        try (Bunch b = Bunch.start(1, () -> assertThrows(InterruptedException.class, () -> ch.send(100)))) {
            awaitParkedInChannel(b);
            b.interruptAll();
        }
        try (Bunch b = Bunch.start(1, () -> assertThrows(InterruptedException.class, () -> ch.send(101, LONG)))) {
            awaitParkedInChannel(b);
            b.interruptAll();
        }
        for (int i = 0; i < sent; i++) {
            assertEquals(Optional.of(i), ch.tryReceive());
        }
        assertEquals(Optional.empty(), ch.tryReceive(), "an interrupted send sent nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aThreadAlreadyInterruptedThrowsAtOnce(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        int sent = fill(ch, kind, 1);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, ch::receive);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> ch.send(1));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> ch.receive(LONG));
        assertFalse(Thread.interrupted());
        assertEquals(sent, ch.tryReceive().isPresent() ? 1 : 0, "nothing was taken by the refused calls");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anInterruptedIteratorThrowsCancellationAndKeepsTheFlag(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        try (Bunch b = Bunch.start(1, () -> {
            Iterator<Integer> it = ch.iterator();
            CancellationException e = assertThrows(CancellationException.class, it::hasNext);
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(Thread.interrupted());
        })) {
            awaitParkedInChannel(b);
            b.interruptAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void streamReceivesUntilClosed(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        try (Bunch b = Bunch.start(1, () -> {
            for (int i = 1; i <= 100; i++) {
                ch.send(i);
            }
            ch.close();
        })) {
            assertEquals(5050, ch.stream().mapToInt(Integer::intValue).sum());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void nullIsRefusedAndTheChannelStillWorks(Kind kind) throws InterruptedException {
        Channel<Integer> ch = kind.make().get();
        assertThrows(NullPointerException.class, () -> ch.send(null));
        assertThrows(NullPointerException.class, () -> ch.send(null, LONG));
        assertThrows(NullPointerException.class, () -> ch.send(1, null));
        assertThrows(NullPointerException.class, () -> ch.trySend(null));
        assertThrows(NullPointerException.class, () -> ch.receive(null));
        assertThrows(NullPointerException.class, () -> ch.fail(null));
        assertThrows(NullPointerException.class, () -> ch.onSend(null, () -> 1));
        assertThrows(NullPointerException.class, () -> ch.onSend(1, null));
        assertThrows(NullPointerException.class, () -> ch.onReceive(null));
        assertFalse(ch.isClosedForSend());
        try (Bunch b = Bunch.start(1, () -> ch.send(1))) {
            assertEquals(1, ch.receive());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void toStringNamesKindAndState(Kind kind) {
        Channel<Integer> ch = kind.make().get();
        assertTrue(ch.toString().contains(kind.name()), ch::toString);
        assertTrue(ch.toString().contains("open"), ch::toString);
        ch.close();
        assertTrue(ch.toString().contains("closed"), ch::toString);
    }
}
