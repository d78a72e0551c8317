package dev.weft.benchmarks.cluster;

import dev.weft.benchmarks.parallel.CalculWhile;
import dev.weft.parallel.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * How much a cluster pool costs next to {@code Pool.processes(2)}, with two workers in all: one
 * local member running two chunks at once, and two local members running one each. For each it measures the start (until a first {@code apply} returns), the notebook's
 * {@code calcul_while} over 100 inputs (its four {@code nombres}, repeated), and 10,000 trivial
 * tasks with the default chunk size and with chunk size 1 (the per-task overhead). A plain main
 * rather than JMH: starting members is part of what is measured, and each backend is set up once.
 *
 * <pre>{@code
 * java -cp "$(cat cp.txt)" dev.weft.benchmarks.cluster.ClusterBenchmark            # 5 rounds, median
 * java -cp "$(cat cp.txt)" dev.weft.benchmarks.cluster.ClusterBenchmark --quick    # 1 round
 * }</pre>
 */
public final class ClusterBenchmark {
    private static final int CALCUL_INPUTS = 100;
    private static final int TRIVIAL_TASKS = 10_000;

    private ClusterBenchmark() {
    }

    /** How to start a backend under test. */
    private interface Backend {
        RunningBackend start();
    }

    private record Row(String backend, Duration start, Duration calcul, Duration trivialDefault, Duration trivialOne) {
    }

    static long calcul(int x) {
        return CalculWhile.run(x);
    }

    static int plusOne(int x) {
        return x + 1;
    }

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args {@code --quick} for one round instead of five
     * @throws Exception if a backend fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = List.of(args).contains("--quick") ? 1 : 5;
        List<Integer> calculInputs = IntStream.range(0, CALCUL_INPUTS)
                .mapToObj(i -> CalculWhile.NOMBRES.get(i % CalculWhile.NOMBRES.size())).toList();
        List<Integer> trivial = IntStream.range(0, TRIVIAL_TASKS).boxed().toList();

        List<Row> rows = new ArrayList<>();
        rows.add(measure("Pool.processes(2)", () -> new PoolHolder(Pool.processes(2)), rounds, calculInputs, trivial));
        rows.add(measure("cluster: 1 member × 2 workers", () -> LocalCluster.start(1, 2), rounds, calculInputs, trivial));
        rows.add(measure("cluster: 2 members × 1 worker", () -> LocalCluster.start(2, 1), rounds, calculInputs, trivial));

        System.out.println("| backend | start (ms) | calcul_while ×100 (ms) | 10,000 trivial, default chunks (ms) "
                + "| 10,000 trivial, chunk size 1 (ms) | per task, chunk size 1 (µs) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f |%n", row.backend(), row.start().toMillis(),
                    row.calcul().toMillis(), row.trivialDefault().toMillis(), row.trivialOne().toMillis(),
                    row.trivialOne().toNanos() / 1_000.0 / TRIVIAL_TASKS);
        }
    }

    /** A plain pool as a running backend. */
    private record PoolHolder(Pool pool) implements RunningBackend {
        @Override
        public void close() {
            pool.close();
        }
    }

    private static Row measure(String name, Backend backend, int rounds, List<Integer> calculInputs,
            List<Integer> trivial) throws Exception {
        long started = System.nanoTime();
        try (RunningBackend running = backend.start()) {
            Pool pool = running.pool();
            pool.apply(ClusterBenchmark::plusOne, 0);
            Duration start = Duration.ofNanos(System.nanoTime() - started);
            pool.map(ClusterBenchmark::plusOne, trivial.subList(0, 2_000), 1); // warm-up
            pool.map(ClusterBenchmark::calcul, CalculWhile.NOMBRES);
            List<Duration> calcul = new ArrayList<>();
            List<Duration> trivialDefault = new ArrayList<>();
            List<Duration> trivialOne = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                calcul.add(time(() -> pool.map(ClusterBenchmark::calcul, calculInputs)));
                trivialDefault.add(time(() -> pool.map(ClusterBenchmark::plusOne, trivial)));
                trivialOne.add(time(() -> pool.map(ClusterBenchmark::plusOne, trivial, 1)));
            }
            return new Row(name, start, median(calcul), median(trivialDefault), median(trivialOne));
        }
    }

    /** A map to time. */
    private interface Timed {
        void run() throws InterruptedException;
    }

    private static Duration time(Timed timed) throws InterruptedException {
        long t0 = System.nanoTime();
        timed.run();
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static Duration median(List<Duration> durations) {
        List<Duration> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
