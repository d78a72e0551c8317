package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.Timeline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void theConcurrentRunStartsWhereTheSequentialRunEnded() {
        Timeline sequential = Timeline.start(() -> 0L);
        sequential.record(new Timeline.Span("séquentiel: a", "main", Duration.ZERO, Duration.ofSeconds(1)));
        sequential.record(new Timeline.Span("séquentiel: b", "main", Duration.ofSeconds(1), Duration.ofSeconds(2)));
        Timeline concurrent = Timeline.start(() -> 0L);
        concurrent.record(new Timeline.Span("threads: a", "t1", Duration.ZERO, Duration.ofSeconds(1)));
        concurrent.record(new Timeline.Span("threads: b", "t2", Duration.ZERO, Duration.ofSeconds(1)));

        Timeline both = Comparison.of(sequential, concurrent);
        assertEquals(List.of("séquentiel: a", "séquentiel: b", "threads: a", "threads: b"),
                both.spans().stream().map(Timeline.Span::name).toList());
        assertEquals(Duration.ofSeconds(2), both.spans().get(2).start());
        assertEquals(Duration.ofSeconds(3), both.elapsed());
    }
}
