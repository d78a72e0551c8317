package dev.weft.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlineTimerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A clock moved by hand and the wake-ups the timer asked for, run by hand. */
    private static final class Manual implements DeadlineTimer.Waker {
        long now = 1_000;
        final List<Long> wakeAts = new ArrayList<>();
        final List<Runnable> wakes = new ArrayList<>();

        @Override
        public void wakeAfter(long delayNanos, Runnable wake) {
            assertTrue(delayNanos >= 0, "a delay is never negative: " + delayNanos);
            wakeAts.add(now + delayNanos);
            wakes.add(wake);
        }

        /** Moves the clock to {@code at} and runs the wake-ups due by then, as the JDK's delay thread would. */
        void advanceTo(long at) {
            now = at;
            for (int i = 0; i < wakes.size(); i++) {
                if (wakeAts.get(i) <= now && wakes.get(i) != null) {
                    Runnable wake = wakes.get(i);
                    wakes.set(i, null);
                    wake.run();
                }
            }
        }

        int wakeUpsAskedFor() {
            return wakeAts.size();
        }
    }

    private final Manual manual = new Manual();
    private final DeadlineTimer timer = new DeadlineTimer(() -> manual.now, manual);

    @Test
    void anActionRunsOnceAtItsDeadlineAndNotBefore() {
        AtomicInteger runs = new AtomicInteger();
        DeadlineTimer.Deadline deadline = timer.schedule(100, runs::incrementAndGet);

        assertEquals(List.of(1_100L), manual.wakeAts, "one wake-up, at the deadline");
        manual.advanceTo(1_099);
        assertEquals(0, runs.get(), "not before its deadline");
        manual.advanceTo(1_100);
        assertEquals(1, runs.get(), "at its deadline");
        manual.advanceTo(5_000);
        assertEquals(1, runs.get(), "once");
        assertFalse(deadline.cancel(), "a deadline that ran cannot be cancelled");
        assertEquals(0, timer.heapSize(), "nothing is left in the heap");
    }

    @Test
    void aCancelledDeadlineDoesNotRunAndIsDroppedAtTheHead() {
        AtomicInteger runs = new AtomicInteger();
        DeadlineTimer.Deadline deadline = timer.schedule(100, runs::incrementAndGet);

        assertTrue(deadline.cancel(), "the first cancel cancels");
        assertFalse(deadline.cancel(), "a second does nothing");
        manual.advanceTo(2_000);
        assertEquals(0, runs.get(), "a cancelled deadline does not run");
        assertEquals(0, timer.heapSize(), "it is dropped when its wake-up comes");
    }

    @Test
    void deadlinesRunInTheOrderOfTheirTimesAndALaterOneWakesNoOneUp() {
        List<String> ran = new ArrayList<>();
        timer.schedule(300, () -> ran.add("c"));
        timer.schedule(500, () -> ran.add("e"));
        timer.schedule(400, () -> ran.add("d"));
        assertEquals(1, manual.wakeUpsAskedFor(), "deadlines later than the earliest ask for no wake-up");

        timer.schedule(100, () -> ran.add("a"));
        timer.schedule(200, () -> ran.add("b"));
        assertEquals(List.of(1_300L, 1_100L), manual.wakeAts, "an earlier deadline asks for its own wake-up");

        manual.advanceTo(1_250);
        assertEquals(List.of("a", "b"), ran, "what is due by then runs, in order");
        manual.advanceTo(1_600);
        assertEquals(List.of("a", "b", "c", "d", "e"), ran, "the rest in order, the stale wake-up included");
        assertEquals(0, timer.heapSize());
    }

    @Test
    void aWakeUpWhoseDeadlineWasCancelledSchedulesTheNextOne() {
        AtomicInteger late = new AtomicInteger();
        DeadlineTimer.Deadline first = timer.schedule(100, () -> { });
        timer.schedule(1_000, late::incrementAndGet);
        first.cancel();

        manual.advanceTo(1_100);
        assertEquals(List.of(1_100L, 2_000L), manual.wakeAts, "the next deadline's wake-up follows");
        manual.advanceTo(2_000);
        assertEquals(1, late.get());
    }

    @Test
    void manyCancelledDeadlinesAreDroppedSoTheHeapStaysSmall() {
        for (int round = 0; round < 100; round++) {
            List<DeadlineTimer.Deadline> scheduled = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                scheduled.add(timer.schedule(1_000_000 + i, () -> { }));
            }
            scheduled.forEach(DeadlineTimer.Deadline::cancel);
        }
        assertTrue(timer.heapSize() <= 2_000 + 64,
                "100,000 cancelled deadlines leave at most about twice the most live at once: " + timer.heapSize());

        AtomicInteger runs = new AtomicInteger();
        timer.schedule(10, runs::incrementAndGet);
        assertEquals(1, timer.heapSize(), "the next schedule drops every marked deadline");
        manual.advanceTo(1_010);
        assertEquals(1, runs.get(), "the live deadline still runs after the heap was rebuilt");
    }

    @Test
    void liveDeadlinesSurviveTheHeapsRebuildInOrder() {
        List<Integer> ran = new ArrayList<>();
        List<DeadlineTimer.Deadline> cancelled = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int at = 1_000 - i * 5; // scheduled latest first
            DeadlineTimer.Deadline deadline = timer.schedule(at, () -> ran.add(at));
            if (i % 3 != 0) {
                cancelled.add(deadline);
            }
        }
        cancelled.forEach(DeadlineTimer.Deadline::cancel);
        timer.schedule(2_000, () -> ran.add(2_000)); // rebuilds the heap: 133 marked of 200

        assertTrue(timer.heapSize() < 100, "the marked deadlines were dropped: " + timer.heapSize());
        manual.advanceTo(1_000 + 2_000);
        List<Integer> expected = new ArrayList<>();
        for (int i = 199; i >= 0; i--) {
            if (i % 3 == 0) {
                expected.add(1_000 - i * 5);
            }
        }
        expected.add(2_000);
        assertEquals(expected, ran);
    }

    @Test
    void aFailingActionDoesNotKeepTheOthersFromRunning() {
        AtomicInteger runs = new AtomicInteger();
        timer.schedule(10, () -> {
            throw new IllegalStateException("boom, expected by the test");
        });
        timer.schedule(10, runs::incrementAndGet);

        manual.advanceTo(1_010);
        assertEquals(1, runs.get());
    }

    @Test
    void aNegativeDelayRunsAtTheNextWakeUpAndAHugeOneDoesNotOverflow() {
        List<String> ran = new ArrayList<>();
        timer.schedule(Long.MAX_VALUE, () -> ran.add("never"));
        timer.schedule(-5, () -> ran.add("now"));

        assertEquals(1_000L, manual.wakeAts.get(1), "a negative delay is due at once");
        manual.advanceTo(1_000);
        manual.advanceTo(Long.MAX_VALUE >> 3);
        assertEquals(List.of("now"), ran, "a delay of Long.MAX_VALUE is far, not in the past");
    }

    @Test
    void badInputIsRefused() {
        assertThrows(NullPointerException.class, () -> timer.schedule(1, null));
        assertThrows(NullPointerException.class, () -> new DeadlineTimer(null, manual));
        assertThrows(NullPointerException.class, () -> new DeadlineTimer(System::nanoTime, null));
    }

    @Test
    void theSharedTimerRunsDueDeadlinesAndNotCancelledOnes() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch last = new CountDownLatch(1);
        // the actions made first (a cold JVM links each lambda in a millisecond or more), and the
        // cancelled deadline far enough that cancelling it at once always comes first: this is a
        // real clock, and a slow machine may pause a test thread for milliseconds
        Runnable never = () -> ran.add("cancelled");
        Runnable first = () -> ran.add("first");
        Runnable lastOne = () -> {
            ran.add("last");
            last.countDown();
        };
        DeadlineTimer.Deadline cancelled = DeadlineTimer.SHARED.schedule(TimeUnit.MILLISECONDS.toNanos(300), never);
        assertTrue(cancelled.cancel(), "cancelled long before it was due");
        DeadlineTimer.SHARED.schedule(TimeUnit.MILLISECONDS.toNanos(1), first);
        DeadlineTimer.SHARED.schedule(TimeUnit.MILLISECONDS.toNanos(400), lastOne);

        assertTrue(last.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the last deadline ran");
        assertEquals(List.of("first", "last"), ran, "in order, without the cancelled one");
    }

    @Test
    void deadlinesScheduledAndCancelledFromManyThreadsAreAllAccountedFor() throws InterruptedException {
        DeadlineTimer shared = new DeadlineTimer(System::nanoTime, DeadlineTimer::wakeLater);
        AtomicInteger runs = new AtomicInteger();
        int threads = 4;
        int each = 5_000;
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    DeadlineTimer.Deadline deadline = shared.schedule(i % 2 == 0 ? 0 : TimeUnit.HOURS.toNanos(1),
                            runs::incrementAndGet);
                    if (i % 2 == 1) {
                        deadline.cancel();
                    }
                }
            }));
        }
        for (Thread thread : started) {
            thread.join(PATIENCE);
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(threads * each / 2, runs.get(),
                "every deadline due at once ran, once, and no cancelled one"));
        assertTrue(shared.heapSize() <= threads * each / 2 + 64, "cancelled ones are dropped: " + shared.heapSize());
    }
}
