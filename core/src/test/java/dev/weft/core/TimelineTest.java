package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {

    /** A bar of the ASCII chart: the half-open column range covered by '#'. */
    private record Bar(String name, int from, int to) {
        boolean overlaps(Bar other) {
            return from < other.to && other.from < to;
        }
    }

    private static List<Bar> bars(String ascii) {
        List<Bar> bars = new ArrayList<>();
        for (String line : ascii.split("\n")) {
            int open = line.indexOf('|');
            int close = line.lastIndexOf('|');
            if (open < 0 || close <= open) {
                continue;
            }
            String track = line.substring(open + 1, close);
            bars.add(new Bar(line.substring(0, open).trim(), track.indexOf('#'), track.lastIndexOf('#') + 1));
        }
        return bars;
    }

    /** An SVG bar: x and width of each {@code rect class="span"}. */
    private record Rect(String name, double x, double width) {
        boolean overlaps(Rect other) {
            return x < other.x + other.width - 1e-6 && other.x < x + width - 1e-6;
        }
    }

    private static List<Rect> rects(String svg) {
        Pattern rect = Pattern.compile(
                "<rect class=\"span\" x=\"([0-9.]+)\" y=\"[0-9]+\" width=\"([0-9.]+)\"[^>]*data-name=\"([^\"]+)\"");
        List<Rect> rects = new ArrayList<>();
        Matcher m = rect.matcher(svg);
        while (m.find()) {
            rects.add(new Rect(m.group(3), Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))));
        }
        return rects;
    }

    private static void assertPairwise(List<Bar> bars, List<Rect> rects, boolean overlapping) {
        assertEquals(3, bars.size(), "three ASCII bars");
        assertEquals(3, rects.size(), "three SVG rectangles");
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                assertEquals(overlapping, bars.get(i).overlaps(bars.get(j)), bars.get(i) + " vs " + bars.get(j));
                assertEquals(overlapping, rects.get(i).overlaps(rects.get(j)), rects.get(i) + " vs " + rects.get(j));
            }
        }
    }

    /**
     * A clock that moves on 1 ms each time it is read. The forks' spans keep the order in which
     * the forks really opened and closed them, but not the machine's timing: with the real clock,
     * a fork started late on a loaded machine stretches the chart so much that two spans which
     * overlap (or follow each other) by a few microseconds round to the same column, and their
     * bars touch without overlapping (or overlap by one column).
     */
    private static LongSupplier tickingClock() {
        AtomicLong now = new AtomicLong();
        return () -> now.addAndGet(1_000_000);
    }

    @Test
    void threeTasksInSequenceDrawThreeBarsThatDoNotOverlap(@TempDir Path dir) throws Exception {
        Timeline timeline = Timeline.start(tickingClock());
        try (var scope = TaskScope.builder().timeline(timeline).open()) {
            for (String name : List.of("one", "two", "three")) {
                Task<Object> task = scope.fork(name, () -> null);
                task.await(); // the next fork starts only once this one has ended
            }
        }
        Path svg = dir.resolve("sequence.svg");
        timeline.writeSvg(svg);
        List<Bar> bars = bars(timeline.renderAscii(60));
        assertEquals(List.of("one", "two", "three"), bars.stream().map(Bar::name).toList());
        assertPairwise(bars, rects(Files.readString(svg)), false);
    }

    @Test
    void threeTasksRunTogetherDrawOverlappingBars(@TempDir Path dir) throws Exception {
        Timeline timeline = Timeline.start(tickingClock());
        CyclicBarrier allInside = new CyclicBarrier(3);
        try (var scope = TaskScope.builder().timeline(timeline).open()) {
            for (String name : List.of("one", "two", "three")) {
                scope.fork(name, allInside::await); // every span contains the moment all three meet
            }
            scope.join();
        }
        Path svg = dir.resolve("nested/dir/concurrent.svg");
        timeline.writeSvg(svg);
        assertPairwise(bars(timeline.renderAscii(60)), rects(Files.readString(svg)), true);
        List<Timeline.Span> spans = timeline.spans();
        assertTrue(spans.get(0).overlaps(spans.get(1)) && spans.get(1).overlaps(spans.get(2)));
    }

    @Test
    void asciiChartScalesBarsToTheTrackWithAFakeClock() {
        AtomicLong now = new AtomicLong(1_000);
        Timeline timeline = Timeline.start(now::get);
        try (var a = timeline.span("a")) {
            now.addAndGet(100_000_000);
        }
        try (var b = timeline.span("b")) {
            now.addAndGet(300_000_000);
        }
        String ascii = timeline.renderAscii(40);
        String[] lines = ascii.split("\n");
        assertEquals("a |" + "#".repeat(10) + " ".repeat(30) + "| 0.10 s", lines[0]);
        assertEquals("b |" + " ".repeat(10) + "#".repeat(30) + "| 0.30 s", lines[1]);
        assertTrue(lines[2].trim().startsWith("0 s") && lines[2].endsWith("0.40 s"), lines[2]);
        assertEquals(Duration.ofMillis(400), timeline.elapsed());
    }

    @Test
    void aVeryShortSpanAtTheEndStillDrawsOneColumn() {
        Timeline timeline = Timeline.start(() -> 0);
        timeline.record(new Timeline.Span("long", "t", Duration.ZERO, Duration.ofSeconds(10)));
        timeline.record(new Timeline.Span("blip", "t", Duration.ofMillis(9_999), Duration.ofSeconds(10)));
        String blip = timeline.renderAscii(20).split("\n")[1];
        assertEquals("blip |" + " ".repeat(19) + "#| 0.00 s", blip);
    }

    @Test
    void spansReportNameThreadAndTimes() {
        AtomicLong now = new AtomicLong();
        Timeline timeline = Timeline.start(now::get);
        Timeline.OpenSpan open = timeline.span("work");
        assertTrue(timeline.spans().isEmpty(), "an open span is not reported");
        now.set(5_000_000);
        open.close();
        open.close(); // closing twice records once
        List<Timeline.Span> spans = timeline.spans();
        assertEquals(1, spans.size());
        Timeline.Span span = spans.get(0);
        assertEquals("work", span.name());
        assertEquals(Thread.currentThread().getName(), span.thread());
        assertEquals(Duration.ZERO, span.start());
        assertEquals(Duration.ofMillis(5), span.end());
        assertEquals(Duration.ofMillis(5), span.duration());
    }

    @Test
    void recordedSpansAreOrderedByStart() {
        Timeline timeline = Timeline.start();
        timeline.record(new Timeline.Span("late", "t", Duration.ofMillis(5), Duration.ofMillis(6)));
        timeline.record(new Timeline.Span("early", "t", Duration.ofMillis(1), Duration.ofMillis(2)));
        assertEquals(List.of("early", "late"), timeline.spans().stream().map(Timeline.Span::name).toList());
    }

    @Test
    void emptyTimelineSaysSo(@TempDir Path dir) throws Exception {
        Timeline timeline = Timeline.start();
        assertEquals("(no spans recorded)\n", timeline.renderAscii(20));
        Path svg = dir.resolve("empty.svg");
        timeline.writeSvg(svg);
        assertTrue(Files.readString(svg).startsWith("<svg"));
        assertEquals(Duration.ZERO, timeline.elapsed());
    }

    @Test
    void svgEscapesNames() {
        Timeline timeline = Timeline.start();
        timeline.record(new Timeline.Span("a<b>&\"c\"", "t", Duration.ZERO, Duration.ofMillis(1)));
        String svg = timeline.toSvg();
        assertTrue(svg.contains("a&lt;b&gt;&amp;&quot;c&quot;"));
        assertFalse(svg.contains("a<b>"));
    }

    @Test
    void badInputIsRejected() {
        Timeline timeline = Timeline.start();
        assertThrows(IllegalArgumentException.class, () -> timeline.renderAscii(9));
        assertEquals("name", assertThrows(NullPointerException.class, () -> timeline.span(null)).getMessage());
        assertEquals("span", assertThrows(NullPointerException.class, () -> timeline.record(null)).getMessage());
        assertEquals("file", assertThrows(NullPointerException.class, () -> timeline.writeSvg(null)).getMessage());
        assertEquals("nanoClock", assertThrows(NullPointerException.class, () -> Timeline.start(null)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Timeline.Span("x", "t", Duration.ofMillis(2), Duration.ofMillis(1)));
    }
}
