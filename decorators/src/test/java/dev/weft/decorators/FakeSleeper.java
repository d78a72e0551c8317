package dev.weft.decorators;

import dev.weft.decorators.internal.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that returns at once, moving a {@link FakeClock} by the time asked, and keeps what was asked. */
final class FakeSleeper implements Sleeper {

    private final FakeClock clock;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeSleeper(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("fake sleep interrupted");
        }
        sleeps.add(Duration.ofNanos(nanos));
        clock.advance(Duration.ofNanos(nanos));
    }

    /** {@return every wait asked for, in order} */
    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
