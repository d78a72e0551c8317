package dev.weft.decorators;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.decorators.internal.RateLimitDecorator;
import dev.weft.decorators.internal.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link Decorators#rateLimit(int, Duration)} and its refusing form, measured on a fake clock. */
class RateLimitTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final FakeClock clock = new FakeClock();
    private final FakeSleeper sleeper = new FakeSleeper(clock);

    private Decorator limit(int permits, Duration period) {
        return new RateLimitDecorator(permits, period.toNanos(), RateLimitDecorator.WAIT_FOREVER, clock, sleeper);
    }

    private Decorator refusing(int permits, Duration period, Duration maxWait) {
        return new RateLimitDecorator(permits, period.toNanos(), maxWait.toNanos(), clock, sleeper);
    }

    /** Calls {@code s} and returns the fake time it started at (the body reads the clock; only sleeps move it). */
    private long startOf(Supplier<Long> s) {
        return s.get();
    }

    @Test
    void callsOverTheLimitWaitForTheOldestStartToBeAPeriodOld() {
        Supplier<Long> now = Decorate.supplier("now", clock::getAsLong, limit(3, Duration.ofSeconds(1)));
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            starts.add(startOf(now));
        }
        assertEquals(List.of(0L, 0L, 0L, SECOND, SECOND, SECOND, 2 * SECOND, 2 * SECOND, 2 * SECOND, 3 * SECOND), starts);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeper.sleeps());
    }

    @Test
    void thereIsNoBurstAcrossTheEndOfAFixedWindowNorAfterAnIdleTime() {
        Supplier<Long> now = Decorate.supplier("now", clock::getAsLong, limit(2, Duration.ofSeconds(1)));
        clock.advance(Duration.ofMillis(900));
        assertEquals(List.of(900L, 900L), List.of(startOf(now) / 1_000_000, startOf(now) / 1_000_000));
        clock.advance(Duration.ofMillis(100));   // a fixed-window limiter would start two more now
        assertEquals(1900L, startOf(now) / 1_000_000);
        clock.advance(Duration.ofSeconds(60));   // idle: a token bucket would have saved up a burst
        long t = startOf(now);
        assertEquals(t, startOf(now));
        assertEquals(t + SECOND, startOf(now), "two per window however long the idle time was");
    }

    @Test
    void noWindowEverHoldsMoreThanThePermitsUnderRandomArrivals() {
        int permits = 4;
        Supplier<Long> now = Decorate.supplier("now", clock::getAsLong, limit(permits, Duration.ofSeconds(1)));
        List<Long> starts = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            clock.advance(Duration.ofMillis(random.nextInt(400)));
            arrivals.add(clock.getAsLong());
            starts.add(startOf(now));
        }
        for (int i = permits; i < starts.size(); i++) {
            long expected = Math.max(arrivals.get(i), starts.get(i - permits) + SECOND);
            assertEquals(expected, starts.get(i), "call " + i + " starts as soon as the window allows, not later");
        }
    }

    /**
     * A fake clock shared by threads, that moves by a random step at each read and remembers each
     * thread's last read: the limiter reads it under its lock, last when it lets a call start, so
     * a call's body finds its start time there.
     */
    private static final class SharedClock implements LongSupplier, Sleeper {
        private final AtomicLong nanos = new AtomicLong();
        private final ThreadLocal<long[]> lastRead = ThreadLocal.withInitial(() -> new long[1]);
        private final long maxStep;

        SharedClock(long maxStep) {
            this.maxStep = maxStep;
        }

        @Override
        public long getAsLong() {
            long t = nanos.addAndGet(ThreadLocalRandom.current().nextLong(maxStep));
            lastRead.get()[0] = t;
            return t;
        }

        @Override
        public void sleep(long n) {
            nanos.addAndGet(n);
        }

        long lastRead() {
            return lastRead.get()[0];
        }
    }

    @Test
    void sixtyFourCallersStayWithinTheBoundInEveryWindowOfAFakeClock() throws Exception {
        int permits = 5;
        int callers = 64;
        int callsEach = 8 * Integer.getInteger("weft.stress.factor", 1);
        long maxStep = Duration.ofMillis(2).toNanos();
        SharedClock shared = new SharedClock(maxStep);
        Decorator limit = new RateLimitDecorator(permits, SECOND, RateLimitDecorator.WAIT_FOREVER, shared, shared);
        ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
        Runnable call = Decorate.runnable("call", () -> starts.add(shared.lastRead()), limit);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int j = 0; j < callsEach; j++) {
                    call.run();
                }
            }));
        }
        TestThreads.joinAll(threads);
        long[] sorted = starts.stream().mapToLong(Long::longValue).sorted().toArray();
        assertEquals(callers * callsEach, sorted.length);
        for (int i = permits; i < sorted.length; i++) {
            long window = sorted[i] - sorted[i - permits];
            int at = i;
            assertTrue(window >= SECOND, () -> (permits + 1) + " starts within " + window + " ns, ending at call " + at);
        }
        long groups = (sorted.length + permits - 1) / permits;
        assertTrue(sorted[sorted.length - 1] - sorted[0] <= groups * (SECOND + 4 * permits * maxStep),
                "the callers were not held back more than the limit needs");
    }

    @Test
    void theRefusingFormRefusesWhatWouldWaitAndItsRefusalsUseNoneOfTheLimit() {
        Decorator limit = refusing(2, Duration.ofSeconds(1), Duration.ZERO);
        Supplier<Long> now = Decorate.supplier("api", clock::getAsLong, limit);
        now.get();
        now.get();
        RateLimitExceededException e = assertThrows(RateLimitExceededException.class, now::get);
        assertEquals("api: rate limit of 2 call(s) per 1.000 s reached: its turn comes in 1.000 s,"
                + " later than the 0 ns this call may wait", e.getMessage());
        assertThrows(RateLimitExceededException.class, now::get);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(SECOND, now.get());
        assertEquals(SECOND, now.get(), "the refused calls took no turn");
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void theRefusingFormWaitsWhenItsTurnComesWithinMaxWait() {
        Supplier<Long> now = Decorate.supplier("api", clock::getAsLong,
                refusing(1, Duration.ofSeconds(1), Duration.ofMillis(500)));
        now.get();
        clock.advance(Duration.ofMillis(600));
        assertEquals(SECOND, now.get());
        assertEquals(List.of(Duration.ofMillis(400)), sleeper.sleeps());
        assertThrows(RateLimitExceededException.class, now::get);
    }

    @Test
    void oneLimitIsSharedByEveryFunctionItDecorates() {
        Decorator limit = refusing(1, Duration.ofSeconds(1), Duration.ZERO);
        Decorate.runnable("f", () -> { }, limit).run();
        assertThrows(RateLimitExceededException.class, Decorate.runnable("g", () -> { }, limit)::run);
    }

    @Test
    void anInterruptedWaiterThrowsInterruptedExceptionWhetherItSleepsOrQueues() throws Exception {
        Decorator limit = Decorators.rateLimit(1, Duration.ofHours(1));
        Callable<String> c = Decorate.callable("c", () -> "ran", limit);
        assertEquals("ran", c.call());
        AtomicReference<Throwable> sleeperThrew = new AtomicReference<>();
        AtomicReference<Throwable> queuedThrew = new AtomicReference<>();
        Thread sleeping = Thread.ofPlatform().start(() -> callInto(c, sleeperThrew));
        await().atMost(TestThreads.JOIN).until(() -> sleeping.getState() == Thread.State.TIMED_WAITING
                && Arrays.stream(sleeping.getStackTrace()).anyMatch(f -> f.getClassName().endsWith("RateLimitDecorator")));
        Thread queued = Thread.ofPlatform().start(() -> callInto(c, queuedThrew));
        await().atMost(TestThreads.JOIN).until(() -> TestThreads.waitingIn(queued,
                "java.util.concurrent.locks.ReentrantLock", "lockInterruptibly"));
        queued.interrupt();
        TestThreads.join(queued);
        sleeping.interrupt();
        TestThreads.join(sleeping);
        assertInstanceOf(InterruptedException.class, queuedThrew.get());
        assertInstanceOf(InterruptedException.class, sleeperThrew.get());
    }

    private static void callInto(Callable<String> c, AtomicReference<Throwable> thrown) {
        try {
            c.call();
        } catch (Throwable t) {
            thrown.set(t);
        }
    }

    @Test
    void anInterruptedWaitTakesNoTurn() {
        Sleeper interrupted = n -> {
            throw new InterruptedException("stop");
        };
        Decorator limit = new RateLimitDecorator(1, SECOND, RateLimitDecorator.WAIT_FOREVER, clock, interrupted);
        Callable<Long> now = Decorate.callable("now", clock::getAsLong, limit);
        assertThrows(InterruptedException.class, () -> {
            now.call();
            now.call();
        });
        clock.advance(Duration.ofSeconds(1));
        Supplier<Long> next = Decorate.supplier("next", clock::getAsLong, limit);
        assertEquals(SECOND, next.get());
    }

    @Test
    void aHugeLimitKeepsOnlyTheStartsOfTheLastPeriod() {
        Supplier<Long> now = Decorate.supplier("now", clock::getAsLong, limit(Integer.MAX_VALUE, Duration.ofSeconds(1)));
        for (int i = 0; i < 100_000; i++) {
            assertEquals(clock.getAsLong(), now.get(), "never waits");
            clock.advance(Duration.ofMillis(1));
        }
        assertEquals(List.of(), sleeper.sleeps());
        assertEquals(0L, Decorate.supplier("big", () -> 0L, Decorators.rateLimit(Integer.MAX_VALUE, Duration.ofDays(1))).get());
    }

    @Test
    void badLimitsAreRefused() {
        assertEquals("permits must be >= 1: 0", assertThrows(IllegalArgumentException.class,
                () -> Decorators.rateLimit(0, Duration.ofSeconds(1))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decorators.rateLimit(-1, Duration.ofSeconds(1)));
        assertEquals("period must be > 0: PT0S", assertThrows(IllegalArgumentException.class,
                () -> Decorators.rateLimit(1, Duration.ZERO)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decorators.rateLimit(1, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Decorators.rateLimit(1, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Decorators.rateLimit(0, Duration.ofSeconds(1), Duration.ZERO));
        assertEquals("period", assertThrows(NullPointerException.class, () -> Decorators.rateLimit(1, null)).getMessage());
        assertEquals("maxWait", assertThrows(NullPointerException.class,
                () -> Decorators.rateLimit(1, Duration.ofSeconds(1), null)).getMessage());
        assertEquals("rateLimit(5 per 1.000 s)", Decorators.rateLimit(5, Duration.ofSeconds(1)).toString());
    }
}
