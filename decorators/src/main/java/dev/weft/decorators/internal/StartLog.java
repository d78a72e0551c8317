package dev.weft.decorators.internal;

/**
 * The start times of the last {@code permits} calls of a rate limit (a sliding-window log): a
 * call may start at {@code now} when fewer than {@code permits} calls started in the window
 * {@code (now - period, now]}, that is when the oldest of the last {@code permits} starts is at
 * least {@code period} old. So no window of length {@code period} ever holds more than
 * {@code permits} starts, even right after an idle time (a token bucket would allow a burst
 * there). Not thread-safe: its owner guards it.
 */
final class StartLog {

    private final long[] starts;
    private final long periodNanos;
    private int oldest;
    private int size;

    /**
     * Creates an empty log.
     *
     * @param permits the most starts in a window, {@code >= 1}
     * @param periodNanos the window's length, {@code > 0}
     */
    StartLog(int permits, long periodNanos) {
        this.starts = new long[permits];
        this.periodNanos = periodNanos;
    }

    /**
     * {@return how long a call must wait before it may start, in nanoseconds; 0 if it may start at
     * {@code now}}
     *
     * @param now the clock's reading now
     */
    long waitNanos(long now) {
        if (size < starts.length) {
            return 0;
        }
        long age = now - starts[oldest];
        return age >= periodNanos ? 0 : periodNanos - age;
    }

    /**
     * Records a start at {@code now}, which {@link #waitNanos} said may start.
     *
     * @param now the clock's reading now
     */
    void record(long now) {
        if (size < starts.length) {
            starts[(oldest + size++) % starts.length] = now;
        } else {
            starts[oldest] = now;
            oldest = (oldest + 1) % starts.length;
        }
    }
}
