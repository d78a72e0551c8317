package dev.weft.cluster.context;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cluster.ClusterPool;
import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.core.internal.ForkContext;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.context.TenantAccessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Issue 17 on a cluster pool (an embedded member, in this JVM so that the test sees its threads):
 * the caller's MDC and registered thread-local are installed around the chunk on the member and
 * removed after it; a chunk still running at its caller's deadline is cancelled on its member
 * (its thread interrupted) and fails with a {@link TimeoutException}; an {@code applyAsync}
 * started in a scope is cancelled on its member when the scope closes.
 */
class ClusterContextTest {
    static final CountDownLatch NEVER = new CountDownLatch(1);
    static volatile CountDownLatch interrupted = new CountDownLatch(1);

    static String seen(int ignored) {
        return MDC.get("requestId") + "/" + TenantAccessor.TENANT.get() + "/"
                + ForkContext.capture().deadline().map(Instant::toString).orElse("none");
    }

    static int blockLong(int x) {
        try {
            if (!NEVER.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("ran its full minute: nothing cancelled it");
            }
        } catch (InterruptedException e) {
            interrupted.countDown();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cancelled on the member", e);
        }
        return x;
    }

    private static <T> T underDeadline(Instant deadline, java.util.concurrent.Callable<T> body) throws Exception {
        ForkContext.Restore restore = ForkContext.capture().withDeadline(deadline).install();
        try {
            return body.call();
        } finally {
            restore.close();
        }
    }

    @Test
    void theCallersContextRunsWithTheChunkOnTheMemberAndStaysThere() throws Exception {
        try (ClusterPool pool = ClusterPool.embedded()) {
            Instant deadline = Instant.now().plusSeconds(600);
            MDC.put("requestId", "req-17");
            TenantAccessor.TENANT.set("tenant-a");
            try {
                assertEquals("req-17/tenant-a/" + deadline, underDeadline(deadline, () -> pool.apply(ClusterContextTest::seen, 0)));
                assertEquals(List.of("req-17/tenant-a/none", "req-17/tenant-a/none"),
                        pool.map(ClusterContextTest::seen, List.of(1, 2), 1));
            } finally {
                MDC.clear();
                TenantAccessor.TENANT.remove();
            }
            // The member's threads kept nothing of it.
            List<String> clean = pool.map(ClusterContextTest::seen, List.of(1, 2, 3, 4, 5, 6, 7, 8), 1);
            assertEquals(List.of("null/null/none"), clean.stream().distinct().toList());
        }
    }

    @Test
    void aChunkRunningAtItsDeadlineIsCancelledOnItsMember() throws Exception {
        interrupted = new CountDownLatch(1);
        try (ClusterPool pool = ClusterPool.embedded()) {
            ParallelExecutionException e = assertThrows(ParallelExecutionException.class, () -> underDeadline(
                    Instant.now().plusMillis(500), () -> pool.apply(ClusterContextTest::blockLong, 1)));
            assertInstanceOf(TimeoutException.class, e.getCause());
            assertTrue(interrupted.await(30, TimeUnit.SECONDS), "the member's thread was interrupted");
            assertEquals(List.of(1, 2), pool.map(x -> x, List.of(1, 2)), "the pool goes on");
        }
    }

    @Test
    void anApplyAsyncStartedInAScopeIsCancelledOnItsMemberWhenTheScopeCloses() throws Exception {
        interrupted = new CountDownLatch(1);
        try (ClusterPool pool = ClusterPool.embedded()) {
            Task<Integer> task;
            try (TaskScope scope = TaskScope.open()) {
                task = pool.applyAsync(ClusterContextTest::blockLong, 1);
            }
            assertTrue(task.isCancelled());
            // the scope ended once the outcome was delivered; the pool counts the chunk out just after
            await().atMost(Duration.ofSeconds(30)).until(pool::isIdle);
        }
    }
}
