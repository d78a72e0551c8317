package dev.weft.samples;

import static org.awaitility.Awaitility.await;

import dev.weft.core.ThreadKind;
import dev.weft.core.Timeline;
import dev.weft.parallel.ProcessPoolOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Runs a cell with captured output, a timeline and a fixed seed, for the tests. */
public final class CellHarness {
    /** The scale the tests run cells at: a notebook second lasts 10 ms. */
    public static final double SCALE = 0.01;

    private CellHarness() {
    }

    /** What a cell printed and recorded. */
    public record Result(String text, Timeline timeline, Duration elapsed) {
        /** {@return the printed lines} */
        public List<String> lines() {
            return text.lines().toList();
        }

        /** {@return the non-blank printed lines} */
        public List<String> nonBlank() {
            return text.lines().filter(l -> !l.isBlank()).toList();
        }

        /** {@return how many lines match} */
        public long count(Predicate<String> line) {
            return text.lines().filter(line).count();
        }
    }

    /**
     * Whether the spans named with {@code concurrentPrefix} ran at the same time: at least two of
     * them overlap, each starting before the other ended. An order of events, not a measure: run
     * one after the other, the spans never overlap, however fast; run together, they all do
     * unless a stall keeps every pair apart, and a single stall cannot (a thread that starts late
     * leaves the others overlapping; the forking thread paused between two forks leaves the
     * later forks overlapping) once there are three spans or more. A ratio of elapsed to summed
     * time, as this once measured, fails on a pause of a tenth of a span.
     */
    public static boolean overlapped(Result result, String concurrentPrefix) {
        return overlapped(result.timeline(), concurrentPrefix);
    }

    /** As {@link #overlapped(Result, String)}, for the spans of {@code timeline}. */
    public static boolean overlapped(Timeline timeline, String concurrentPrefix) {
        List<Timeline.Span> spans = timeline.spans().stream()
                .filter(s -> s.name().startsWith(concurrentPrefix)).toList();
        if (spans.size() < 2) {
            throw new AssertionError("fewer than two spans named " + concurrentPrefix + ": " + spans);
        }
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                if (spans.get(i).overlaps(spans.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs {@code cell} at {@link #SCALE}, seed 7, with the given answers to input(). */
    public static Result run(Cell cell, String... answers) throws Exception {
        return run(cell, SCALE, answers);
    }

    /** Runs {@code cell} at {@code scale}, seed 7, with the given answers to input(). */
    public static Result run(Cell cell, double scale, String... answers) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Timeline timeline = Timeline.start();
        CellContext context = CellContext.builder().out(out).input(LineSource.of(answers)).scale(scale)
                .timeline(timeline).seed(7).build();
        Stopwatch watch = Stopwatch.start();
        cell.run(context);
        Duration elapsed = watch.elapsed();
        out.flush();
        // Structured lifetimes: once a cell returns, every weft thread it started has ended
        // (a thread may still be finishing its last instruction, hence "eventually"). A closed
        // process pool may keep its children for the next pool (ProcessPoolOptions.keepIdleWorkers):
        // those, and a start-up cache's training child, are stopped first, as the leak check does.
        ProcessPoolOptions.closeIdleWorkers();
        await().atMost(Duration.ofSeconds(10)).until(() -> ThreadKind.liveThreads().isEmpty());
        return new Result(bytes.toString(StandardCharsets.UTF_8), timeline, elapsed);
    }
}
