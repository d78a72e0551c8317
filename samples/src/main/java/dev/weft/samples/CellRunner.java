package dev.weft.samples;

import dev.weft.core.Timeline;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a list of cells one after the other, as the launcher does: a header per cell (cell i of N,
 * time elapsed so far), the cell's output, its duration, and when asked its timeline: an SVG file
 * and the same chart in ASCII, with the spans the cell recorded (its sequential and concurrent
 * runs) and the whole cell as a first span. When a concurrent cell runs after its
 * {@linkplain Cell#sequentialCounterpart() sequential counterpart}, a third chart shows both runs
 * one after the other ({@code <id>.comparison.svg}).
 *
 * <pre>{@code
 * CellRunner runner = new CellRunner(options, System.out, System.err, LineSource.none());
 * int failures = runner.runAll(List.of(new SemaphoreSample()));
 * }</pre>
 *
 * <p>A cell that fails is reported (with its stack trace on the error stream) and the others
 * still run; an interrupt stops the run after the current cell.
 */
public final class CellRunner {
    /** Width of the ASCII timeline, in characters. */
    public static final int ASCII_WIDTH = 60;

    private static final Logger LOG = LoggerFactory.getLogger(CellRunner.class);

    private final LaunchOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final LineSource input;
    private final Map<String, Timeline> timelines = new HashMap<>();

    /**
     * Creates a runner.
     *
     * @param options scale, timeline directory, online, seed
     * @param out where cells and headers print
     * @param err where failures are reported
     * @param input the answers to {@code input()}
     */
    public CellRunner(LaunchOptions options, PrintStream out, PrintStream err, LineSource input) {
        this.options = Objects.requireNonNull(options, "options");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.input = Objects.requireNonNull(input, "input");
    }

    /**
     * Runs {@code cells} in order.
     *
     * @param cells the cells
     * @return how many failed
     */
    public int runAll(List<Cell> cells) {
        // The first log call sets up logback (over half a second on a busy machine); made here, it
        // is not charged to the first cell whose library code logs.
        LOG.debug("running {} cells at scale {}", cells.size(), options.scale());
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            out.printf(Locale.ROOT, "%n=== [%d/%d] %s — %s (écoulé %s) ===%n", i + 1, cells.size(),
                    cell.id(), cell.title(), seconds(Duration.ofNanos(System.nanoTime() - start)));
            if (!runOne(cell)) {
                failed.add(cell.id());
            }
            if (Thread.currentThread().isInterrupted()) {
                out.println("Interrompu: les cellules suivantes ne sont pas lancées.");
                break;
            }
        }
        out.printf(Locale.ROOT, "%n%d cellule(s) en %s%s%n", cells.size(),
                seconds(Duration.ofNanos(System.nanoTime() - start)),
                failed.isEmpty() ? "" : ", en échec: " + String.join(", ", failed));
        return failed.size();
    }

    private boolean runOne(Cell cell) {
        Timeline timeline = options.timelineDir() == null ? null : Timeline.start();
        CellContext.Builder builder = CellContext.builder().out(out).input(input).scale(options.scale())
                .timeline(timeline).online(options.online());
        if (options.seed() != null) {
            builder.seed(options.seed());
        }
        long began = System.nanoTime();
        // The whole cell is one span too, so every cell gets a chart, its total in the first row.
        Timeline.OpenSpan whole = timeline == null ? null : timeline.span("total: " + cell.id());
        boolean ok;
        try {
            cell.run(builder.build());
            ok = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("--- " + cell.id() + " interrompue");
            return false;
        } catch (Exception | AssertionError e) {
            err.println("--- " + cell.id() + " a échoué:");
            e.printStackTrace(err);
            ok = false;
        } finally {
            if (whole != null) {
                whole.close();
            }
        }
        out.printf(Locale.ROOT, "--- %s : %s%n", cell.id(), seconds(Duration.ofNanos(System.nanoTime() - began)));
        if (timeline != null) {
            timelines.put(cell.id(), timeline);
            writeTimeline(cell.id() + ".svg", timeline);
            cell.sequentialCounterpart().map(timelines::get).ifPresent(sequential ->
                    writeTimeline(cell.id() + ".comparison.svg", Comparison.of(sequential, timeline)));
        }
        return ok;
    }

    private void writeTimeline(String fileName, Timeline timeline) {
        Path svg = options.timelineDir().resolve(fileName);
        try {
            timeline.writeSvg(svg);
        } catch (IOException e) {
            err.println("--- chronologie non écrite: " + svg + ": " + e);
            return;
        }
        out.println("Chronologie " + svg + " :");
        out.print(timeline.renderAscii(ASCII_WIDTH));
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }
}
