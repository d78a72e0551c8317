package dev.weft.samples;

import java.time.Duration;
import java.util.Locale;

/**
 * Measures how long a part of a cell took: the port of {@code t1 = time.time() ... t2 - t1}.
 *
 * <pre>{@code
 * Stopwatch watch = Stopwatch.start();
 * work();
 * context.print("Durée:", watch.seconds());
 * }</pre>
 */
public final class Stopwatch {
    private final long start;

    private Stopwatch(long start) {
        this.start = start;
    }

    /** {@return a stopwatch started now} */
    public static Stopwatch start() {
        return new Stopwatch(System.nanoTime());
    }

    /** {@return the time since the start} */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** {@return the seconds since the start, as Python's {@code t2 - t1} gives them} */
    public double seconds() {
        return elapsed().toNanos() / 1e9;
    }

    /** {@return the seconds since the start with two decimals, such as {@code 12.04}} */
    public String formatted() {
        return String.format(Locale.ROOT, "%.2f", seconds());
    }
}
