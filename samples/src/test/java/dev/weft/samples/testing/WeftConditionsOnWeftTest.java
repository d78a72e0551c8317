package dev.weft.samples.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.parallel.Pool;
import dev.weft.sync.JoinableQueue;
import dev.weft.testkit.WeftConditions;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * testkit's {@link WeftConditions} on weft's own objects, which the testkit's tests cannot make
 * (every weft module's tests depend on the testkit): each condition false, then true, then true
 * while Awaitility waits, and its description naming the object.
 */
class WeftConditionsOnWeftTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    /** Waits (bounded) for the test to count {@code release} down; a pool's function may not throw checked. */
    private static boolean released(CountDownLatch release) {
        try {
            return release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void doneOnATaskIsNamedAfterTheTask() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TaskScope scope = TaskScope.open()) {
            Task<Boolean> fetch = scope.fork("fetch", () -> release.await(30, TimeUnit.SECONDS));
            Callable<Boolean> done = WeftConditions.done(fetch);
            assertEquals("task 'fetch' done", done.toString());
            assertFalse(done.call());
            release.countDown();
            await().atMost(LONG).until(done);
            assertTrue(done.call());
        }
    }

    @Test
    void joinedWaitsForTaskDoneWhereDrainedWaitsOnlyForTheGet() throws Exception {
        JoinableQueue<String> queue = JoinableQueue.fifo();
        Callable<Boolean> joined = WeftConditions.joined(queue);
        Callable<Boolean> drained = WeftConditions.drained(queue);
        assertTrue(joined.call(), "a new queue is joined");
        queue.put("job");
        assertFalse(joined.call());
        assertFalse(drained.call());
        assertEquals("job", queue.tryGet().orElseThrow());
        assertTrue(drained.call(), "empty");
        assertFalse(joined.call(), "the job was taken, not marked done");
        queue.taskDone();
        assertTrue(joined.call());
        String identity = "JoinableQueue@" + Integer.toHexString(System.identityHashCode(queue));
        assertEquals("queue " + identity + " joined (every item taken and marked done)", joined.toString());
    }

    @Test
    void joinedBecomesTrueWhileAwaitilityWaits() throws InterruptedException {
        JoinableQueue<Integer> queue = JoinableQueue.fifo();
        for (int i = 0; i < 5; i++) {
            queue.put(i);
        }
        try (TaskScope scope = TaskScope.open()) {
            scope.fork("consumer", () -> {
                for (int i = 0; i < 5; i++) {
                    queue.get();
                    queue.taskDone();
                }
                return null;
            });
            await().atMost(LONG).until(WeftConditions.joined(queue));
            scope.join();
        }
        assertEquals(0, queue.unfinishedTasks());
    }

    @Test
    void finishedOnAScopeHoldsOnceNoForkRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TaskScope scope = TaskScope.builder().name("crawler").open()) {
            Callable<Boolean> finished = WeftConditions.finished(scope);
            assertEquals("scope 'crawler' finished (no fork running)", finished.toString());
            assertTrue(finished.call(), "a scope that never forked");
            scope.fork(() -> release.await(30, TimeUnit.SECONDS));
            assertFalse(finished.call());
            release.countDown();
            await().atMost(LONG).until(finished);
            scope.join();
        }
    }

    @Test
    void idleOnAPoolHoldsOnceItsWorkIsReported() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Pool pool = Pool.threads(2)) {
            Callable<Boolean> idle = WeftConditions.idle(pool);
            assertTrue(idle.toString().startsWith("pool ThreadBackedPool@"), idle.toString());
            assertTrue(idle.toString().endsWith(" idle (no chunk in flight)"), idle.toString());
            assertTrue(idle.call(), "a new pool");
            Task<Boolean> held = pool.applyAsync(x -> released(release), 0);
            assertFalse(idle.call());
            release.countDown();
            await().atMost(LONG).until(idle);
            assertTrue(held.await(LONG));
        }
    }

    @Test
    void aTimeoutWithTheDescriptionAsAliasSaysWhatWasAwaited() throws InterruptedException {
        JoinableQueue<String> queue = JoinableQueue.fifo();
        queue.put("never taken");
        Callable<Boolean> joined = WeftConditions.joined(queue);
        ConditionTimeoutException timeout = assertThrows(ConditionTimeoutException.class,
                () -> await(joined.toString()).atMost(Duration.ofMillis(200)).until(joined));
        assertTrue(timeout.getMessage().contains("'" + joined + "'"), timeout.getMessage());
    }

    @Test
    void aConditionRefusesAWeftObjectOfTheWrongKind() {
        try (TaskScope scope = TaskScope.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeftConditions.idle(scope));
            assertEquals("expected a dev.weft.parallel.Pool, got a dev.weft.core.TaskScope", e.getMessage());
        }
    }
}
