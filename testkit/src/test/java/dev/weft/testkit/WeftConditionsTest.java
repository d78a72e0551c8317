package dev.weft.testkit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * {@link WeftConditions} on the JDK types its parameters are, and its refusals. The conditions on
 * weft's own objects (a {@code Task}, {@code JoinableQueue}, {@code TaskScope}, {@code Pool}) are
 * tested in the samples module, which has them all: {@code dev.weft.samples.testing.WeftConditionsOnWeftTest}.
 */
class WeftConditionsTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void doneHoldsOnceTheFutureIsDone() throws Exception {
        CompletableFuture<String> future = new CompletableFuture<>();
        Callable<Boolean> done = WeftConditions.done(future);
        assertFalse(done.call());
        future.complete("x");
        assertTrue(done.call());
    }

    @Test
    void doneHoldsForAFailedOrCancelledFuture() throws Exception {
        assertTrue(WeftConditions.done(CompletableFuture.failedFuture(new IllegalStateException("boom"))).call());
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(true);
        assertTrue(WeftConditions.done(cancelled).call());
    }

    @Test
    void doneBecomesTrueWhileAwaitilityWaits() throws InterruptedException {
        CompletableFuture<String> future = new CompletableFuture<>();
        CountDownLatch go = new CountDownLatch(1);
        Thread completer = Thread.ofPlatform().start(() -> {
            try {
                if (go.await(30, TimeUnit.SECONDS)) {
                    future.complete("late");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        go.countDown();
        await().atMost(LONG).until(WeftConditions.done(future));
        assertTrue(completer.join(LONG), "the completer did not end");
    }

    @Test
    void drainedHoldsOnceTheQueueIsEmpty() throws Exception {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        Callable<Boolean> drained = WeftConditions.drained(queue);
        assertTrue(drained.call(), "an empty queue is drained");
        queue.add(1);
        assertFalse(drained.call());
        queue.remove();
        assertTrue(drained.call(), "the condition reads the queue anew at each call");
    }

    @Test
    void drainedBecomesTrueWhileAwaitilityWaits() throws InterruptedException {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>(List.of(1, 2, 3));
        Thread consumer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    queue.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(LONG).until(WeftConditions.drained(queue));
        assertTrue(consumer.join(LONG), "the consumer did not end");
        assertEquals(0, queue.size());
    }

    @Test
    void theDescriptionNamesTheObjectAndWhatIsAwaited() {
        CompletableFuture<String> future = new CompletableFuture<>();
        String hash = Integer.toHexString(System.identityHashCode(future));
        assertEquals("task CompletableFuture@" + hash + " done", WeftConditions.done(future).toString());
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        assertEquals("queue LinkedBlockingQueue@" + Integer.toHexString(System.identityHashCode(queue)) + " drained (empty)",
                WeftConditions.drained(queue).toString());
    }

    @Test
    void anAnonymousClassIsNamedByItsBinaryName() {
        CompletableFuture<String> anonymous = new CompletableFuture<>() { };
        assertTrue(WeftConditions.done(anonymous).toString().startsWith("task " + anonymous.getClass().getName() + "@"),
                WeftConditions.done(anonymous).toString());
    }

    @Test
    void theDescriptionAsAwaitilitysAliasNamesTheObjectInTheTimeoutMessage() {
        CompletableFuture<String> never = new CompletableFuture<>();
        Callable<Boolean> done = WeftConditions.done(never);
        ConditionTimeoutException timeout = assertThrows(ConditionTimeoutException.class,
                () -> await(done.toString()).atMost(Duration.ofMillis(200)).until(done));
        assertTrue(timeout.getMessage().contains("'" + done + "'"), timeout.getMessage());
    }

    @Test
    void nullIsRefusedAtTheCallNamingTheParameter() {
        assertEquals("task", assertThrows(NullPointerException.class, () -> WeftConditions.done(null)).getMessage());
        assertEquals("queue", assertThrows(NullPointerException.class, () -> WeftConditions.drained(null)).getMessage());
        assertEquals("queue", assertThrows(NullPointerException.class, () -> WeftConditions.joined(null)).getMessage());
        assertEquals("scope", assertThrows(NullPointerException.class, () -> WeftConditions.finished(null)).getMessage());
        assertEquals("pool", assertThrows(NullPointerException.class, () -> WeftConditions.idle(null)).getMessage());
    }

    @Test
    void aConditionThatNeedsAWeftTypeRefusesAnyOtherObjectAtTheCall() {
        IllegalArgumentException notJoinable = assertThrows(IllegalArgumentException.class,
                () -> WeftConditions.joined(new LinkedBlockingQueue<>()));
        assertEquals("expected a dev.weft.sync.JoinableQueue, got a java.util.concurrent.LinkedBlockingQueue",
                notJoinable.getMessage());
        AutoCloseable notAScope = () -> { };
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeftConditions.finished(notAScope))
                .getMessage().startsWith("expected a dev.weft.core.TaskScope, got a "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeftConditions.idle(notAScope))
                .getMessage().startsWith("expected a dev.weft.parallel.Pool, got a "));
    }
}
