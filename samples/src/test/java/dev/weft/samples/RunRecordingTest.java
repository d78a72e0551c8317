package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TaskScope;
import dev.weft.core.Timeline;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's {@code --jfr FILE}. */
class RunRecordingTest {

    private static final Cell FORKS = new Cell() {
        @Override
        public String id() {
            return "demo.forks";
        }

        @Override
        public String title() {
            return "Deux forks";
        }

        @Override
        public void run(CellContext context) throws Exception {
            try (TaskScope scope = TaskScope.builder().name("recorded").open()) {
                scope.fork("left", () -> 1);
                scope.fork("right", () -> 2);
                scope.join();
            }
        }
    };

    @Test
    void jfrRecordsTheRunAndTheTimelineOfTheRecordingShowsItsForks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("run.jfr");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Samples.run(List.of(FORKS), new String[] {"run", "all", "--jfr", file.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.size(file) > 0);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("JFR: " + file), err.toString(StandardCharsets.UTF_8));
        List<String> names = Timeline.fromRecording(file).spans().stream().map(Timeline.Span::name).toList();
        assertTrue(names.containsAll(List.of("scope recorded", "left", "right")), names.toString());
    }

    @Test
    void withoutJfrNothingIsRecorded(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunRecording.start(null, new PrintStream(err, true, StandardCharsets.UTF_8)).close();
        assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing recorded, nothing said");
        assertFalse(Files.exists(dir.resolve("run.jfr")));
        assertEquals(Path.of("x.jfr"), LaunchOptions.parse("run", "all", "--jfr", "x.jfr").jfrFile());
        assertEquals(null, LaunchOptions.parse("run", "all").jfrFile());
    }
}
