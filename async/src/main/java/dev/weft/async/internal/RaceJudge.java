package dev.weft.async.internal;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Watches the entrants of a race: the first to succeed wins; the race is decided when someone
 * wins or when every entrant has failed.
 */
public final class RaceJudge implements Consumer<Task<?>> {
    private final AtomicReference<Task<?>> winner = new AtomicReference<>();
    private final AtomicInteger notWon;
    private final CountDownLatch decided = new CountDownLatch(1);

    /**
     * Creates a judge for {@code entrants} entrants.
     *
     * @param entrants how many tasks run in the race, at least one
     */
    public RaceJudge(int entrants) {
        this.notWon = new AtomicInteger(entrants);
    }

    /** Hears that an entrant ended. */
    @Override
    public void accept(Task<?> ended) {
        if (ended.outcome() instanceof Outcome.Success<?> && winner.compareAndSet(null, ended)) {
            decided.countDown();
        } else if (notWon.decrementAndGet() == 0) {
            decided.countDown();
        }
    }

    /**
     * Waits until the race is decided.
     *
     * @throws InterruptedException if the caller is interrupted while waiting
     */
    public void awaitDecision() throws InterruptedException {
        decided.await();
    }

    /** {@return the first entrant that succeeded, or null if none did} */
    public Task<?> winner() {
        return winner.get();
    }
}
