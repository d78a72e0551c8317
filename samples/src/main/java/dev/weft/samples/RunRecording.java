package dev.weft.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The launcher's {@code --jfr FILE}: a JDK Flight Recorder recording of the run, with the JDK's
 * {@code default} settings and every weft event whatever its duration (so that
 * {@code Timeline.fromRecording(FILE)} draws every fork), written to the file when the run ends.
 * Without a file it does nothing.
 *
 * <pre>{@code
 * RunRecording recording = RunRecording.start(Path.of("run.jfr"), System.err);
 * try {
 *     runTheCells();
 * } finally {
 *     recording.close();         // run.jfr written; "jfr print --events 'dev.weft.*' run.jfr" shows it
 * }
 * }</pre>
 */
final class RunRecording implements AutoCloseable {
    private static final String[] WEFT_EVENTS = {
        "dev.weft.Scope", "dev.weft.Fork", "dev.weft.PoolChunk", "dev.weft.WorkerDied", "dev.weft.LockWait",
    };

    private final Recording recording;
    private final Path file;
    private final PrintStream err;

    private RunRecording(Recording recording, Path file, PrintStream err) {
        this.recording = recording;
        this.file = file;
        this.err = err;
    }

    /**
     * Starts recording if {@code file} is set.
     *
     * @param file where the recording goes when the run ends, or null for none
     * @param err where to say where it went, or why it could not be written
     * @return the recording, to close when the run ends
     */
    static RunRecording start(Path file, PrintStream err) {
        if (file == null) {
            return new RunRecording(null, null, err);
        }
        Recording recording;
        try {
            recording = new Recording(Configuration.getConfiguration("default"));
        } catch (IOException | ParseException e) {
            recording = new Recording();
        }
        for (String event : WEFT_EVENTS) {
            recording.enable(event).withThreshold(Duration.ZERO);
        }
        recording.setName("weft samples");
        recording.start();
        return new RunRecording(recording, file, err);
    }

    /** Stops the recording and writes it to the file. */
    @Override
    public void close() {
        if (recording == null) {
            return;
        }
        try {
            recording.stop();
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            recording.dump(file);
            err.println("JFR: " + file + " (jfr print --events 'dev.weft.*' " + file + ")");
        } catch (IOException e) {
            err.println("JFR: impossible d'écrire " + file + ": " + e.getMessage());
        } finally {
            recording.close();
        }
    }
}
