package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What only some kinds do, bad construction arguments, and {@link Channel#produce}. */
class ChannelTest {

    @Test
    void badCapacitiesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Channel.buffered(0));
        assertThrows(IllegalArgumentException.class, () -> Channel.buffered(-1));
        try (TaskScope scope = TaskScope.open()) {
            assertThrows(IllegalArgumentException.class, () -> Channel.produce(scope, -1, out -> { }));
            assertThrows(NullPointerException.class, () -> Channel.produce(null, 1, out -> { }));
            assertThrows(NullPointerException.class, () -> Channel.produce(scope, 1, null));
        }
    }

    @Test
    void bufferedSendWaitsOnlyWhenFull() throws InterruptedException {
        Channel<String> ch = Channel.buffered(2);
        ch.send("a");
        ch.send("b");
        try (Bunch b = Bunch.start(1, () -> ch.send("c"))) {
            ChannelContractTest.awaitParkedInChannel(b);
            assertEquals("a", ch.receive());
        }
        assertEquals("b", ch.receive());
        assertEquals("c", ch.receive(), "the waiting sender's element moved into the buffer in order");
    }

    @Test
    void produceClosesTheChannelWhenTheBodyReturns() throws InterruptedException {
        List<Integer> got = new ArrayList<>();
        try (TaskScope scope = TaskScope.open()) {
            Channel<Integer> squares = Channel.produce(scope, 4, out -> {
                for (int i = 0; i < 10; i++) {
                    out.send(i * i);
                }
            });
            squares.forEach(got::add);
            scope.join();
        }
        assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81), got);
    }

    @Test
    void produceFailsTheChannelAndTheScopeWhenTheBodyThrows() throws InterruptedException {
        IOException broken = new IOException("disk gone");
        try (TaskScope scope = TaskScope.open()) {
            Channel<Integer> ch = Channel.produce(scope, 0, out -> {
                out.send(1);
                throw broken;
            });
            assertEquals(1, ch.receive());
            assertSame(broken, assertThrows(ChannelClosedException.class, ch::receive).getCause());
            TaskFailedException e = assertThrows(TaskFailedException.class, scope::join);
            assertSame(broken, e.getCause());
        }
    }

    @Test
    void aConsumerCancelsItsProducerByFailingTheChannel() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        try (TaskScope scope = TaskScope.open()) {
            Channel<Integer> naturals = Channel.produce(scope, 0, out -> {
                try {
                    for (int i = 0; ; i++) {
                        out.send(i);
                    }
                } finally {
                    stopped.countDown();
                }
            });
            assertEquals(List.of(0, 1, 2), naturals.stream().limit(3).toList());
            naturals.fail(new CancellationException("enough"));
            assertTrue(stopped.await(30, TimeUnit.SECONDS), "the producer did not stop");
            scope.join(); // the producer ended quietly: no failure
        }
    }
}
