package dev.weft.reliability.structure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.async.Async;
import dev.weft.async.TaskGroup;
import dev.weft.async.TaskGroupException;
import dev.weft.core.Task;
import dev.weft.core.TaskFailedException;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17, item 5, across {@code async} and {@code parallel}: {@code Pool.applyAsync},
 * {@code mapAsync} and {@code imap} started inside a {@link TaskGroup} or {@link Async#run}
 * belong to it. When the group is cancelled (a sibling task fails) or {@code run}'s main returns
 * or throws, what the pool still runs is cancelled and awaited: the pool is idle at once, its
 * workers are free for the next call, and no thread or child JVM is left (testkit's leak check).
 * When the group ends normally, it waits for the pool work, which completes.
 */
class PoolWorkInAsyncScopesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The backends: two workers each, children with a small heap. */
    enum Backend {
        THREADS(() -> Pool.threads(2)),
        PROCESSES(() -> Pool.processes(ProcessPoolOptions.builder().workers(2).jvmArgs(List.of("-Xmx64m"))
                .stdout(line -> { }).stderr(line -> { }).build()));

        private final Supplier<Pool> make;

        Backend(Supplier<Pool> make) {
            this.make = make;
        }

        Pool pool() {
            return make.get();
        }
    }

    /** Never opens: a task waiting on it ends only when it is stopped. */
    static final CountDownLatch NEVER = new CountDownLatch(1);

    /** Waits far longer than any test: only an interrupt (or a killed JVM) ends it. */
    static int blockLong(int x) {
        try {
            if (!NEVER.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("ran its full minute: nothing stopped it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped", e);
        }
        return x;
    }

    static int square(int x) {
        return x * x;
    }

    /** The pool work a test starts inside a scope, to look at once the scope has ended. */
    private static final class Started {
        Task<Integer> task;
        CompletableFuture<List<Integer>> many;
        Iterator<Integer> results;

        void startBlocking(Pool pool) {
            task = pool.applyAsync(PoolWorkInAsyncScopesTest::blockLong, 1);
            many = pool.mapAsync(PoolWorkInAsyncScopesTest::blockLong, List.of(1, 2, 3), 1);
            results = pool.imap(PoolWorkInAsyncScopesTest::blockLong, List.of(1, 2, 3));
            assertTrue(results.hasNext()); // reads input: its chunks go out
        }

        /** Everything was cancelled and awaited: nothing is in flight, and the pool serves again. */
        void assertStopped(Pool pool) throws Exception {
            // Every chunk has reported once the scope has ended, and its task, future and
            // iterator have ended cancelled.
            assertTrue(task.isCancelled(), "the applyAsync task ends cancelled");
            assertTrue(many.isCancelled(), "the mapAsync future ends cancelled");
            assertThrows(CancellationException.class, results::next, "the imap iterator ends cancelled");
            // The pool counts a chunk out just after it has delivered the chunk's outcomes (which
            // is what lets the scope end), so isIdle() may lag the scope's end by that moment.
            await().atMost(PATIENCE).until(pool::isIdle);
            // Both workers are free again (a stopped child JVM was replaced): two tasks run at once.
            Task<Integer> a = pool.applyAsync(PoolWorkInAsyncScopesTest::square, 3);
            Task<Integer> b = pool.applyAsync(PoolWorkInAsyncScopesTest::square, 4);
            assertEquals(9, a.await(PATIENCE));
            assertEquals(16, b.await(PATIENCE));
            // A result can reach its task a moment before the pool counts its chunk done.
            await().atMost(PATIENCE).until(pool::isIdle);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSiblingFailureInATaskGroupCancelsThePoolWork(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            Started started = new Started();
            TaskGroupException failed = assertThrows(TaskGroupException.class, () -> TaskGroup.run(group -> {
                started.startBlocking(pool);
                group.createTask("fails", () -> {
                    throw new IllegalStateException("a sibling fails");
                });
                // The failure interrupts the body; if nothing did, the test fails on its asserts below.
                return NEVER.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }));
            assertInstanceOf(IllegalStateException.class, failed.getCause());
            assertEquals("a sibling fails", failed.getCause().getMessage());
            started.assertStopped(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTaskGroupCancelledFromOutsideCancelsThePoolWork(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            Started started = new Started();
            try (TaskGroup group = TaskGroup.open()) {
                started.startBlocking(pool);
                group.cancel();
            }
            started.assertStopped(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTaskGroupThatEndsWaitsForThePoolWork(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            AtomicReference<Task<Integer>> task = new AtomicReference<>();
            AtomicReference<CompletableFuture<List<Integer>>> many = new AtomicReference<>();
            TaskGroup.run(group -> {
                task.set(pool.applyAsync(PoolWorkInAsyncScopesTest::square, 5));
                many.set(pool.mapAsync(PoolWorkInAsyncScopesTest::square, List.of(1, 2, 3), 1));
                return null;
            });
            assertTrue(task.get().isDone(), "the group waited for the task");
            assertTrue(many.get().isDone(), "the group waited for the future");
            assertEquals(25, task.get().await(PATIENCE));
            assertEquals(List.of(1, 4, 9), many.get().get(30, TimeUnit.SECONDS));
            await().atMost(PATIENCE).until(pool::isIdle);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void poolWorkStillRunningWhenAsyncRunsMainReturnsIsCancelled(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            Started started = new Started();
            assertEquals("main done", Async.run(() -> {
                started.startBlocking(pool);
                return "main done";
            }));
            started.assertStopped(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void poolWorkStillRunningWhenAsyncRunsMainThrowsIsCancelled(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            Started started = new Started();
            TaskFailedException failed = assertThrows(TaskFailedException.class, () -> Async.run(() -> {
                started.startBlocking(pool);
                throw new IllegalStateException("main fails");
            }));
            assertEquals("main fails", failed.getCause().getMessage());
            started.assertStopped(pool);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTaskGroupInsideAsyncRunOwnsThePoolWorkStartedInIt(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            Started started = new Started();
            Async.run(() -> {
                assertThrows(TaskGroupException.class, () -> TaskGroup.run(group -> {
                    started.startBlocking(pool);
                    group.createTask("fails", () -> {
                        throw new IllegalStateException("a sibling fails");
                    });
                    return NEVER.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                }));
                started.assertStopped(pool); // at the group's end, inside run
                return null;
            });
            await().atMost(PATIENCE).until(pool::isIdle);
        }
    }
}
