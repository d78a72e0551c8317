package dev.weft.core.internal.jfr;

import jdk.jfr.FlightRecorder;

/**
 * Whether any weft event can be recorded yet, asked without loading an event class. The first
 * event class a JVM loads starts the Flight Recorder's metadata (about 0.1 to 0.2 s of a cold
 * JVM's time, and a hundred JDK classes), so an emitter on a path a cold JVM takes (a pool's
 * first chunk) asks {@link #mayRecord()} before it touches its event's class.
 *
 * <pre>{@code
 * if (Recordings.mayRecord() && Probe.EVENT.isEnabled()) {   // Probe holds the event: loaded only now
 *     ...
 * }
 * }</pre>
 *
 * <p>Every recording (one started with {@code -XX:StartFlightRecording}, by {@code jcmd JFR.start},
 * a {@code jdk.jfr.Recording} or a {@code RecordingStream}) initializes the JVM's
 * {@link FlightRecorder} first, so before that no event is enabled.
 */
public final class Recordings {
    private Recordings() {
    }

    /** {@return false if no recording has been started in this JVM (no event is enabled), else true} */
    public static boolean mayRecord() {
        return FlightRecorder.isInitialized();
    }
}
