package dev.weft.decorators.internal;

import dev.weft.decorators.Decorator;
import dev.weft.decorators.Invocation;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Measures each call with a nanosecond clock ({@link System#nanoTime()} or a test's) and reports {@code (name, duration)} when it ends,
 * normally or not. A failing sink never hides the call's own exception: it is added to it as
 * suppressed.
 */
public final class TimedDecorator implements Decorator {

    private final BiConsumer<String, Duration> sink;
    private final LongSupplier nanoClock;

    /**
     * Creates the decorator.
     *
     * @param sink receives the name and the elapsed time
     * @param nanoClock the clock, in nanoseconds
     */
    public TimedDecorator(BiConsumer<String, Duration> sink, LongSupplier nanoClock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        long start = nanoClock.getAsLong();
        Object result;
        try {
            result = call.proceed();
        } catch (Throwable t) {
            try {
                sink.accept(call.name(), Duration.ofNanos(nanoClock.getAsLong() - start));
            } catch (RuntimeException | Error sinkFailure) {
                t.addSuppressed(sinkFailure);
            }
            throw t;
        }
        sink.accept(call.name(), Duration.ofNanos(nanoClock.getAsLong() - start));
        return result;
    }

    @Override
    public String toString() {
        return "timed";
    }
}
