package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineFromRecordingTest {

    @TempDir
    Path dir;

    private Path record(String scopeName) throws Exception {
        Path file = dir.resolve(scopeName + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.weft.Scope");
            recording.enable("dev.weft.Fork").withThreshold(Duration.ZERO);
            recording.start();
            CyclicBarrier together = new CyclicBarrier(2);
            try (TaskScope scope = TaskScope.builder().name(scopeName).open()) {
                scope.fork("one", () -> together.await(30, TimeUnit.SECONDS));
                scope.fork("two", () -> together.await(30, TimeUnit.SECONDS));
                scope.join();
            }
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    @Test
    void theForksAndTheScopeOfARecordingBecomeSpans() throws Exception {
        Timeline timeline = Timeline.fromRecording(record("drawn"));
        Map<String, Timeline.Span> spans = timeline.spans().stream()
                .filter(s -> List.of("scope drawn", "one", "two").contains(s.name()))
                .collect(Collectors.toMap(Timeline.Span::name, Function.identity()));
        assertEquals(3, spans.size(), timeline.spans().toString());
        assertTrue(spans.get("one").overlaps(spans.get("two")), "the forks met at a barrier: they overlap");
        assertEquals("one", spans.get("one").thread());
        Timeline.Span scope = spans.get("scope drawn");
        assertTrue(scope.start().compareTo(spans.get("one").start()) <= 0);
        assertTrue(scope.end().compareTo(spans.get("two").end()) >= 0);
        assertEquals(Duration.ZERO, timeline.spans().get(0).start(), "time zero is the first event");
        String chart = timeline.renderAscii(40);
        assertTrue(chart.contains("scope drawn") && chart.contains("one") && chart.contains("two"), chart);
        Path svg = dir.resolve("drawn.svg");
        timeline.writeSvg(svg);
        String picture = Files.readString(svg);
        assertTrue(picture.contains("data-name=\"one\"") && picture.contains("data-name=\"scope drawn\""), picture);
    }

    @Test
    void aRecordingStreamSeesTheSameEvents() throws Exception {
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable("dev.weft.Fork").withThreshold(Duration.ZERO);
            java.util.concurrent.CopyOnWriteArrayList<RecordedEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch got = new java.util.concurrent.CountDownLatch(1);
            stream.onEvent("dev.weft.Fork", event -> {
                if ("streamed".equals(event.getString("name"))) {
                    seen.add(event);
                    got.countDown();
                }
            });
            stream.startAsync();
            try (TaskScope scope = TaskScope.open()) {
                scope.fork("streamed", () -> 1);
                scope.join();
            }
            assertTrue(got.await(30, TimeUnit.SECONDS), "the fork's event arrives");
            assertEquals("success", seen.get(0).getString("outcome"));
        }
    }

    @Test
    void aRecordingWithoutWeftEventsGivesAnEmptyTimeline() throws IOException {
        Path file = dir.resolve("empty.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JVMInformation");
            recording.start();
            recording.stop();
            recording.dump(file);
        }
        Timeline timeline = Timeline.fromRecording(file);
        assertEquals(List.of(), timeline.spans());
        assertEquals("(no spans recorded)\n", timeline.renderAscii(20));
    }

    @Test
    void badInput() throws IOException {
        assertThrows(NullPointerException.class, () -> Timeline.fromRecording(null));
        assertThrows(IOException.class, () -> Timeline.fromRecording(dir.resolve("missing.jfr")));
        Path notJfr = Files.writeString(dir.resolve("text.jfr"), "not a recording");
        assertThrows(IOException.class, () -> Timeline.fromRecording(notJfr));
    }
}
