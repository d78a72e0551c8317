package dev.weft.decorators.internal;

import java.util.concurrent.TimeUnit;

/**
 * How the waiting decorators (retry's backoff, the rate limiter) wait: the real
 * {@link #THREAD} sleep, or a test's fake that moves a fake clock instead.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps the calling thread ({@link TimeUnit#sleep}); an interrupt ends the sleep. */
    Sleeper THREAD = TimeUnit.NANOSECONDS::sleep;

    /**
     * Waits {@code nanos} nanoseconds, or less if interrupted.
     *
     * @param nanos how long, {@code > 0}
     * @throws InterruptedException if the thread is interrupted before or while it waits
     */
    void sleep(long nanos) throws InterruptedException;
}
