package dev.weft.decorators;

import com.google.common.base.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to, or by a fixed step at each read. */
final class FakeTicker extends Ticker {

    private final AtomicLong nanos = new AtomicLong();
    private volatile long autoStep;

    FakeTicker advance(Duration d) {
        nanos.addAndGet(d.toNanos());
        return this;
    }

    FakeTicker autoIncrement(Duration step) {
        autoStep = step.toNanos();
        return this;
    }

    @Override
    public long read() {
        return nanos.getAndAdd(autoStep);
    }
}
