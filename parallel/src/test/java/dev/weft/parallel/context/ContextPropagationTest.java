package dev.weft.parallel.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.core.internal.ForkContext;
import dev.weft.parallel.JvmProcess;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Issue 17 on the pool backends of this module: the caller's MDC and a registered thread-local
 * ({@link TenantAccessor}) read back inside the tasks of a thread pool, a process pool and a
 * {@link JvmProcess}; nothing leaks back to the caller or into the next task; a deadline travels
 * with the task and stops it; work started inside a scope ends with it.
 */
class ContextPropagationTest {

    /** The backends of the table. */
    enum Backend {
        THREADS(Pool::threads),
        PROCESSES(Pool::processes);

        private final IntFunction<Pool> make;

        Backend(IntFunction<Pool> make) {
            this.make = make;
        }

        Pool pool() {
            return make.apply(2);
        }
    }

    /** Stopped threads tasks wait here: it never opens. */
    static final CountDownLatch NEVER = new CountDownLatch(1);

    static String seen(int ignored) {
        return MDC.get("requestId") + "/" + TenantAccessor.TENANT.get();
    }

    static String changeAndSee(int ignored) {
        String before = seen(ignored);
        MDC.put("requestId", "changed-by-task");
        TenantAccessor.TENANT.set("changed-by-task");
        return before;
    }

    static String deadlineSeen(int ignored) {
        return ForkContext.capture().deadline().map(Instant::toString).orElse("none");
    }

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

    private static void inCallerContext(ThrowingRunnable body) throws Exception {
        MDC.put("requestId", "req-17");
        TenantAccessor.TENANT.set("tenant-a");
        try {
            body.run();
            assertEquals("req-17", MDC.get("requestId"), "no leak back into the caller's MDC");
            assertEquals("tenant-a", TenantAccessor.TENANT.get(), "no leak back into the caller's thread-local");
        } finally {
            MDC.clear();
            TenantAccessor.TENANT.remove();
        }
    }

    /** Runs {@code body} under {@code deadline}, as code inside a scope with that deadline runs. */
    private static void underDeadline(Instant deadline, ThrowingRunnable body) throws Exception {
        ForkContext.Restore restore = ForkContext.capture().withDeadline(deadline).install();
        try {
            body.run();
        } finally {
            restore.close();
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theCallersContextIsInstalledAroundEveryTask(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            inCallerContext(() -> {
                assertEquals("req-17/tenant-a", pool.apply(ContextPropagationTest::seen, 0));
                assertEquals(List.of("req-17/tenant-a", "req-17/tenant-a", "req-17/tenant-a"),
                        pool.map(ContextPropagationTest::changeAndSee, List.of(1, 2, 3), 1));
                assertEquals("req-17/tenant-a", pool.applyAsync(ContextPropagationTest::seen, 0).await());
                assertEquals(List.of("req-17/tenant-a"), pool.mapAsync(ContextPropagationTest::seen, List.of(0))
                        .get(30, TimeUnit.SECONDS));
                Iterator<String> lazy = pool.imap(ContextPropagationTest::seen, List.of(1, 2));
                assertEquals("req-17/tenant-a", lazy.next());
                assertEquals("req-17/tenant-a", lazy.next());
            });
            // A caller with no context: the workers that ran the tasks above kept nothing of them.
            List<String> clean = pool.map(ContextPropagationTest::seen, IntStream.range(0, 8).boxed().toList(), 1);
            assertEquals(List.of("null/null"), clean.stream().distinct().toList(), "the workers were restored");
        }
    }

    @Test
    void aJvmProcessRunsInItsCallersContext() throws Exception {
        inCallerContext(() -> {
            JvmProcess<String> process = JvmProcess.start(ContextPropagationTest::seen, 0);
            assertEquals("req-17/tenant-a", process.result());
        });
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theDeadlineTravelsWithTheTask(Backend backend) throws Exception {
        Instant deadline = Instant.now().plusSeconds(600);
        try (Pool pool = backend.pool()) {
            underDeadline(deadline, () -> assertEquals(deadline.toString(), pool.apply(ContextPropagationTest::deadlineSeen, 0)));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTaskStillRunningAtItsDeadlineIsStoppedAndFailsWithATimeout(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                Throwable[] caught = new Throwable[1];
                try {
                    underDeadline(Instant.now().plusMillis(500),
                            () -> pool.map(ContextPropagationTest::blockLong, List.of(1, 2), 1));
                } catch (ParallelExecutionException e) {
                    caught[0] = e.getCause();
                } catch (Exception e) {
                    caught[0] = e;
                }
                return caught[0];
            });
            Throwable cause = failure.get(30, TimeUnit.SECONDS); // a minute if the deadline did not stop it
            assertInstanceOf(TimeoutException.class, cause, "the task's failure");
            assertTrue(cause.getMessage().contains("deadline"), cause.getMessage());
            // The workers that ran them were stopped (a child JVM replaced): the pool goes on.
            assertEquals(List.of(4, 9), pool.map(ContextPropagationTest::square, List.of(2, 3)));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDeadlineAlreadyPassedRunsNothing(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            underDeadline(Instant.now().minusSeconds(1), () -> {
                ParallelExecutionException e = assertThrows(ParallelExecutionException.class,
                        () -> pool.apply(ContextPropagationTest::blockLong, 1));
                assertInstanceOf(TimeoutException.class, e.getCause());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAsyncCallStartedInAScopeEndsWithTheScope(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            Task<Integer> task;
            CompletableFuture<List<Integer>> many;
            try (TaskScope scope = TaskScope.open()) {
                task = pool.applyAsync(ContextPropagationTest::blockLong, 1);
                many = pool.mapAsync(ContextPropagationTest::blockLong, List.of(1, 2, 3), 1);
            } // close() cancels what the scope still runs, the pool's work too, and waits for it
            assertTrue(task.isCancelled(), "the task ends cancelled");
            assertTrue(many.isCancelled(), "the future ends cancelled");
            assertTrue(pool.isIdle(), "no chunk of them is left in flight");
            assertEquals(4, (int) pool.apply(ContextPropagationTest::square, 2), "the pool goes on");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anIteratorMadeInAScopeEndsWithTheScope(Backend backend) throws Exception {
        try (Pool pool = backend.pool()) {
            Iterator<Integer> results;
            try (TaskScope scope = TaskScope.open()) {
                results = pool.imap(ContextPropagationTest::blockLong, List.of(1, 2, 3));
                assertTrue(results.hasNext()); // reads input: chunks go out
            }
            assertTrue(pool.isIdle(), "no chunk of it is left in flight");
            CancellationException e = assertThrows(CancellationException.class, results::next);
            assertTrue(e.getMessage().contains("scope"), e.getMessage());
        }
    }

    @Test
    void aScopeJoinWaitsForThePoolWorkStartedInIt() throws Exception {
        try (Pool pool = Pool.threads(2)) {
            Task<Integer> task;
            try (TaskScope scope = TaskScope.open()) {
                task = pool.applyAsync(x -> x + 1, 41);
                scope.join();
                assertTrue(task.isDone(), "join waited for it");
            }
            assertEquals(42, task.await(Duration.ofSeconds(30)));
            assertNull(MDC.get("requestId"));
        }
    }
}
