package dev.weft.benchmarks.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every workload of the notebooks three ways — the Python original, weft, and the raw JDK —
 * each in its own process, several times, and writes the medians, the ratios and a chart into
 * {@code benchmarks/README.md} and {@code benchmarks/compare-chart.svg}. Started by the
 * {@code benchmarks/compare} script:
 *
 * <pre>{@code
 * benchmarks/compare            # the full run, under 15 minutes on 2 cores
 * benchmarks/compare --quick    # smaller sizes, one run each, under 2 minutes
 * }</pre>
 *
 * <p>Every side reports a check value (a sum of its results); a workload whose sides disagree is
 * reported as an error instead of a time.
 */
public final class Compare {
    private static final Pattern TIMES = Pattern.compile("\"times_ms\": \\[([^\\]]*)]");
    private static final Pattern CHECK = Pattern.compile("\"check\": \"([^\"]*)\"");
    private static final Pattern RSS = Pattern.compile("\"peak_rss_kb\": (-?[0-9]+)");

    private Compare() {
    }

    /** One line of the plan: a workload with its parameter, run by every side listed. */
    record Case(String title, String workload, String param, int runs, List<String> sides, String unit, long ops) {
    }

    /** What one side measured. */
    record Result(Case c, String side, double medianMillis, String check, long peakRssKb, String error) {
        double perOpNanos() {
            return medianMillis * 1e6 / c.ops();
        }
    }

    static List<Case> plan(boolean quick) {
        List<Case> plan = new ArrayList<>();
        int runs = quick ? 1 : 5;
        List<Integer> sleepers = quick ? List.of(3, 100, 10_000) : List.of(3, 100, 10_000, 100_000, 1_000_000);
        for (int n : sleepers) {
            plan.add(new Case(String.format(Locale.ROOT, "%,d tasks sleeping 10 ms, gathered", n), "sleep-gather",
                    String.valueOf(n), runs, List.of("python", "weft", "jdk"), "ms", 1));
        }
        plan.add(new Case("calcul_while([5M, 3M, 6M, 10M]), each step folded into a checksum", "calcul_while", "0", runs,
                List.of("python-seq", "python-pool", "jdk-seq", "jdk-pool", "weft-threads", "weft-processes"), "ms", 1));
        String lourdScale = quick ? "2" : "10";
        plan.add(new Case("calcul_lourd(range(n)) at " + lourdScale + "/1000 of the notebook's sizes", "calcul_lourd",
                lourdScale, runs,
                List.of("python-seq", "python-pool", "jdk-seq", "jdk-pool", "weft-threads", "weft-processes"), "ms", 1));
        int tiny = quick ? 10_000 : 100_000;
        plan.add(new Case(String.format(Locale.ROOT, "%,d tiny tasks through a warm process pool of 2 (x + 1)", tiny),
                "tiny-tasks", String.valueOf(tiny), runs,
                List.of("python-pool", "python-pool-chunk1", "weft-processes", "weft-processes-chunk1"), "µs/task", tiny));
        plan.add(new Case("process pool of 2: start to first results", "worker-start", "0", runs,
                List.of("python-pool", "weft-processes"), "ms", 1));
        int ops = quick ? 50_000 : 200_000;
        for (String primitive : List.of("lock", "semaphore", "event", "queue")) {
            for (int threads : List.of(1, 2)) {
                plan.add(new Case(primitive + " operations, " + threads + " thread" + (threads > 1 ? "s" : ""),
                        "sync-" + primitive, threads + "x" + ops, runs, List.of("python", "weft", "jdk"), "ns/op",
                        (long) threads * ops));
            }
        }
        int elements = quick ? 20_000 : 200_000;
        plan.add(new Case(String.format(Locale.ROOT, "producer/consumer: %,d ints through a buffer of 16", elements),
                "producer-consumer", String.valueOf(elements), runs,
                List.of("python-asyncio-queue", "python-pipe", "weft-channel", "jdk-abq"), "ns/element", elements));
        int calls = quick ? 200_000 : 1_000_000;
        plan.add(new Case("a cached call (hit)", "call", String.valueOf(calls), runs,
                List.of("python-lru-hit", "weft-lru-hit", "guava-hit"), "ns/call", calls));
        plan.add(new Case("a timed call", "call", String.valueOf(calls), runs,
                List.of("python-timed", "weft-timed", "jdk-timed"), "ns/call", calls));
        plan.add(new Case("a plain call", "call", String.valueOf(calls), runs,
                List.of("python-plain", "jdk-plain"), "ns/call", calls));
        return plan;
    }

    /**
     * Runs the comparison.
     *
     * @param args {@code [--quick] BENCHMARKS_DIR JAR}
     * @throws Exception if a run cannot be started
     */
    public static void main(String[] args) throws Exception {
        boolean quick = args[0].equals("--quick");
        Path dir = Path.of(args[quick ? 1 : 0]);
        Path jar = Path.of(args[quick ? 2 : 1]);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Result> results = new ArrayList<>();
        long started = System.nanoTime();
        List<Case> plan = plan(quick);
        int i = 0;
        for (Case c : plan) {
            i++;
            for (String side : c.sides()) {
                List<String> command = side.startsWith("python")
                        ? List.of("python3", dir.resolve("python/compare.py").toString(), c.workload(), side, c.param(),
                                String.valueOf(c.runs()))
                        : List.of(java, "-Xmx1500m", "-Dslf4j.internal.verbosity=ERROR", "-cp", jar.toString(), Workloads.class.getName(), c.workload(), side,
                                c.param(), String.valueOf(c.runs()));
                System.out.printf(Locale.ROOT, "[%d/%d %4.0fs] %s — %s%n", i, plan.size(),
                        (System.nanoTime() - started) / 1e9, c.title(), side);
                results.add(run(c, side, command));
            }
        }
        List<Result> checked = Report.checkAgreement(results);
        String machine = Report.describeMachine(java);
        Report.writeReadme(dir.resolve("README.md"), checked, machine, quick);
        Files.writeString(dir.resolve("compare-chart.svg"), Report.chart(checked), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "Done in %.0f s: %s and %s%n", (System.nanoTime() - started) / 1e9,
                dir.resolve("README.md"), dir.resolve("compare-chart.svg"));
    }

    static Result run(Case c, String side, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Matcher times = TIMES.matcher(output);
        Matcher check = CHECK.matcher(output);
        Matcher rss = RSS.matcher(output);
        if (exit != 0 || !times.find() || !check.find() || !rss.find()) {
            String tail = output.length() > 400 ? output.substring(output.length() - 400) : output;
            return new Result(c, side, Double.NaN, "", -1, "exit " + exit + ": " + tail.strip());
        }
        List<Double> values = new ArrayList<>();
        for (String t : times.group(1).split(",")) {
            values.add(Double.parseDouble(t.trim()));
        }
        return new Result(c, side, Report.median(values), check.group(1), Long.parseLong(rss.group(1)), null);
    }
}
