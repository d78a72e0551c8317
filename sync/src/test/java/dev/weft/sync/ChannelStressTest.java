package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Stress: many producers and consumers through each kind of channel, and interrupt storms over
 * plain operations and selects; every element sent is counted on receipt, and each count must be
 * exactly one (nothing lost, nothing duplicated). Sizes are multiplied by
 * {@code -Dweft.stress.factor} ({@code -Pstress} sets 10).
 */
class ChannelStressTest {
    private static final int FACTOR = Integer.getInteger("weft.stress.factor", 1);

    static Stream<Arguments> kinds() {
        return ChannelContractTest.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void fourProducersFourConsumers(ChannelContractTest.Kind kind) throws InterruptedException {
        int producers = 4;
        int consumers = 4;
        int each = 100_000 * FACTOR;
        Channel<Integer> ch = kind.make().get();
        AtomicIntegerArray counts = new AtomicIntegerArray(producers * each);
        AtomicInteger outOfOrder = new AtomicInteger();
        AtomicInteger producerIds = new AtomicInteger();
        try (Bunch c = Bunch.startVirtual(consumers, () -> {
            int[] last = new int[producers];
            java.util.Arrays.fill(last, -1);
            for (int x : ch) {
                counts.incrementAndGet(x);
                int p = x / each;
                if (x % each <= last[p]) {
                    outOfOrder.incrementAndGet();
                }
                last[p] = x % each;
            }
        })) {
            try (Bunch p = Bunch.startVirtual(producers, () -> {
                int base = producerIds.getAndIncrement() * each;
                for (int i = 0; i < each; i++) {
                    ch.send(base + i);
                }
            })) {
                p.awaitFinished();
            }
            ch.close();
        }
        assertExactlyOnce(counts);
        assertEquals(0, outOfOrder.get(), "one producer's elements reached a consumer out of order");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void interruptStormLosesAndDuplicatesNothing(ChannelContractTest.Kind kind) throws InterruptedException {
        int each = 20_000 * FACTOR;
        Channel<Integer> ch = kind.make().get();
        AtomicIntegerArray counts = new AtomicIntegerArray(2 * each);
        AtomicInteger producerIds = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> targets = new ArrayList<>();
        try (Bunch c = Bunch.start(2, () -> {
            while (true) {
                try {
                    counts.incrementAndGet(ch.receive());
                } catch (InterruptedException e) {
                    refused.incrementAndGet();
                } catch (ChannelClosedException e) {
                    return;
                }
            }
        })) {
            targets.addAll(c.threads());
            try (Bunch p = Bunch.start(2, () -> {
                int base = producerIds.getAndIncrement() * each;
                for (int i = 0; i < each; i++) {
                    sendRetrying(ch, base + i, refused);
                }
            })) {
                targets.addAll(p.threads());
                storm(targets, p);
            }
            ch.close();
        }
        assertExactlyOnce(counts);
    }

    @Test
    void selectInterruptStormLosesAndDuplicatesNothing() throws InterruptedException {
        int each = 20_000 * FACTOR;
        List<Channel<Integer>> chans = List.of(Channel.rendezvous(), Channel.buffered(1),
                Channel.buffered(8), Channel.rendezvous());
        AtomicIntegerArray counts = new AtomicIntegerArray(2 * each);
        AtomicInteger producerIds = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> targets = new ArrayList<>();
        try (Bunch c = Bunch.start(2, () -> {
            Set<Channel<Integer>> open = new HashSet<>(chans);
            while (!open.isEmpty()) {
                try {
                    switch (Select.orClosed(open.stream().map(Channel::onReceive).toList())) {
                        case Select.Chosen<Integer> got -> counts.incrementAndGet(got.value());
                        case Select.Closed<Integer> closed -> open.remove(closed.channel());
                    }
                } catch (InterruptedException e) {
                    refused.incrementAndGet();
                }
            }
        })) {
            targets.addAll(c.threads());
            try (Bunch p = Bunch.start(2, () -> {
                int base = producerIds.getAndIncrement() * each;
                for (int i = 0; i < each; i++) {
                    int x = base + i;
                    var clauses = chans.stream().map(ch -> ch.onSend(x, () -> x)).toList();
                    while (true) {
                        try {
                            Select.of(clauses);
                            break;
                        } catch (InterruptedException e) {
                            refused.incrementAndGet();
                        }
                    }
                }
            })) {
                targets.addAll(p.threads());
                storm(targets, p);
            }
            chans.forEach(Channel::close);
        }
        assertExactlyOnce(counts);
        for (Channel<Integer> ch : chans) {
            assertEquals(0, ch.core().registrations(), "a select left a registration behind in " + ch);
        }
    }

    private static void sendRetrying(Channel<Integer> ch, int x, AtomicInteger refused) {
        while (true) {
            try {
                ch.send(x);
                return;
            } catch (InterruptedException e) {
                refused.incrementAndGet();
            }
        }
    }

    /** Interrupts the targets at random until the producers have finished. */
    private static void storm(List<Thread> targets, Bunch producers) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        try (Bunch interrupter = Bunch.start(1, () -> {
            do {
                targets.get(ThreadLocalRandom.current().nextInt(targets.size())).interrupt();
                sent.incrementAndGet();
                LockSupport.parkNanos(20_000);   // the storm's pace, not a synchronisation
            } while (!stop.get());
        })) {
            try {
                producers.awaitFinished();
            } finally {
                stop.set(true);
            }
        }
        assertTrue(sent.get() > 0);
    }

    private static void assertExactlyOnce(AtomicIntegerArray counts) {
        int lost = 0;
        int duplicated = 0;
        for (int i = 0; i < counts.length(); i++) {
            int n = counts.get(i);
            if (n == 0) {
                lost++;
            } else if (n > 1) {
                duplicated++;
            }
        }
        assertEquals(0, lost + duplicated, lost + " lost, " + duplicated + " duplicated of " + counts.length());
    }
}
