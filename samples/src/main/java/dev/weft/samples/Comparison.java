package dev.weft.samples;

import dev.weft.core.Timeline;
import java.time.Duration;
import java.util.Objects;

/**
 * One chart of two runs of the same work: a sequential cell's timeline, then its concurrent
 * counterpart's, placed right after it — so the bars show at a glance how much shorter the
 * concurrent run is.
 *
 * <pre>{@code
 * Timeline both = Comparison.of(sequentialTimeline, concurrentTimeline);
 * both.writeSvg(Path.of("target/timelines/async.nom-gather.comparison.svg"));
 * }</pre>
 */
public final class Comparison {

    private Comparison() {
    }

    /**
     * Merges two timelines: every span of {@code sequential} as it was, then every span of
     * {@code concurrent} shifted to start when {@code sequential} ended.
     *
     * @param sequential the sequential run
     * @param concurrent the concurrent run
     * @return a new timeline holding both
     */
    public static Timeline of(Timeline sequential, Timeline concurrent) {
        Objects.requireNonNull(sequential, "sequential");
        Objects.requireNonNull(concurrent, "concurrent");
        Timeline both = Timeline.start(() -> 0L);
        sequential.spans().forEach(both::record);
        Duration offset = sequential.elapsed();
        for (Timeline.Span span : concurrent.spans()) {
            both.record(new Timeline.Span(span.name(), span.thread(), span.start().plus(offset), span.end().plus(offset)));
        }
        return both;
    }
}
