package dev.weft.core.internal.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TaskFailedException;
import dev.weft.core.TaskScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import jdk.jfr.EventType;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrEventsTest {

    @TempDir
    Path dir;

    /** Records every weft event, whatever its duration, while {@code body} runs. */
    static List<RecordedEvent> record(Path dir, ThrowingRunnable body) throws Exception {
        Path file = dir.resolve("weft.jfr");
        try (Recording recording = new Recording()) {
            for (String name : List.of(ScopeEvent.NAME, ForkEvent.NAME, LockWaitEvent.NAME)) {
                recording.enable(name).withThreshold(Duration.ZERO);
            }
            recording.start();
            body.run();
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    @Test
    void aScopeAndItsForksAreRecordedWithNameKindCountsAndOutcomes() throws Exception {
        List<RecordedEvent> events = record(dir, () -> {
            try (TaskScope scope = TaskScope.builder().name("jfr-scope").failFast(false)
                    .deadline(Duration.ofMinutes(5)).open()) {
                scope.fork("ok", () -> 1);
                scope.fork("boom", () -> {
                    throw new IllegalStateException("boom");
                });
                scope.join();
            }
        });
        List<RecordedEvent> scopes = named(events, ScopeEvent.NAME).stream()
                .filter(e -> e.getString("name").equals("jfr-scope")).toList();
        assertEquals(1, scopes.size(), "one Scope event: " + scopes);
        RecordedEvent scope = scopes.get(0);
        assertEquals("TaskScope", scope.getString("kind"));
        assertEquals(2, scope.getLong("forks"));
        assertEquals(1, scope.getLong("failures"));
        assertEquals(0, scope.getLong("cancellations"));
        assertEquals(Duration.ofMinutes(5), scope.getDuration("deadline"));
        assertFalse(scope.getDuration().isNegative());

        Map<String, RecordedEvent> forks = named(events, ForkEvent.NAME).stream()
                .filter(e -> e.getString("scope").equals("jfr-scope"))
                .collect(Collectors.toMap(e -> e.getString("name"), e -> e));
        assertEquals("success", forks.get("ok").getString("outcome"));
        assertEquals("failure", forks.get("boom").getString("outcome"));
        assertEquals("ok", forks.get("ok").getThread("thread").getJavaName());
        // a fork lies within its scope
        assertFalse(forks.get("ok").getStartTime().isBefore(scope.getStartTime()));
        assertFalse(forks.get("ok").getEndTime().isAfter(scope.getEndTime()));
    }

    @Test
    void aCancelledForkIsRecordedCancelledAndCounted() throws Exception {
        List<RecordedEvent> events = record(dir, () -> {
            try (TaskScope scope = TaskScope.builder().name("jfr-cancel").open()) {
                scope.fork("sleeper", () -> {
                    Thread.sleep(60_000); // the workload: cancelled long before
                    return 0;
                });
                scope.fork("fails", () -> {
                    throw new IllegalArgumentException("first");
                });
                assertThrows(TaskFailedException.class, scope::join);
            }
        });
        RecordedEvent scope = named(events, ScopeEvent.NAME).stream()
                .filter(e -> e.getString("name").equals("jfr-cancel")).findFirst().orElseThrow();
        assertEquals(1, scope.getLong("failures"));
        assertEquals(1, scope.getLong("cancellations"));
        assertEquals(Long.MIN_VALUE, scope.getLong("deadline"), "no deadline");
        RecordedEvent sleeper = named(events, ForkEvent.NAME).stream()
                .filter(e -> e.getString("name").equals("sleeper")).findFirst().orElseThrow();
        assertEquals("cancelled", sleeper.getString("outcome"));
    }

    @Test
    void aForkMadeAfterTheScopeWasCancelledIsRecordedCancelledWithoutAThread() throws Exception {
        List<RecordedEvent> events = record(dir, () -> {
            try (TaskScope scope = TaskScope.builder().name("jfr-late").open()) {
                scope.cancel();
                var late = scope.fork("late", () -> 1);
                assertTrue(late.isCancelled(), "a fork of a cancelled scope never runs");
                scope.join();
            }
        });
        List<RecordedEvent> late = named(events, ForkEvent.NAME).stream()
                .filter(e -> e.getString("scope").equals("jfr-late")).toList();
        assertEquals(1, late.size(), "one Fork event for the fork that never ran: " + late);
        assertEquals("late", late.get(0).getString("name"));
        assertEquals("cancelled", late.get(0).getString("outcome"));
        assertNull(late.get(0).getThread("thread"), "it never ran on a thread");
    }

    @Test
    void withoutARecordingAForkMadeAfterTheScopeWasCancelledIsStillCancelled() throws Exception {
        try (TaskScope scope = TaskScope.builder().name("jfr-late-off").open()) {
            scope.cancel();
            var late = scope.fork("late", () -> 1);
            assertTrue(late.isCancelled());
            scope.join();
            assertEquals(0, scope.runningForks());
        }
    }

    @Test
    void theEventsAreInTheWeftCategoryAndForkHasADefaultThreshold() {
        for (Class<? extends jdk.jfr.Event> type : List.of(ScopeEvent.class, ForkEvent.class,
                PoolChunkEvent.class, WorkerDiedEvent.class, LockWaitEvent.class)) {
            EventType eventType = EventType.getEventType(type);
            assertTrue(eventType.getName().startsWith("dev.weft."), eventType.getName());
            assertEquals(List.of("weft"), eventType.getCategoryNames());
        }
        assertEquals("1 ms", EventType.getEventType(ForkEvent.class).getSettingDescriptors().stream()
                .filter(s -> s.getName().equals("threshold")).findFirst().orElseThrow().getDefaultValue());
    }

    @Test
    void withTheDefaultSettingsATrivialForkIsNotRecorded() throws Exception {
        Path file = dir.resolve("default.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(ForkEvent.NAME); // its default threshold
            recording.start();
            try (TaskScope scope = TaskScope.builder().name("trivial").open()) {
                for (int i = 0; i < 100; i++) {
                    scope.fork(() -> 1);
                }
                scope.join();
            }
            recording.stop();
            recording.dump(file);
        }
        assertEquals(List.of(), RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(ForkEvent.NAME))
                .filter(e -> e.getString("scope").equals("trivial"))
                .filter(e -> e.getDuration().compareTo(Duration.ofMillis(1)) < 0).toList());
    }

    @Test
    void lockWaitsAreRecordedPastTheThresholdAndNotWithoutARecording() throws Exception {
        assertNull(LockWaits.begin(), "no recording: no event, nothing to do");
        LockWaits.end(null, "Lock", "acquire", this); // does nothing
        ReentrantLock lock = new ReentrantLock();
        List<RecordedEvent> events = record(dir, () -> {
            LockWaitEvent wait = LockWaits.begin();
            LockWaits.end(wait, "Lock", "acquire", lock);
            lock.lock();
            try {
                Thread.currentThread().interrupt(); // so that the await below throws at once
                assertThrows(InterruptedException.class,
                        () -> LockWaits.await(lock.newCondition(), "Condition", "await", lock));
            } finally {
                lock.unlock();
            }
        });
        List<RecordedEvent> waits = named(events, LockWaitEvent.NAME);
        assertEquals(2, waits.size(), "the acquire, then the interrupted await: " + waits);
        RecordedEvent acquire = waits.stream().filter(w -> w.getString("primitive").equals("Lock")).findFirst()
                .orElseThrow();
        assertEquals("acquire", acquire.getString("operation"));
        assertEquals(LockWaits.ACQUIRED, acquire.getString("outcome"));
        assertTrue(acquire.getString("name").startsWith("java.util.concurrent.locks.ReentrantLock object at 0x"));
        RecordedEvent await = waits.stream().filter(w -> w.getString("primitive").equals("Condition")).findFirst()
                .orElseThrow();
        assertEquals(LockWaits.INTERRUPTED, await.getString("outcome"));
        assertFalse(Thread.currentThread().isInterrupted(), "the await took the interrupt");
        assertFalse(LockWaits.end(null, "Lock", "acquire", this, false), "a timed end returns what it was given");
        assertTrue(LockWaits.end(null, "Lock", "acquire", this, true));
    }
}
