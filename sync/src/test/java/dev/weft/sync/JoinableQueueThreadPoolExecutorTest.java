package dev.weft.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code JoinableQueue<Runnable>} as the work queue of a {@link ThreadPoolExecutor} (core 2,
 * max 2): the executor uses {@code offer}, {@code take}, {@code poll(timeout)}, {@code remove},
 * {@code drainTo} and {@code isEmpty}, so this checks that they keep their JDK contract together.
 */
class JoinableQueueThreadPoolExecutorTest {
    private static final long LONG_SECONDS = 30;
    private static final int TASKS = 200 * Integer.getInteger("weft.stress.factor", 1);

    private ThreadPoolExecutor pool;

    private ThreadPoolExecutor start(JoinableQueue<Runnable> queue, RejectedExecutionHandler onFull) {
        pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, queue, onFull);
        return pool;
    }

    @AfterEach
    void stopThePool() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(LONG_SECONDS, TimeUnit.SECONDS), "the pool's threads did not end");
        }
    }

    private void runsEveryTask(JoinableQueue<Runnable> queue) throws InterruptedException {
        ThreadPoolExecutor p = start(queue, new ThreadPoolExecutor.CallerRunsPolicy());
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(TASKS);
        for (int i = 0; i < TASKS; i++) {
            p.execute(() -> {
                ran.incrementAndGet();
                done.countDown();
            });
        }
        assertTrue(done.await(LONG_SECONDS, TimeUnit.SECONDS), () -> "only " + ran.get() + " tasks ran");
        p.shutdown();
        assertTrue(p.awaitTermination(LONG_SECONDS, TimeUnit.SECONDS), "the pool did not end");
        assertEquals(TASKS, ran.get(), "every task ran once, in the pool or (bounded and full) in the caller");
        assertTrue(queue.isEmpty());
    }

    @Test
    void an_unbounded_queue_runs_every_task() throws InterruptedException {
        JoinableQueue<Runnable> queue = JoinableQueue.fifo();
        runsEveryTask(queue);
        assertEquals(Integer.MAX_VALUE, queue.remainingCapacity());
    }

    @Test
    void a_bounded_queue_runs_every_task() throws InterruptedException {
        runsEveryTask(JoinableQueue.fifo(4));
    }

    @Test
    void a_full_bounded_queue_rejects_and_shutdownNow_returns_the_queued_tasks() throws InterruptedException {
        JoinableQueue<Runnable> queue = JoinableQueue.fifo(3);
        ThreadPoolExecutor p = start(queue, new ThreadPoolExecutor.AbortPolicy());
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            p.execute(() -> {
                started.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                }
            });
        }
        assertTrue(started.await(LONG_SECONDS, TimeUnit.SECONDS), "the two workers did not start");
        Runnable first = () -> { };
        Runnable second = () -> { };
        Runnable third = () -> { };
        p.execute(first);
        p.execute(second);
        p.execute(third);
        assertEquals(0, queue.remainingCapacity());
        assertThrows(RejectedExecutionException.class, () -> p.execute(() -> { }), "the queue is full");
        assertEquals(3, queue.size(), "the rejected task was not queued");
        assertEquals(3, queue.unfinishedTasks());

        assertTrue(p.remove(second), "ThreadPoolExecutor.remove uses the queue's remove(Object)");
        assertEquals(2, queue.unfinishedTasks(), "a removed task is a discard: counted done");

        List<Runnable> notRun = p.shutdownNow();
        assertEquals(2, notRun.size());
        assertSame(first, notRun.get(0), "drainTo hands them out head first");
        assertSame(third, notRun.get(1));
        assertTrue(queue.isEmpty());
        assertTrue(p.awaitTermination(LONG_SECONDS, TimeUnit.SECONDS), "the workers did not end");
        assertEquals(2, interrupted.get(), "shutdownNow interrupted the running tasks");
        assertEquals(2, queue.unfinishedTasks(), "drained tasks are gets, not discards");
    }

    @Test
    void idle_workers_time_out_on_a_timed_poll() {
        JoinableQueue<Runnable> queue = JoinableQueue.fifo();
        ThreadPoolExecutor p = start(queue, new ThreadPoolExecutor.AbortPolicy());
        // Started before the 1 ms time-out is set: set first, a worker could time out while
        // prestartAllCoreThreads is still adding workers, and it would add a third, a fourth...
        assertEquals(2, p.prestartAllCoreThreads());
        p.setKeepAliveTime(1, TimeUnit.MILLISECONDS);
        p.allowCoreThreadTimeOut(true);
        await().atMost(Duration.ofSeconds(LONG_SECONDS)).until(() -> p.getPoolSize() == 0);
        assertFalse(p.isShutdown());
    }
}
