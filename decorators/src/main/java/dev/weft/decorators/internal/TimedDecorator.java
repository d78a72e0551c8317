package dev.weft.decorators.internal;

import com.google.common.base.Ticker;
import dev.weft.decorators.Decorator;
import dev.weft.decorators.Invocation;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Measures each call with a {@link Ticker} and reports {@code (name, duration)} when it ends,
 * normally or not. A failing sink never hides the call's own exception: it is added to it as
 * suppressed.
 */
public final class TimedDecorator implements Decorator {

    private final BiConsumer<String, Duration> sink;
    private final Ticker ticker;

    /**
     * Creates the decorator.
     *
     * @param sink receives the name and the elapsed time
     * @param ticker the clock
     */
    public TimedDecorator(BiConsumer<String, Duration> sink, Ticker ticker) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    @Override
    public Object around(Invocation call) throws Throwable {
        long start = ticker.read();
        Object result;
        try {
            result = call.proceed();
        } catch (Throwable t) {
            try {
                sink.accept(call.name(), Duration.ofNanos(ticker.read() - start));
            } catch (RuntimeException | Error sinkFailure) {
                t.addSuppressed(sinkFailure);
            }
            throw t;
        }
        sink.accept(call.name(), Duration.ofNanos(ticker.read() - start));
        return result;
    }

    @Override
    public String toString() {
        return "timed";
    }
}
