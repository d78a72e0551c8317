package dev.weft.core.internal.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/** {@link Recordings#mayRecord()}: true once any recording has started, which enabling an event needs. */
class RecordingsTest {
    @Test
    void itSaysWhatTheFlightRecorderSays() {
        assertEquals(FlightRecorder.isInitialized(), Recordings.mayRecord());
    }

    @Test
    void aStartedRecordingMakesItTrueAndAnEnabledEventNeedsOne() {
        try (Recording recording = new Recording()) {
            recording.enable(PoolChunkEvent.NAME);
            recording.start();
            assertTrue(Recordings.mayRecord(), "a recording runs");
            assertTrue(new PoolChunkEvent().isEnabled(), "the event is recorded, and the gate lets it through");
        }
        assertTrue(Recordings.mayRecord(), "once initialized, the recorder stays so: the events' own check decides");
    }
}
