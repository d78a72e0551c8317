package dev.weft.parallel.internal;

import java.util.function.Consumer;

/**
 * Where the lines a child JVM prints go by default: this JVM's own {@code System.out} and
 * {@code System.err}, looked up at each line (so a later {@code System.setOut} is honoured).
 *
 * <p>This relay is the one place weft writes to the standard streams: Python's multiprocessing
 * contract, which weft keeps, is that what a child prints reaches the parent's output. A pool
 * given other sinks ({@code ProcessPoolOptions.Builder.stdout/stderr}) never uses these.
 */
public final class ParentStreams {
    /** Prints a child's standard-output line on this JVM's standard output. */
    public static final Consumer<String> STDOUT = line -> System.out.println(line);
    /** Prints a child's standard-error line on this JVM's standard error. */
    public static final Consumer<String> STDERR = line -> System.err.println(line);

    private ParentStreams() {
    }
}
