package dev.weft.core;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TaskScopeTest {
    /** How long a test waits for a thread to start or end: far more than it ever needs. */
    private static final Duration LONG = Duration.ofSeconds(30);

    /** Parks until interrupted; records the thread it ran on. */
    private static Integer parkForever(List<Thread> threads) throws InterruptedException {
        threads.add(Thread.currentThread());
        new CountDownLatch(1).await();
        throw new AssertionError("unreachable");
    }

    private static void assertAllDead(List<Thread> threads) {
        assertFalse(threads.isEmpty(), "no thread was recorded");
        for (Thread t : threads) {
            assertFalse(t.isAlive(), t + " is still alive");
        }
    }

    @Test
    void closeLeavesNoThreadAliveWhileAnotherThreadJoins() throws Exception {
        for (int round = 0; round < 200; round++) {
            List<Thread> threads = new CopyOnWriteArrayList<>();
            TaskScope scope = TaskScope.open();
            for (int i = 0; i < 4; i++) {
                scope.fork(() -> threads.add(Thread.currentThread()));
            }
            CountDownLatch joining = new CountDownLatch(1);
            Thread joiner = Thread.ofPlatform().start(() -> {
                joining.countDown();
                try {
                    scope.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(joining.await(30, TimeUnit.SECONDS), "the joiner never started");
            scope.close();
            // join() may be joining a fork's thread right now: close() must wait for it too
            for (Thread t : threads) {
                assertFalse(t.isAlive(), "round " + round + ": " + t + " is alive after close()");
            }
            joiner.join(Duration.ofSeconds(30));
            assertFalse(joiner.isAlive(), "the joiner never returned");
        }
    }

    @Test
    void joinWaitsForEveryForkAndCloseLeavesNoThreadAlive() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<Task<Integer>> tasks = new ArrayList<>();
        try (var scope = TaskScope.open()) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                tasks.add(scope.fork(() -> {
                    threads.add(Thread.currentThread());
                    return n * n;
                }));
            }
            scope.join();
            for (int i = 0; i < 5; i++) {
                assertTrue(tasks.get(i).isDone());
                assertEquals(i * i, tasks.get(i).await());
            }
        }
        assertEquals(5, threads.size());
        assertAllDead(threads);
    }

    @Test
    void closeWithoutJoinCancelsRunningForksAndWaitsForThem() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        Task<Integer> task;
        try (var scope = TaskScope.open()) {
            task = scope.fork(() -> parkForever(threads));
            await().atMost(LONG).until(() -> threads.size() == 1);
        }
        assertTrue(task.isCancelled());
        assertAllDead(threads);
    }

    @Test
    void failFastInterruptsSiblingsWhoSeeTheInterrupt() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        Set<String> interrupted = ConcurrentHashMap.newKeySet();
        CountDownLatch siblingsParked = new CountDownLatch(3);
        IllegalStateException boom = new IllegalStateException("boom");
        TaskFailedException thrown;
        try (var scope = TaskScope.open()) {
            for (int i = 0; i < 3; i++) {
                String name = "sibling-" + i;
                scope.fork(name, () -> {
                    threads.add(Thread.currentThread());
                    siblingsParked.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.add(name);
                        throw e;
                    }
                    return null;
                });
            }
            scope.fork("failing", () -> {
                threads.add(Thread.currentThread());
                siblingsParked.await();
                throw boom;
            });
            thrown = assertThrows(TaskFailedException.class, scope::join);
        }
        assertEquals("failing", thrown.taskName());
        assertSame(boom, thrown.getCause());
        assertEquals(Set.of("sibling-0", "sibling-1", "sibling-2"), interrupted);
        assertEquals(0, thrown.getSuppressed().length, "an interrupted sibling is cancelled, not failed");
        assertAllDead(threads);
    }

    @Test
    void failuresAfterTheFirstAreSuppressedNotLost() throws Exception {
        CountDownLatch parked = new CountDownLatch(1);
        TaskFailedException thrown;
        Task<Object> sibling;
        try (var scope = TaskScope.open()) {
            sibling = scope.fork("sibling", () -> {
                parked.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    throw new IllegalArgumentException("cleanup failed too");
                }
                return null;
            });
            scope.fork("first", () -> {
                parked.await();
                throw new IllegalStateException("first");
            });
            thrown = assertThrows(TaskFailedException.class, scope::join);
            assertSame(thrown, assertThrows(TaskFailedException.class, scope::join), "a second join throws the same");
        }
        assertEquals("first", thrown.getCause().getMessage());
        assertEquals(1, thrown.getSuppressed().length, "a later failure is listed once, however often join() is called");
        assertEquals("cleanup failed too", thrown.getSuppressed()[0].getMessage());
        // the scope reports what the sibling threw once cancelled; its task, a Future, stays cancelled
        assertInstanceOf(Outcome.Cancelled.class, sibling.outcome());
    }

    @Test
    void withoutFailFastEveryForkRunsToItsEnd() throws Exception {
        try (var scope = TaskScope.builder().failFast(false).open()) {
            Task<Integer> failing = scope.fork("failing", () -> {
                throw new IllegalStateException("x");
            });
            Task<Integer> ok = scope.fork("ok", () -> {
                failing.toCompletableFuture().exceptionally(e -> null).join();
                return 42;
            });
            scope.join();
            assertEquals(42, ok.await());
            assertInstanceOf(Outcome.Failure.class, failing.outcome());
            assertFalse(scope.isCancelled());
        }
    }

    @Test
    void deadlineCancelsForksAndJoinThrowsScopeTimeout() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        Task<Integer> slow;
        Task<Integer> quick;
        ScopeTimeoutException thrown;
        // "quick" must start and end before the deadline (a fork the deadline overtakes is
        // cancelled), even on a loaded machine where starting a thread may take a second or two;
        // "slow" waits for the deadline, so this is also how long the test takes.
        Duration deadline = Duration.ofSeconds(3);
        try (var scope = TaskScope.builder().deadline(deadline).open()) {
            quick = scope.fork("quick", () -> 1);
            slow = scope.fork("slow", () -> parkForever(threads));
            thrown = assertThrows(ScopeTimeoutException.class, scope::join);
            assertEquals(deadline, thrown.deadline());
            assertTrue(scope.isCancelled());
            assertTrue(scope.fork(() -> 2).isCancelled(), "a fork after the deadline never runs");
        }
        assertEquals(1, quick.await());
        assertTrue(slow.isCancelled());
        assertTrue(thrown.getMessage().contains("deadline"));
        // "slow" may have been cancelled before its thread even ran: then it recorded nothing
        threads.forEach(t -> assertFalse(t.isAlive(), t + " is still alive"));
    }

    @Test
    void deadlineThatDoesNotPassChangesNothing() throws Exception {
        try (var scope = TaskScope.builder().deadline(Duration.ofMinutes(5)).open()) {
            Task<String> task = scope.fork(() -> "done");
            scope.join();
            assertEquals("done", task.await());
            assertEquals(Duration.ofMinutes(5), scope.deadline().orElseThrow());
        }
    }

    @Test
    void cancelInterruptsForksAndJoinReturns() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        try (var scope = TaskScope.open()) {
            Task<Integer> task = scope.fork(() -> parkForever(threads));
            await().atMost(LONG).until(() -> threads.size() == 1);
            scope.cancel();
            scope.join();
            assertTrue(task.isCancelled());
            assertTrue(scope.fork(() -> 1).isCancelled());
        }
        assertAllDead(threads);
    }

    @Test
    void forkAfterCloseIsRefused() {
        TaskScope scope = TaskScope.open();
        scope.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> scope.fork(() -> 1));
        assertTrue(e.getMessage().contains("closed"));
        scope.close(); // a second close does nothing
    }

    @Test
    void nullArgumentsAreRejectedWithTheirName() {
        try (var scope = TaskScope.open()) {
            NullPointerException e = assertThrows(NullPointerException.class, () -> scope.fork(null));
            assertEquals("task", e.getMessage());
            assertEquals("name", assertThrows(NullPointerException.class, () -> scope.fork(null, () -> 1)).getMessage());
            assertEquals("task", assertThrows(NullPointerException.class, () -> scope.fork("x", null)).getMessage());
        }
        assertEquals("name", assertThrows(NullPointerException.class, () -> TaskScope.builder().name(null)).getMessage());
        assertEquals("kind", assertThrows(NullPointerException.class, () -> TaskScope.builder().threads(null)).getMessage());
        assertEquals("deadline", assertThrows(NullPointerException.class, () -> TaskScope.builder().deadline(null)).getMessage());
        assertEquals("timeline", assertThrows(NullPointerException.class, () -> TaskScope.builder().timeline(null)).getMessage());
    }

    @Test
    void builderSettingsMayBeSetOnceAndTheBuilderIsReusable() throws Exception {
        TaskScope.Builder builder = TaskScope.builder().name("twice");
        assertThrows(IllegalStateException.class, () -> builder.name("again"));
        builder.threads(ThreadKind.PLATFORM);
        assertThrows(IllegalStateException.class, () -> builder.threads(ThreadKind.VIRTUAL));
        builder.failFast(false);
        assertThrows(IllegalStateException.class, () -> builder.failFast(true));
        for (int i = 0; i < 2; i++) {
            try (var scope = builder.open()) {
                assertEquals("twice", scope.name());
                Task<Boolean> virtual = scope.fork(() -> Thread.currentThread().isVirtual());
                scope.join();
                assertFalse(virtual.await(), "PLATFORM threads were asked for");
            }
        }
    }

    @Test
    void forksRunOnVirtualThreadsNamedAfterTheTaskByDefault() throws Exception {
        try (var scope = TaskScope.builder().name("crawler").open()) {
            Task<String> named = scope.fork("fetch", () -> Thread.currentThread().getName());
            Task<Boolean> virtual = scope.fork(() -> Thread.currentThread().isVirtual());
            scope.join();
            assertEquals("fetch", named.await());
            assertTrue(virtual.await());
            assertTrue(virtual.name().startsWith("crawler-"));
        }
    }

    @Test
    void defaultNamesNumberEveryForkAndStayUniqueWhenForksRace() throws Exception {
        Set<String> names = ConcurrentHashMap.newKeySet();
        AtomicInteger forked = new AtomicInteger();
        try (var scope = TaskScope.builder().name("s").open()) {
            assertEquals("s-1", scope.fork(() -> 0).name());
            assertEquals("named", scope.fork("named", () -> 0).name());
            assertEquals("s-3", scope.fork(() -> 0).name(), "a named fork counts too");
            for (int i = 0; i < 8; i++) {
                scope.fork("forker-" + i, () -> {
                    for (int j = 0; j < 50; j++) {
                        names.add(scope.fork(() -> 0).name());
                        forked.incrementAndGet();
                    }
                    return null;
                });
            }
            scope.join();
        }
        assertEquals(400, forked.get());
        assertEquals(400, names.size(), "every default name is unique");
    }

    @Test
    void joinFromInsideAForkIsRefused() throws Exception {
        try (var scope = TaskScope.open()) {
            Task<Object> inside = scope.fork(() -> {
                scope.join();
                return null;
            });
            assertThrows(TaskFailedException.class, scope::join);
            assertInstanceOf(IllegalStateException.class, ((Outcome.Failure<Object>) inside.outcome()).error());
        }
    }

    @Test
    void forksMayForkMoreWorkThatJoinWaitsFor() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        try (var scope = TaskScope.open()) {
            scope.fork(() -> {
                for (int i = 0; i < 10; i++) {
                    TaskScope.current().orElseThrow().fork(ran::incrementAndGet);
                }
                return null;
            });
            scope.join();
        }
        assertEquals(10, ran.get());
    }

    @Test
    void forksForkingAtOnceFromManyThreadsAreAllWaitedForAndNoneOutlivesClose() throws Exception {
        int forkers = 4;
        int each = 2_000 * Integer.getInteger("weft.stress.factor", 1);
        CyclicBarrier together = new CyclicBarrier(forkers);
        List<Task<Integer>> children = new CopyOnWriteArrayList<>();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        TaskScope closed;
        try (var scope = TaskScope.builder().threads(ThreadKind.PLATFORM).open()) {
            closed = scope;
            for (int f = 0; f < forkers; f++) {
                scope.fork(() -> {
                    together.await(); // the forkers fork at once, racing the children that end
                    for (int i = 0; i < each; i++) {
                        int value = i;
                        children.add(scope.fork(() -> {
                            threads.add(Thread.currentThread());
                            return value;
                        }));
                    }
                    return null;
                });
            }
            scope.join(); // a child is counted before its forker ends: join waits for every one
            assertEquals(0, scope.runningForks());
            for (Task<Integer> child : children) {
                assertTrue(child.isDone(), "join returned before a fork ended");
            }
        }
        assertEquals(forkers * each, children.size());
        assertEquals(0, closed.runningForks());
        for (Thread thread : threads) {
            assertFalse(thread.isAlive(), "a fork's thread outlived close()");
        }
    }

    @Test
    void currentIsTheInnermostOpenScopeOrTheForkingScope() throws Exception {
        assertTrue(TaskScope.current().isEmpty());
        try (var outer = TaskScope.open()) {
            assertSame(outer, TaskScope.current().orElseThrow());
            try (var inner = TaskScope.open()) {
                assertSame(inner, TaskScope.current().orElseThrow());
                Task<TaskScope> seen = inner.fork(() -> TaskScope.current().orElseThrow());
                inner.join();
                assertSame(inner, seen.await());
            }
            assertSame(outer, TaskScope.current().orElseThrow());
        }
        assertTrue(TaskScope.current().isEmpty());
    }

    @Test
    void closeWaitsEvenWhenInterruptedAndKeepsTheFlag() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch stubbornStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TaskScope scope = TaskScope.open();
        try {
            scope.fork(() -> {
                threads.add(Thread.currentThread());
                stubbornStarted.countDown();
                // ignores its interrupt until released: close must wait for it anyway
                while (true) {
                    try {
                        release.await();
                        return null;
                    } catch (InterruptedException ignored) {
                        Thread.interrupted();
                    }
                }
            });
            AtomicReference<Boolean> flagAfterClose = new AtomicReference<>();
            try {
                // close only once the fork runs: closed earlier, the fork would end cancelled unrun
                assertTrue(stubbornStarted.await(LONG.toSeconds(), TimeUnit.SECONDS), "the fork never started");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            Thread closer = Thread.ofPlatform().start(() -> {
                scope.close();
                flagAfterClose.set(Thread.currentThread().isInterrupted());
            });
            try {
                await().atMost(LONG).until(() -> closer.getState() == Thread.State.WAITING);
                closer.interrupt();
                release.countDown();
                assertTrue(closer.join(LONG), "close() did not return once its fork had ended");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertTrue(flagAfterClose.get(), "close() must restore the interrupt it received");
            assertAllDead(threads);
        } finally {
            release.countDown(); // a failure above must not leave the stubborn fork running
            scope.close();       // a no-op once the closer closed it; it also forgets the scope on this thread
        }
    }

    @Test
    void joinIsInterruptibleAndTheScopeGoesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (var scope = TaskScope.open()) {
            Task<String> task = scope.fork(() -> {
                release.await();
                return "later";
            });
            Thread.currentThread().interrupt();
            try {
                assertThrows(InterruptedException.class, scope::join);
                assertFalse(Thread.currentThread().isInterrupted(), "the InterruptedException consumed the interrupt");
            } finally {
                Thread.interrupted(); // had join() not thrown, the flag would break every later test on this thread
            }
            assertFalse(task.isDone());
            release.countDown();
            scope.join();
            assertEquals("later", task.await());
        }
    }

    @Test
    void aHundredThousandVirtualForksAllComplete() throws Exception {
        int forks = 100_000;
        AtomicInteger sum = new AtomicInteger();
        try (var scope = TaskScope.open()) {
            for (int i = 0; i < forks; i++) {
                scope.fork(sum::incrementAndGet);
            }
            scope.join();
        }
        assertEquals(forks, sum.get());
    }

    @Test
    void platformForksLeaveNoThreadAfterFailure() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch firstRunning = new CountDownLatch(1);
        try (var scope = TaskScope.builder().threads(ThreadKind.PLATFORM).open()) {
            scope.fork(() -> {
                firstRunning.countDown();
                return parkForever(threads);
            });
            scope.fork(() -> {
                threads.add(Thread.currentThread());
                firstRunning.await(); // fail only once the sibling runs, so it has a thread to stop
                throw new IllegalStateException("fail");
            });
            assertThrows(TaskFailedException.class, scope::join);
        }
        assertEquals(2, threads.size());
        assertAllDead(threads);
    }

    @Test
    void aDefaultForkIsNumberedAndItsThreadIsNamedAfterTheScopeOrAfterTheForkOnATimeline() throws Exception {
        try (var scope = TaskScope.builder().name("numbered").open()) {
            Task<String> first = scope.fork(() -> Thread.currentThread().getName());
            Task<String> named = scope.fork("own", () -> Thread.currentThread().getName());
            Task<String> third = scope.fork(() -> Thread.currentThread().getName());
            scope.join();
            assertEquals("numbered-1", first.name());
            assertEquals("numbered", first.await());
            assertEquals("own", named.name());
            assertEquals("own", named.await());
            assertEquals("numbered-3", third.name(), "a named fork counts too");
        }
        Timeline timeline = Timeline.start();
        try (var scope = TaskScope.builder().name("drawn").timeline(timeline).open()) {
            Task<String> fork = scope.fork(() -> Thread.currentThread().getName());
            scope.join();
            assertEquals("drawn-1", fork.name());
            assertEquals("drawn-1", fork.await());
        }
    }

    @Test
    void timelineRecordsOneSpanPerFork() throws Exception {
        Timeline timeline = Timeline.start();
        try (var scope = TaskScope.builder().timeline(timeline).open()) {
            scope.fork("a", () -> 1);
            scope.fork("b", () -> 2);
            scope.join();
            assertSame(timeline, scope.timeline().orElseThrow());
        }
        assertEquals(List.of("a", "b"), timeline.spans().stream().map(Timeline.Span::name).sorted().toList());
        assertTrue(timeline.spans().stream().allMatch(s -> s.thread().equals(s.name())));
    }

    @Test
    void toStringShowsNameStateAndRunningCount() {
        try (var scope = TaskScope.builder().name("named").open()) {
            assertEquals("TaskScope[named, open, 0 running]", scope.toString());
        }
    }

    @Test
    void aForksThreadIsALiveWeftThreadUntilItEndsAndTheLeakCheckSeesIt() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> forkThread = new AtomicReference<>();
        try (TaskScope scope = TaskScope.open()) {
            scope.fork(() -> {
                forkThread.set(Thread.currentThread());
                return release.await(LONG.toSeconds(), TimeUnit.SECONDS);
            });
            await().atMost(LONG).until(() -> forkThread.get() != null);
            assertTrue(ThreadKind.liveThreads().contains(forkThread.get()), "a running fork is a live weft thread");
            release.countDown();
            scope.join();
        }
        assertFalse(forkThread.get().isAlive(), "close() returned before the fork's thread ended");
        assertFalse(ThreadKind.liveThreads().contains(forkThread.get()));
    }

    @Test
    void aForkThatReplacesItsThreadsHandlerStillRunsAndEnds() throws InterruptedException {
        try (TaskScope scope = TaskScope.open()) {
            Task<Boolean> fork = scope.fork(() -> {
                Thread.currentThread().setUncaughtExceptionHandler((t, e) -> { });
                return TaskScope.current().isEmpty(); // documented: the fork is hidden from current()
            });
            scope.join();
            assertTrue(fork.await());
        }
    }

    @Test
    void aLongLivedScopeDoesNotKeepTheResultsOfEndedForks() throws InterruptedException {
        try (TaskScope scope = TaskScope.open()) {
            java.lang.ref.WeakReference<Object> firstResult = new java.lang.ref.WeakReference<>(
                    scope.fork(Object::new).await()); // the task handle is dropped at once
            for (int i = 0; i < 100; i++) {
                int value = i;
                assertEquals(value, scope.fork(() -> value).await());
            }
            await().atMost(LONG).until(() -> {
                System.gc();
                return firstResult.get() == null;
            });
            scope.join();
            assertEquals(0, scope.runningForks());
        }
    }
}
