package dev.weft.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A recorder of what ran when: each {@link Span} is a named piece of work with the thread that
 * ran it and its start and end, measured from the timeline's start. It is how you <em>see</em>
 * that work ran in sequence or overlapped: {@link #renderAscii(int)} draws a Gantt chart for a
 * terminal and {@link #writeSvg(Path)} the same chart as a picture.
 *
 * {@snippet class=dev.weft.core.snippets.CoreSnippets region=timeline}
 *
 * <p>Spans may be recorded from any thread at once. Only ended spans are reported.
 *
 * <p>{@link #fromRecording(Path)} draws the same chart for any application: it reads the
 * {@code dev.weft.Fork} and {@code dev.weft.Scope} events of a JDK Flight Recorder file.
 *
 * @since 0.1
 */
public final class Timeline {
    private final LongSupplier nanoClock;
    private final long origin;
    private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();

    private Timeline(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.origin = nanoClock.getAsLong();
    }

    /** {@return a new, empty timeline whose time zero is now} */
    public static Timeline start() {
        return new Timeline(System::nanoTime);
    }

    /**
     * Returns a timeline that reads time from {@code nanoClock} (a {@link System#nanoTime()}-like
     * source), so tests can drive time by hand.
     *
     * @param nanoClock the clock, read once now for time zero
     * @return a new, empty timeline
     * @throws NullPointerException if {@code nanoClock} is null
     */
    public static Timeline start(LongSupplier nanoClock) {
        return new Timeline(Objects.requireNonNull(nanoClock, "nanoClock"));
    }

    /**
     * Builds a timeline from a JDK Flight Recorder file: one span a {@code dev.weft.Scope} event
     * (named {@code scope NAME}, on the thread that closed it) and one a {@code dev.weft.Fork}
     * event (named after the fork, on its thread), time zero being the earliest of them. So
     * {@link #renderAscii(int)} and {@link #writeSvg(Path)} draw what any application's scopes and
     * forks did, recorded without a code change:
     * {@code java -XX:StartFlightRecording:filename=run.jfr,settings=profile ...}. Forks shorter
     * than the event's threshold (1 ms by default) are not in a recording; record with
     * {@code jdk.jfr.Recording.enable("dev.weft.Fork").withThreshold(Duration.ZERO)}, or the
     * samples launcher's {@code --jfr FILE}, to see every one.
     *
     * {@snippet class=dev.weft.core.snippets.CoreSnippets region=timeline-from-recording}
     *
     * <p>The timeline's clock stands still: it is for reading and drawing; spans
     * {@linkplain #record(Span) recorded} into it keep their own times.
     *
     * @param jfrFile a recording, as {@code jcmd <pid> JFR.dump} or {@code Recording.dump} write it
     * @return the timeline, empty if the recording holds no weft event
     * @throws IOException if the file cannot be read or is not a recording
     * @throws NullPointerException if {@code jfrFile} is null
     */
    public static Timeline fromRecording(Path jfrFile) throws IOException {
        Objects.requireNonNull(jfrFile, "jfrFile");
        List<RecordedEvent> events = new ArrayList<>();
        try (RecordingFile recording = new RecordingFile(jfrFile)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("dev.weft.Fork") || type.equals("dev.weft.Scope")) {
                    events.add(event);
                }
            }
        }
        Timeline timeline = new Timeline(() -> 0L);
        Instant origin = events.stream().map(RecordedEvent::getStartTime).min(Comparator.naturalOrder()).orElse(null);
        for (RecordedEvent event : events) {
            boolean fork = event.getEventType().getName().equals("dev.weft.Fork");
            String name = fork ? event.getString("name") : "scope " + event.getString("name");
            RecordedThread thread = fork && event.getThread("thread") != null ? event.getThread("thread") : event.getThread();
            timeline.record(new Span(name == null ? "?" : name, threadName(thread),
                    Duration.between(origin, event.getStartTime()), Duration.between(origin, event.getEndTime())));
        }
        return timeline;
    }

    private static String threadName(RecordedThread thread) {
        if (thread == null) {
            return "?";
        }
        String name = thread.getJavaName();
        return name == null || name.isEmpty() ? "thread-" + thread.getJavaThreadId() : name;
    }

    /**
     * One recorded piece of work.
     *
     * @param name what ran
     * @param thread the name of the thread that ran it
     * @param start when it started, from the timeline's start
     * @param end when it ended, from the timeline's start
     * @since 0.1
     */
    public record Span(String name, String thread, Duration start, Duration end) {
        /**
         * Creates a span.
         *
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code end} is before {@code start}
         */
        public Span {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(thread, "thread");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (end.compareTo(start) < 0) {
                throw new IllegalArgumentException("span '" + name + "' ends before it starts");
            }
        }

        /** {@return how long the span lasted} */
        public Duration duration() {
            return end.minus(start);
        }

        /**
         * {@return true if this span and {@code other} share some time}
         *
         * @param other another span
         */
        public boolean overlaps(Span other) {
            return start.compareTo(other.end) < 0 && other.start.compareTo(end) < 0;
        }
    }

    /**
     * An open span: closing it records the span. Close it once, on any thread.
     *
     * @since 0.1
     */
    public final class OpenSpan implements AutoCloseable {
        private final String name;
        private final String thread;
        private final long startNanos;
        private boolean closed;

        private OpenSpan(String name) {
            this.name = name;
            this.thread = Thread.currentThread().getName();
            this.startNanos = nanoClock.getAsLong();
        }

        /** Ends the span now and records it; later calls do nothing. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            long endNanos = nanoClock.getAsLong();
            spans.add(new Span(name, thread, Duration.ofNanos(startNanos - origin),
                    Duration.ofNanos(Math.max(endNanos, startNanos) - origin)));
        }
    }

    /**
     * Starts a span on the current thread; close it (try-with-resources) when the work ends.
     *
     * {@snippet class=dev.weft.core.snippets.CoreSnippets region=timeline-span}
     *
     * @param name what is about to run
     * @return the open span
     * @throws NullPointerException if {@code name} is null
     */
    public OpenSpan span(String name) {
        return new OpenSpan(Objects.requireNonNull(name, "name"));
    }

    /**
     * Records a span measured elsewhere.
     *
     * @param span the span
     * @throws NullPointerException if {@code span} is null
     */
    public void record(Span span) {
        spans.add(Objects.requireNonNull(span, "span"));
    }

    /** {@return the ended spans, ordered by start time then name} */
    public List<Span> spans() {
        return spans.stream()
                .sorted(Comparator.comparing(Span::start).thenComparing(Span::name))
                .toList();
    }

    /** {@return the time from the start of the first span to the end of the last, or zero} */
    public Duration elapsed() {
        return spans.stream().map(Span::end).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    /**
     * Draws the spans as a Gantt chart of text, one row a span in start order: the name, then a
     * bar of {@code #} over a track of {@code width} columns that covers time zero to the end of
     * the last span, then the span's duration. A last row shows the time scale.
     *
     * <pre>
     * one   |#######                 | 0.20 s
     * two   |       #######          | 0.20 s
     * three |              ##########| 0.30 s
     *       0 s                 0.70 s
     * </pre>
     *
     * @param width the number of columns of the bar track, at least 10
     * @return the chart, rows separated by {@code \n}; a single line saying so when empty
     * @throws IllegalArgumentException if {@code width} is less than 10
     */
    public String renderAscii(int width) {
        if (width < 10) {
            throw new IllegalArgumentException("width must be at least 10, got " + width);
        }
        List<Span> ordered = spans();
        if (ordered.isEmpty()) {
            return "(no spans recorded)\n";
        }
        long total = Math.max(1, elapsed().toNanos());
        int labelWidth = ordered.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Span span : ordered) {
            int from = Math.min(width - 1, column(span.start(), total, width)); // a late, short span still shows
            int to = Math.max(from + 1, column(span.end(), total, width));
            out.append(pad(span.name(), labelWidth)).append(" |");
            for (int c = 0; c < width; c++) {
                out.append(c >= from && c < to ? '#' : ' ');
            }
            out.append("| ").append(seconds(span.duration())).append('\n');
        }
        String zero = "0 s";
        String end = seconds(elapsed());
        out.append(" ".repeat(labelWidth + 2)).append(zero)
                .append(" ".repeat(Math.max(1, width - zero.length() - end.length())))
                .append(end).append('\n');
        return out.toString();
    }

    private static int column(Duration at, long total, int width) {
        return (int) Math.min(width, Math.round((double) at.toNanos() * width / total));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    /**
     * Writes the same chart as {@link #renderAscii(int)} as an SVG picture: one row a span, one
     * {@code <rect class="span">} a bar (with {@code data-name}, {@code data-thread},
     * {@code data-start-ms} and {@code data-end-ms} attributes), the names on the left and a time
     * axis at the bottom. Rows of spans that ran on the same thread share a colour.
     *
     * @param file where to write; parent directories are created, an existing file replaced
     * @throws IOException if the file cannot be written
     * @throws NullPointerException if {@code file} is null
     */
    public void writeSvg(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toSvg(), StandardCharsets.UTF_8);
    }

    /** {@return the chart of {@link #writeSvg(Path)} as SVG text} */
    public String toSvg() {
        return new TimelineSvg(spans(), elapsed()).render();
    }
}
