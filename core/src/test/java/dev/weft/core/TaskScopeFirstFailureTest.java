package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link TaskScope.Builder#onFirstFailure}: who is told, when, and what. */
@Timeout(60)
class TaskScopeFirstFailureTest {

    private static boolean awaitLong(CountDownLatch latch) throws InterruptedException {
        return latch.await(30, TimeUnit.SECONDS);
    }

    @Test
    void theListenerHearsTheFirstFailureOnceAfterTheOthersWereCancelled() throws Exception {
        List<TaskFailedException> heard = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> listenerThread = new AtomicReference<>();
        Map<String, Thread> failingThreads = new ConcurrentHashMap<>();
        CountDownLatch siblingRunning = new CountDownLatch(1);
        Task<Void> sibling;
        TaskFailedException thrown;
        try (var scope = TaskScope.builder().onFirstFailure(failure -> {
            heard.add(failure);
            listenerThread.set(Thread.currentThread());
        }).open()) {
            sibling = scope.fork("sibling", () -> {
                siblingRunning.countDown();
                new CountDownLatch(1).await();
                return null;
            });
            assertTrue(awaitLong(siblingRunning), "the sibling never started");
            scope.fork("boom", () -> {
                failingThreads.put("boom", Thread.currentThread());
                throw new IllegalStateException("boom");
            });
            scope.fork("boom2", () -> {
                failingThreads.put("boom2", Thread.currentThread());
                throw new IllegalArgumentException("boom2");
            });
            thrown = assertThrows(TaskFailedException.class, scope::join);
        }
        assertEquals(1, heard.size(), "told once, whatever fails later");
        assertSame(thrown, heard.get(0), "the listener gets the failure join() throws");
        // Either fork may fail first: the listener runs on the thread of the one it was told of.
        assertSame(failingThreads.get(thrown.taskName()), listenerThread.get(), "it runs on the failing fork's thread");
        assertTrue(sibling.outcome() instanceof Outcome.Cancelled<?>, "the sibling was cancelled");
    }

    @Test
    void theScopeIsAlreadyCancelledWhenTheListenerRuns() throws Exception {
        AtomicReference<TaskScope> scopeRef = new AtomicReference<>();
        AtomicBoolean cancelledWhenTold = new AtomicBoolean();
        try (var scope = TaskScope.builder()
                .onFirstFailure(failure -> cancelledWhenTold.set(scopeRef.get().isCancelled()))
                .open()) {
            scopeRef.set(scope);
            scope.fork(() -> {
                throw new IllegalStateException("boom");
            });
            assertThrows(TaskFailedException.class, scope::join);
        }
        assertTrue(cancelledWhenTold.get());
    }

    @Test
    void joinReturnsOnlyAfterTheListenerHasRun() throws Exception {
        CountDownLatch listenerEntered = new CountDownLatch(1);
        CountDownLatch letListenerGo = new CountDownLatch(1);
        AtomicBoolean listenerDone = new AtomicBoolean();
        AtomicBoolean doneWhenJoinReturned = new AtomicBoolean();
        TaskScope scope = TaskScope.builder().onFirstFailure(failure -> {
            listenerEntered.countDown();
            try {
                letListenerGo.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listenerDone.set(true);
        }).open();
        try {
            scope.fork(() -> {
                throw new IllegalStateException("boom");
            });
            assertTrue(awaitLong(listenerEntered), "the listener was never called");
            Thread joiner = Thread.ofPlatform().start(() -> {
                try {
                    scope.join();
                } catch (TaskFailedException expected) {
                    doneWhenJoinReturned.set(listenerDone.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            letListenerGo.countDown();
            joiner.join(30_000);
            assertFalse(joiner.isAlive(), "join never returned");
            assertTrue(doneWhenJoinReturned.get(), "join returned before the listener finished");
        } finally {
            letListenerGo.countDown();
            scope.close();
        }
    }

    @Test
    void withFailFastOffTheListenerStillHearsTheFirstFailureAndNothingIsCancelled() throws Exception {
        List<TaskFailedException> heard = new CopyOnWriteArrayList<>();
        Task<String> survivor;
        try (var scope = TaskScope.builder().failFast(false).onFirstFailure(heard::add).open()) {
            CountDownLatch bothFailed = new CountDownLatch(2);
            scope.fork("a", () -> {
                bothFailed.countDown();
                throw new IllegalStateException("a");
            });
            scope.fork("b", () -> {
                bothFailed.countDown();
                throw new IllegalStateException("b");
            });
            survivor = scope.fork("survivor", () -> {
                assertTrue(awaitLong(bothFailed));
                return "still here";
            });
            scope.join();
        }
        assertEquals(1, heard.size());
        assertTrue(heard.get(0).getCause() instanceof IllegalStateException);
        assertEquals("still here", survivor.outcome().getOrThrow());
    }

    @Test
    void noFailureNoCall() throws Exception {
        AtomicBoolean called = new AtomicBoolean();
        try (var scope = TaskScope.builder().onFirstFailure(failure -> called.set(true)).open()) {
            scope.fork(() -> 1);
            scope.fork(() -> 2);
            scope.join();
        }
        assertFalse(called.get());
    }

    @Test
    void whatTheListenerThrowsIsSuppressedOnTheForksException() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        RuntimeException listenerError = new RuntimeException("listener broke");
        TaskFailedException thrown;
        try (var scope = TaskScope.builder().onFirstFailure(failure -> {
            throw listenerError;
        }).open()) {
            scope.fork(() -> {
                throw boom;
            });
            thrown = assertThrows(TaskFailedException.class, scope::join);
        }
        assertSame(boom, thrown.getCause());
        assertEquals(List.of(listenerError), List.of(boom.getSuppressed()));
    }

    @Test
    void badInput() {
        TaskScope.Builder builder = TaskScope.builder();
        assertThrows(NullPointerException.class, () -> builder.onFirstFailure(null));
        builder.onFirstFailure(failure -> { });
        assertThrows(IllegalStateException.class, () -> builder.onFirstFailure(failure -> { }));
    }
}
