package dev.weft.parallel.contract;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records weft's pool events (dev.weft.PoolChunk, dev.weft.WorkerDied) around a body and reads them
 * back: the one copy every backend's event tests use (threads, processes, cluster members).
 */
public final class PoolRecordings {
    /** The names of the pool events, recorded with a zero threshold. */
    private static final List<String> EVENTS = List.of("dev.weft.PoolChunk", "dev.weft.WorkerDied");

    /** What runs while the recording runs. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the work to record.
         *
         * @throws Exception what the work threw
         */
        void run() throws Exception;
    }

    private PoolRecordings() {
    }

    /**
     * Runs {@code body} under a recording of the pool events and returns every event recorded.
     *
     * @param file where the recording is written
     * @param body the work
     * @return the recorded events
     * @throws Exception what the body threw, or a failure to write or read the recording
     */
    public static List<RecordedEvent> record(Path file, Body body) throws Exception {
        try (Recording recording = new Recording()) {
            for (String event : EVENTS) {
                recording.enable(event).withThreshold(Duration.ZERO);
            }
            recording.start();
            body.run();
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file);
    }

    /**
     * {@return the events of {@code events} named {@code name}}
     *
     * @param events recorded events
     * @param name an event type's name
     */
    public static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }
}
