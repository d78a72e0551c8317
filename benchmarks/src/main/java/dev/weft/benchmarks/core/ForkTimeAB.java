package dev.weft.benchmarks.core;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link TaskScopeForkBenchmark}'s two sides alternated round after round in one JVM: the ratio
 * of a trivial fork's cost to the raw virtual-thread executor's, measured so that a shared
 * machine's drift falls on both sides alike. On the 2-core machines here JMH's iterations of the
 * same benchmark spread 2× (the heap's pages are reclaimed between collections and fault in again),
 * which hides a 10 % change; the median of alternated rounds in a heap of fixed size does not.
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar dev.weft.benchmarks.core.ForkTimeAB [rounds] [tasks]
 * java -cp benchmarks/target/benchmarks.jar dev.weft.benchmarks.core.ForkTimeAB first
 * }</pre>
 *
 * <p>Each round times, for each side, the loop that forks (or submits) {@code tasks} trivial
 * tasks, the forking thread's CPU time in that loop, and the whole round: the loop, the wait for
 * every task, and the results read. The medians over the rounds are printed, after 40 rounds of
 * warm-up. With {@code first}, it times instead this JVM's first scope: open, one fork, join and
 * the result read, from the first weft class loaded (run it in a fresh JVM each time).
 */
public final class ForkTimeAB {
    private static final int WARM_UP_ROUNDS = 40;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ForkTimeAB() {
    }

    /**
     * Runs the rounds and prints the medians, or times this JVM's first scope.
     *
     * @param args {@code [rounds] [tasks]} (100 and 100,000 if not given), or {@code first}
     * @throws Exception if a task failed or the thread was interrupted
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("first")) {
            long start = System.nanoTime();
            int value = firstScope();
            System.out.printf(Locale.ROOT, "first scope: %.2f ms (%d)%n", (System.nanoTime() - start) / 1e6, value);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        if (rounds < 1 || tasks < 1) {
            throw new IllegalArgumentException("rounds and tasks must be 1 or more: " + rounds + ", " + tasks);
        }
        double[][] weft = new double[3][rounds];
        double[][] raw = new double[3][rounds];
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            double[] w = weftRound(tasks);
            double[] r = rawRound(tasks);
            if (round >= 0) {
                for (int k = 0; k < 3; k++) {
                    weft[k][round] = w[k];
                    raw[k][round] = r[k];
                }
            }
        }
        String[] names = {"round (ms)", "fork loop (ms)", "forking thread's CPU in the loop (ms)"};
        System.out.printf(Locale.ROOT, "%d tasks, %d rounds, medians (JDK %s)%n", tasks, rounds, Runtime.version());
        for (int k = 0; k < 3; k++) {
            double wm = median(weft[k]);
            double rm = median(raw[k]);
            System.out.printf(Locale.ROOT, "%-40s weft %8.2f  raw %8.2f  weft/raw %.3f%n", names[k], wm, rm, wm / rm);
        }
    }

    private static int firstScope() throws InterruptedException {
        try (TaskScope scope = TaskScope.open()) {
            Task<Integer> fork = scope.fork(() -> 42);
            scope.join();
            return fork.await();
        }
    }

    /** {@return the round's time, its fork loop's time and the forking thread's CPU time in it, in ms} */
    private static double[] weftRound(int tasks) throws InterruptedException {
        List<Task<Integer>> forks = new ArrayList<>(tasks);
        long start = System.nanoTime();
        long cpu;
        long looped;
        try (TaskScope scope = TaskScope.open()) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < tasks; i++) {
                int value = i;
                forks.add(scope.fork(() -> value));
            }
            cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            looped = System.nanoTime();
            scope.join();
        }
        long sum = 0;
        for (Task<Integer> fork : forks) {
            sum += fork.await();
        }
        return times(start, looped, cpu, sum, tasks);
    }

    private static double[] rawRound(int tasks) throws InterruptedException, ExecutionException {
        List<Future<Integer>> futures = new ArrayList<>(tasks);
        long start = System.nanoTime();
        long cpu;
        long looped;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < tasks; i++) {
                int value = i;
                futures.add(executor.submit(() -> value));
            }
            cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            looped = System.nanoTime();
        }
        long sum = 0;
        for (Future<Integer> future : futures) {
            sum += future.get();
        }
        return times(start, looped, cpu, sum, tasks);
    }

    private static double[] times(long start, long looped, long cpu, long sum, int tasks) {
        if (sum != (long) tasks * (tasks - 1) / 2) {
            throw new IllegalStateException("wrong sum of results: " + sum);
        }
        long end = System.nanoTime();
        return new double[] {(end - start) / 1e6, (looped - start) / 1e6, cpu / 1e6};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
