package dev.weft.decorators.internal;

/**
 * The start times of a rate limit's calls in the last {@code period} (a sliding-window log): a
 * call may start at {@code now} when fewer than {@code permits} calls started in the window
 * {@code (now - period, now]}. So no window of length {@code period} ever holds more than
 * {@code permits} starts, even right after an idle time (a token bucket would allow a burst
 * there). Starts older than a period are dropped, so the log holds at most
 * {@code min(permits, starts in one period)} times. Not thread-safe: its owner guards it.
 */
final class StartLog {

    private static final int INITIAL_CAPACITY = 16;

    private final int permits;
    private final long periodNanos;
    /** A ring: {@code size} times from {@code oldest} on, in the order they started. */
    private long[] starts;
    private int oldest;
    private int size;

    /**
     * Creates an empty log.
     *
     * @param permits the most starts in a window, {@code >= 1}
     * @param periodNanos the window's length, {@code > 0}
     */
    StartLog(int permits, long periodNanos) {
        this.permits = permits;
        this.periodNanos = periodNanos;
        this.starts = new long[Math.min(permits, INITIAL_CAPACITY)];
    }

    /**
     * {@return how long a call must wait before it may start, in nanoseconds; 0 if it may start at
     * {@code now}}
     *
     * @param now the clock's reading now, not before the last recorded start
     */
    long waitNanos(long now) {
        while (size > 0 && now - starts[oldest] >= periodNanos) {
            oldest = (oldest + 1) % starts.length;
            size--;
        }
        return size < permits ? 0 : periodNanos - (now - starts[oldest]);
    }

    /**
     * Records a start at {@code now}, which {@link #waitNanos} has just said may start.
     *
     * @param now the clock's reading given to {@code waitNanos}
     */
    void record(long now) {
        if (size == starts.length) {
            grow();
        }
        starts[(oldest + size) % starts.length] = now;
        size++;
    }

    private void grow() {
        long[] bigger = new long[(int) Math.min(permits, 2L * starts.length)];
        for (int i = 0; i < size; i++) {
            bigger[i] = starts[(oldest + i) % starts.length];
        }
        starts = bigger;
        oldest = 0;
    }
}
