package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.core.TaskFailedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code dev.weft.Scope} and {@code dev.weft.Fork} events of gather, TaskGroup and Async.run. */
class ScopeEventsTest {

    @TempDir
    Path dir;

    interface Body {
        void run() throws Exception;
    }

    private List<RecordedEvent> record(Body body) throws Exception {
        Path file = dir.resolve("async.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.weft.Scope").withThreshold(Duration.ZERO);
            recording.enable("dev.weft.Fork").withThreshold(Duration.ZERO);
            recording.start();
            body.run();
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file);
    }

    private static List<RecordedEvent> of(List<RecordedEvent> events, String type, String field, String value) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type))
                .filter(e -> value.equals(e.getString(field))).toList();
    }

    private static List<RecordedEvent> scopesOfKind(List<RecordedEvent> events, String kind) {
        return of(events, "dev.weft.Scope", "kind", kind);
    }

    @Test
    void aGatherIsOneScopeAndOneForkPerTask() throws Exception {
        List<RecordedEvent> events = record(() -> {
            List<Callable<Integer>> tasks = List.of(() -> 1, () -> 2, () -> 3);
            assertEquals(List.of(1, 2, 3), Async.gather(tasks));
        });
        List<RecordedEvent> gathers = scopesOfKind(events, "gather");
        assertEquals(1, gathers.size(), gathers.toString());
        RecordedEvent gather = gathers.get(0);
        assertEquals(3, gather.getLong("forks"));
        assertEquals(0, gather.getLong("failures"));
        List<RecordedEvent> forks = of(events, "dev.weft.Fork", "scope", gather.getString("name"));
        assertEquals(List.of("[0]", "[1]", "[2]"), forks.stream()
                .map(f -> f.getString("name").substring(gather.getString("name").length())).sorted().toList());
        assertTrue(forks.stream().allMatch(f -> f.getString("outcome").equals("success")));
    }

    @Test
    void gatheredTasksThatNeverStartAreRecordedCancelledWithoutAThread() throws Exception {
        List<Callable<Integer>> tasks = List.of(() -> {
            throw new IllegalStateException("first");
        }, () -> 2, () -> 3);
        List<RecordedEvent> events = record(() -> assertThrows(TaskFailedException.class, () -> Async.gather(1, tasks)));
        RecordedEvent gather = scopesOfKind(events, "gather").get(0);
        List<RecordedEvent> forks = of(events, "dev.weft.Fork", "scope", gather.getString("name"));
        assertEquals(3, forks.size(), "one Fork event per task, also those that never started: " + forks);
        String name = gather.getString("name");
        for (RecordedEvent fork : forks) {
            if (fork.getString("name").equals(name + "[0]")) {
                assertEquals("failure", fork.getString("outcome"));
            } else {
                assertEquals("cancelled", fork.getString("outcome"), fork.toString());
                assertEquals(null, fork.getThread("thread"), "it never ran on a thread");
            }
        }
    }

    @Test
    void aFailedGatherCountsItsFailureAndItsCancelledTasks() throws Exception {
        List<RecordedEvent> events = record(() -> assertThrows(TaskFailedException.class, () -> Async.gather(
                () -> {
                    Thread.sleep(60_000); // the workload: cancelled long before
                    return 0;
                },
                () -> {
                    throw new IllegalStateException("fails");
                })));
        RecordedEvent gather = scopesOfKind(events, "gather").get(0);
        assertEquals(1, gather.getLong("failures"));
        assertEquals(1, gather.getLong("cancellations"));
        List<String> outcomes = of(events, "dev.weft.Fork", "scope", gather.getString("name")).stream()
                .map(f -> f.getString("outcome")).sorted().toList();
        assertEquals(List.of("cancelled", "failure"), outcomes);
    }

    @Test
    void gatherOutcomesRecordsEachOutcome() throws Exception {
        List<RecordedEvent> events = record(() -> {
            List<Outcome<Integer>> outcomes = Async.gatherOutcomes(() -> 1, () -> {
                throw new IllegalStateException("x");
            });
            assertEquals(2, outcomes.size());
        });
        RecordedEvent gather = scopesOfKind(events, "gather").get(0);
        assertEquals(2, gather.getLong("forks"));
        assertEquals(1, gather.getLong("failures"));
    }

    @Test
    void aTaskGroupAndAsyncRunNameTheirKind() throws Exception {
        List<RecordedEvent> events = record(() -> {
            int sum = Async.run(() -> TaskGroup.run("jfr-group", group -> {
                var a = group.createTask("a", () -> 20);
                var b = group.createTask("b", () -> 22);
                return a.await() + b.await();
            }));
            assertEquals(42, sum);
        });
        List<RecordedEvent> groups = scopesOfKind(events, "TaskGroup");
        assertEquals(1, groups.size(), groups.toString());
        assertEquals("jfr-group", groups.get(0).getString("name"));
        assertEquals(2, groups.get(0).getLong("forks"));
        assertEquals(1, scopesOfKind(events, "Async.run").size());
        assertEquals(2, of(events, "dev.weft.Fork", "scope", "jfr-group").size());
    }
}
