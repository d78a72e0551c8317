package dev.weft.decorators;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when told to, or by a fixed step at each read. */
final class FakeClock implements LongSupplier {

    private final AtomicLong nanos = new AtomicLong();
    private volatile long autoStep;

    FakeClock advance(Duration d) {
        nanos.addAndGet(d.toNanos());
        return this;
    }

    FakeClock autoIncrement(Duration step) {
        autoStep = step.toNanos();
        return this;
    }

    @Override
    public long getAsLong() {
        return nanos.getAndAdd(autoStep);
    }
}
