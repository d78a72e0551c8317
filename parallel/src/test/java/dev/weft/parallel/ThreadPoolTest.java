package dev.weft.parallel;

import dev.weft.parallel.contract.PoolContractTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@link Pool} contract on {@link Pool#threads(int)}, plus what is particular to ForkJoin. */
class ThreadPoolTest extends PoolContractTest {

    @Override
    protected Pool newPool(int workers) {
        return Pool.threads(workers);
    }

    @Override
    protected boolean serializesValues() {
        return false; // the workers are threads of this JVM: inputs and results are not copied
    }

    @Test
    void tasksRunOnThePoolsOwnNamedThreads() throws InterruptedException {
        List<String> names = pool.map(x -> Thread.currentThread().getName(), range(8), 1);
        assertTrue(names.stream().allMatch(n -> n.startsWith("weft-threads-")), names.toString());
    }

    @Test
    void workersRunInParallel() throws InterruptedException {
        CyclicBarrier barrier = new CyclicBarrier(WORKERS);
        List<Integer> arrivals = pool.map(x -> {
            try {
                return barrier.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, range(WORKERS), 1);
        assertEquals(WORKERS, arrivals.stream().distinct().count());
    }

    @Test
    void aNestedMapInsideATaskDoesNotDeadlock() {
        Pool threads = pool;
        List<Integer> sums = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> threads.map(x -> {
            try {
                return threads.map(y -> x * 10 + y, range(4), 1).stream().mapToInt(Integer::intValue).sum();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, range(8), 1));
        assertEquals(range(8).stream().map(x -> 40 * x + 6).toList(), sums);
    }

    @Test
    void nestingThreeLevelsDeepWithBlockedWorkersDoesNotDeadlock() {
        Pool threads = pool;
        List<Integer> results = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> threads.map(a -> {
            try {
                return threads.map(b -> {
                    try {
                        return threads.map(c -> a + b + c, range(3), 1).size();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, range(3), 1).stream().mapToInt(Integer::intValue).sum();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, range(6), 1));
        assertEquals(List.of(9, 9, 9, 9, 9, 9), results);
    }

    @Test
    void aNestedImapInsideATaskDoesNotDeadlock() {
        Pool threads = pool;
        List<Integer> counts = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> threads.map(x -> {
            int count = 0;
            var it = threads.imap(y -> y, range(5));
            while (it.hasNext()) {
                count += it.next() >= 0 ? 1 : 0;
            }
            return count;
        }, range(6), 1));
        assertEquals(List.of(5, 5, 5, 5, 5, 5), counts);
    }

    @Test
    void exceptionsAreTheOriginalObjects() {
        IllegalStateException original = new IllegalStateException("same object");
        ParallelExecutionException e = assertThrows(ParallelExecutionException.class,
                () -> pool.map(x -> { throw original; }, List.of(1)));
        assertEquals(original, e.getCause());
    }

    @Test
    void closeFromInsideATaskIsRefused() throws Exception {
        Pool threads = pool;
        Task<String> task = pool.applyAsync(x -> {
            try {
                threads.close();
                return "closed";
            } catch (IllegalStateException e) {
                return "refused";
            }
        }, 1);
        assertEquals("refused", task.await(Duration.ofMinutes(1)));
    }

    @Test
    void terminateInterruptsRunningTasks() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Task<Integer> task = pool.applyAsync(x -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
                return 0;
            } catch (InterruptedException e) {
                interrupted.countDown();
                return 1;
            }
        }, 1);
        assertTrue(started.await(30, TimeUnit.SECONDS));
        pool.terminate();
        assertTrue(interrupted.await(30, TimeUnit.SECONDS));
        assertTrue(task.isCancelled());
        assertThrows(java.util.concurrent.CancellationException.class, () -> task.await(Duration.ofMinutes(1)));
    }
}
