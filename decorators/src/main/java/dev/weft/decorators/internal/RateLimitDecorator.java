package dev.weft.decorators.internal;

import dev.weft.decorators.Decorator;
import dev.weft.decorators.Invocation;
import dev.weft.decorators.RateLimitExceededException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Lets at most {@code permits} calls start in any window of {@code period} ({@link StartLog}),
 * shared by every caller of every function it decorates. The callers take their turns in order:
 * a fair lock queues them, and its holder waits (interruptibly, lock held) until the log lets it
 * start, so the others wait behind it. A caller that may wait only so long is refused with
 * {@link RateLimitExceededException} as soon as its turn is known to come too late.
 */
public final class RateLimitDecorator implements Decorator {

    /** The {@code maxWaitNanos} of a limit whose callers wait as long as it takes. */
    public static final long WAIT_FOREVER = -1;

    private final int permits;
    private final long periodNanos;
    private final long maxWaitNanos;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final ReentrantLock turn = new ReentrantLock(true);
    private final StartLog log;

    /**
     * Creates a limit on the real clock and sleep.
     *
     * @param permits the most starts in a window, {@code >= 1}
     * @param periodNanos the window's length, {@code > 0}
     * @param maxWaitNanos the longest wait for a turn, {@code >= 0}, or {@link #WAIT_FOREVER}
     */
    public RateLimitDecorator(int permits, long periodNanos, long maxWaitNanos) {
        this(permits, periodNanos, maxWaitNanos, System::nanoTime, Sleeper.THREAD);
    }

    /**
     * Creates a limit with the given time (tests pass a fake clock and a sleeper that moves it).
     *
     * @param permits the most starts in a window, {@code >= 1}
     * @param periodNanos the window's length, {@code > 0}
     * @param maxWaitNanos the longest wait for a turn, {@code >= 0}, or {@link #WAIT_FOREVER}
     * @param nanoClock the clock the windows are measured with
     * @param sleeper how a caller waits for its turn
     */
    public RateLimitDecorator(int permits, long periodNanos, long maxWaitNanos, LongSupplier nanoClock,
            Sleeper sleeper) {
        this.permits = Nanos.atLeastOne(permits, "permits");
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be > 0: " + periodNanos + " ns");
        }
        if (maxWaitNanos < 0 && maxWaitNanos != WAIT_FOREVER) {
            throw new IllegalArgumentException("maxWaitNanos must be >= 0 or WAIT_FOREVER: " + maxWaitNanos);
        }
        this.periodNanos = periodNanos;
        this.maxWaitNanos = maxWaitNanos;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.log = new StartLog(permits, periodNanos);
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        awaitTurn(call.name());
        return call.proceed();
    }

    private void awaitTurn(String name) throws InterruptedException {
        long deadline = maxWaitNanos == WAIT_FOREVER ? 0 : nanoClock.getAsLong() + maxWaitNanos;
        if (maxWaitNanos == WAIT_FOREVER) {
            turn.lockInterruptibly();
        } else if (!turn.tryLock(maxWaitNanos, TimeUnit.NANOSECONDS)) {
            throw refused(name, "the callers ahead of it held their turns longer than");
        }
        try {
            while (true) {
                long now = nanoClock.getAsLong();
                long wait = log.waitNanos(now);
                if (wait == 0) {
                    log.record(now);
                    return;
                }
                if (maxWaitNanos != WAIT_FOREVER && wait > deadline - now) {
                    throw refused(name, "its turn comes in " + DurationText.format(Duration.ofNanos(wait)) + ", later than");
                }
                sleeper.sleep(wait);
            }
        } finally {
            turn.unlock();
        }
    }

    private RateLimitExceededException refused(String name, String what) {
        return new RateLimitExceededException(name + ": rate limit of " + permits + " call(s) per "
                + DurationText.format(Duration.ofNanos(periodNanos)) + " reached: " + what
                + " the " + DurationText.format(Duration.ofNanos(maxWaitNanos)) + " this call may wait");
    }

    @Override
    public String toString() {
        return "rateLimit(" + permits + " per " + DurationText.format(Duration.ofNanos(periodNanos)) + ")";
    }
}
