package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.core.ThreadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ForkedTaskTest {
    private static final long LONG_SECONDS = 30;

    private record End(Outcome<?> outcome, Thread thread) {
    }

    @Test
    void startOnRunsTheBodyOnANewThreadNamedAfterTheTask() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        AtomicReference<End> end = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        ForkedTask<String> task = new ForkedTask<>("worker-7", () -> {
            ranOn.set(Thread.currentThread().getName());
            return "done";
        }, ForkedTask.DIRECT, (t, outcome, thread) -> {
            end.set(new End(outcome, thread));
            ended.countDown();
        });

        task.startOn(ThreadKind.VIRTUAL);

        assertTrue(ended.await(LONG_SECONDS, TimeUnit.SECONDS), "the listener never heard the end");
        assertEquals("done", task.await());
        assertEquals("worker-7", ranOn.get());
        assertInstanceOf(Outcome.Success.class, end.get().outcome());
        assertNotSame(Thread.currentThread(), end.get().thread());
        assertEquals("worker-7", end.get().thread().getName());
        end.get().thread().join(TimeUnit.SECONDS.toMillis(LONG_SECONDS));
        assertFalse(end.get().thread().isAlive(), "the task's thread did not terminate");
    }

    @Test
    void startOnAFactoryRunsTheBodyOnItsThreadUnderTheFactorysName() throws Exception {
        AtomicReference<ForkedTask<?>> seen = new AtomicReference<>();
        AtomicReference<Thread> threadSeen = new AtomicReference<>();
        AtomicReference<End> end = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<ForkedTask<String>> self = new AtomicReference<>();
        ForkedTask<String> task = new ForkedTask<>("scope-9", 3, () -> {
            seen.set(ForkedTask.current());
            threadSeen.set(self.get().thread());
            return Thread.currentThread().getName();
        }, ForkedTask.DIRECT, (t, outcome, thread) -> {
            end.set(new End(outcome, thread));
            ended.countDown();
        }, null, true);
        self.set(task);

        task.startOn(LiveThreads.named(ThreadKind.VIRTUAL, "scope-9"));

        assertTrue(ended.await(LONG_SECONDS, TimeUnit.SECONDS), "the listener never heard the end");
        assertEquals("scope-9", task.await(), "the thread keeps the factory's name");
        assertEquals("scope-9-3", task.name());
        assertSame(task, seen.get(), "current() finds the task on a factory's thread too");
        assertSame(end.get().thread(), threadSeen.get(), "thread() is the running thread");
        assertTrue(end.get().thread().isVirtual());
        end.get().thread().join(TimeUnit.SECONDS.toMillis(LONG_SECONDS));
        assertTrue(task.isOver());
    }

    @Test
    void aFactoryThatCannotMakeAThreadEndsTheTaskFailedAndThrows() {
        AtomicReference<End> end = new AtomicReference<>();
        ForkedTask<String> task = new ForkedTask<>("unstartable", () -> {
            throw new AssertionError("must not run");
        }, ForkedTask.DIRECT, (t, outcome, thread) -> end.set(new End(outcome, thread)));
        IllegalStateException refused = new IllegalStateException("no thread");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> task.startOn(runnable -> {
            throw refused;
        }));

        assertSame(refused, thrown);
        assertSame(refused, ((Outcome.Failure<?>) task.outcome()).error());
        assertSame(refused, ((Outcome.Failure<?>) end.get().outcome()).error());
        assertNull(end.get().thread(), "no thread ran it");
        assertNull(task.thread());
        assertTrue(task.isOver());
    }

    @Test
    void startOnRejectsNull() {
        ForkedTask<String> task = new ForkedTask<>("n", () -> "x", ForkedTask.DIRECT, (t, outcome, thread) -> { });
        assertThrows(NullPointerException.class, () -> task.startOn((ThreadKind) null));
        assertThrows(NullPointerException.class, () -> task.startOn((java.util.concurrent.ThreadFactory) null));
        assertFalse(task.isDone(), "a rejected argument starts nothing");
    }

    @Test
    void cancelBeforeStartEndsItCancelledWithoutRunningOrTellingTheListener() {
        AtomicReference<End> end = new AtomicReference<>();
        ForkedTask<String> task = new ForkedTask<>("never", () -> {
            throw new AssertionError("must not run");
        }, ForkedTask.DIRECT, (t, outcome, thread) -> end.set(new End(outcome, thread)));

        task.cancelBeforeStart();

        assertTrue(task.isCancelled());
        assertNull(end.get(), "a task that never ran has no end to report");
    }

    @Test
    void whileItRunsItsThreadIsALiveWeftThreadThatKnowsItsTaskAndOwner() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Object owner = new Object();
        AtomicReference<ForkedTask<?>> seen = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        ForkedTask<String> task = new ForkedTask<>("tracked", () -> {
            seen.set(ForkedTask.current());
            running.countDown();
            assertTrue(release.await(LONG_SECONDS, TimeUnit.SECONDS), "never released");
            return "x";
        }, ForkedTask.DIRECT, (t, outcome, thread) -> ended.countDown(), owner, false);

        assertNull(task.runningThread(), "not started");
        task.startOn(ThreadKind.PLATFORM);
        assertTrue(running.await(LONG_SECONDS, TimeUnit.SECONDS), "the body never started");
        Thread thread = task.runningThread();
        assertTrue(ThreadKind.liveThreads().contains(thread), "the leak check must see a fork's thread");
        assertSame(task, seen.get());
        assertSame(owner, task.owner());
        assertNull(ForkedTask.current(), "the test thread runs no task");
        release.countDown();
        assertTrue(ended.await(LONG_SECONDS, TimeUnit.SECONDS), "the listener never heard the end");
        thread.join(TimeUnit.SECONDS.toMillis(LONG_SECONDS));
        assertFalse(ThreadKind.liveThreads().contains(thread));
        assertNull(task.runningThread(), "over");
        assertThrows(IllegalStateException.class, task::run, "a task runs once");
    }

    @Test
    void aCancelRacingTheEndNeverLeavesTheTaskUndoneAndEveryWaiterWakes() throws Exception {
        int rounds = 500 * Integer.getInteger("weft.stress.factor", 1);
        AtomicInteger listened = new AtomicInteger();
        List<ForkedTask<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            int value = i;
            ForkedTask<Integer> task = new ForkedTask<>("race-" + i, () -> value, ForkedTask.DIRECT,
                    (t, outcome, thread) -> listened.incrementAndGet());
            tasks.add(task);
            task.startOn(ThreadKind.VIRTUAL);
            if (i % 2 == 0) {
                task.cancel(true);
            }
        }
        for (ForkedTask<Integer> task : tasks) {
            try {
                task.await(java.time.Duration.ofSeconds(LONG_SECONDS));
            } catch (java.util.concurrent.CancellationException cancelled) {
                assertTrue(task.isCancelled());
            }
            assertTrue(task.isDone());
        }
        org.awaitility.Awaitility.await().atMost(LONG_SECONDS, TimeUnit.SECONDS).until(() -> listened.get() == rounds);
    }

    @Test
    void doneCallbacksRunOnceEachInTheOrderTheyWereAdded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ForkedTask<String> task = new ForkedTask<>("callbacks", () -> {
            assertTrue(release.await(LONG_SECONDS, TimeUnit.SECONDS), "never released");
            return "v";
        }, ForkedTask.DIRECT, (t, outcome, thread) -> { });
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            task.onDone(t -> order.add(n));
        }
        task.startOn(ThreadKind.VIRTUAL);
        var future = task.toCompletableFuture();
        assertSame(future, task.toCompletableFuture(), "one future view");
        release.countDown();
        assertEquals("v", future.get(LONG_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of(0, 1, 2, 3, 4), order);
        task.onDone(t -> order.add(5)); // after the end: at once, on this thread
        assertEquals(List.of(0, 1, 2, 3, 4, 5), order);
    }
}
