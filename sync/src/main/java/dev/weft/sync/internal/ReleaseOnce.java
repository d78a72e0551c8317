package dev.weft.sync.internal;

import dev.weft.sync.Guard;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Guard} that runs its release action on the first {@link #close()} only, so that a
 * guard closed twice never releases a lock or a permit it did not take.
 */
public final class ReleaseOnce implements Guard {
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Creates a guard over something already acquired.
     *
     * @param release what {@link #close()} runs, once
     * @throws NullPointerException if {@code release} is null
     */
    public ReleaseOnce(Runnable release) {
        this.release = Objects.requireNonNull(release, "release");
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
