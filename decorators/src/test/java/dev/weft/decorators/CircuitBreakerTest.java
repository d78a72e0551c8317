package dev.weft.decorators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.decorators.CircuitBreaker.State;
import dev.weft.decorators.internal.CircuitBreakerDecorator;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link Decorators#circuitBreaker(double, int, Duration)} on a fake clock. */
class CircuitBreakerTest {

    private static final Duration OPEN_FOR = Duration.ofSeconds(30);

    private final FakeClock clock = new FakeClock();
    private final AtomicInteger runs = new AtomicInteger();

    private CircuitBreaker breaker(double rate, int window) {
        return new CircuitBreakerDecorator(rate, window, OPEN_FOR.toNanos(), clock);
    }

    /** {@code f(true)} fails, {@code f(false)} succeeds; every run is counted. */
    private Function<Boolean, String> function(CircuitBreaker breaker) {
        return Decorate.function("service", fail -> {
            runs.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("down");
            }
            return "up";
        }, breaker);
    }

    @Test
    void itOpensOnceTheWindowIsFullAndTheFailuresReachTheRate() {
        CircuitBreaker breaker = breaker(0.5, 4);
        Function<Boolean, String> f = function(breaker);
        assertThrows(IllegalStateException.class, () -> f.apply(true));
        assertEquals("up", f.apply(false));
        assertThrows(IllegalStateException.class, () -> f.apply(true));
        assertEquals(State.CLOSED, breaker.state(), "3 calls known, the window is 4");
        assertEquals("up", f.apply(false));
        assertEquals(State.OPEN, breaker.state(), "2 failures of 4");
        CircuitOpenException e = assertThrows(CircuitOpenException.class, () -> f.apply(false));
        assertEquals("service: circuit open, 30.000 s before a trial call", e.getMessage());
        assertEquals(4, runs.get(), "a refused call does not run");
    }

    @Test
    void theWindowSlidesOverTheLastCalls() {
        CircuitBreaker breaker = breaker(0.5, 4);
        Function<Boolean, String> f = function(breaker);
        for (int i = 0; i < 10; i++) {
            f.apply(false);
        }
        assertThrows(IllegalStateException.class, () -> f.apply(true));
        assertEquals(State.CLOSED, breaker.state(), "1 of the last 4");
        assertThrows(IllegalStateException.class, () -> f.apply(true));
        assertEquals(State.OPEN, breaker.state(), "2 of the last 4");
    }

    @Test
    void afterTheOpenTimeATrialCallThatSucceedsClosesItWithAnEmptyWindow() {
        CircuitBreaker breaker = breaker(1, 2);
        Function<Boolean, String> f = function(breaker);
        assertThrows(IllegalStateException.class, () -> f.apply(true));
        assertThrows(IllegalStateException.class, () -> f.apply(true));
        assertEquals(State.OPEN, breaker.state());
        clock.advance(OPEN_FOR.minusNanos(1));
        assertThrows(CircuitOpenException.class, () -> f.apply(false));
        clock.advance(Duration.ofNanos(1));
        assertEquals("up", f.apply(false));
        assertEquals(State.CLOSED, breaker.state());
        assertThrows(IllegalStateException.class, () -> f.apply(true));
        assertEquals(State.CLOSED, breaker.state(), "the window starts empty again");
    }

    @Test
    void aTrialCallThatFailsOpensItForAnotherOpenTime() {
        CircuitBreaker breaker = breaker(1, 1);
        Function<Boolean, String> f = function(breaker);
        assertThrows(IllegalStateException.class, () -> f.apply(true));
        clock.advance(OPEN_FOR);
        assertThrows(IllegalStateException.class, () -> f.apply(true));
        assertEquals(State.OPEN, breaker.state());
        clock.advance(OPEN_FOR.minusNanos(1));
        assertThrows(CircuitOpenException.class, () -> f.apply(false));
        clock.advance(Duration.ofNanos(1));
        assertEquals("up", f.apply(false));
    }

    @Test
    void whileTheTrialRunsTheOtherCallsAreRefused() throws Exception {
        CircuitBreaker breaker = breaker(1, 1);
        CountDownLatch inTrial = new CountDownLatch(1);
        CountDownLatch endTrial = new CountDownLatch(1);
        Function<String, String> f = Decorate.function("service", mode -> {
            if (mode.equals("fail")) {
                throw new IllegalStateException("down");
            }
            if (mode.equals("slow")) {
                inTrial.countDown();
                try {
                    assertTrue(endTrial.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "up";
        }, breaker);
        assertThrows(IllegalStateException.class, () -> f.apply("fail"));
        clock.advance(OPEN_FOR);
        AtomicReference<String> trial = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> trial.set(f.apply("slow")));
        assertTrue(inTrial.await(30, TimeUnit.SECONDS));
        assertEquals(State.HALF_OPEN, breaker.state());
        assertEquals("service: circuit half-open, a trial call is running",
                assertThrows(CircuitOpenException.class, () -> f.apply("fast")).getMessage());
        endTrial.countDown();
        TestThreads.join(t);
        assertEquals("up", trial.get());
        assertEquals(State.CLOSED, breaker.state());
    }

    @Test
    void interruptionsAndErrorsAreNotCountedAsFailures() {
        CircuitBreaker breaker = breaker(1, 1);
        Callable<String> interrupted = Decorate.callable("c", () -> {
            throw new InterruptedException("cancelled");
        }, breaker);
        assertThrows(InterruptedException.class, interrupted::call);
        Callable<String> erring = Decorate.callable("c", () -> {
            throw new AssertionError("bug");
        }, breaker);
        assertThrows(AssertionError.class, erring::call);
        assertEquals(State.CLOSED, breaker.state());
        Callable<String> failing = Decorate.callable("c", () -> {
            throw new java.io.IOException("down");
        }, breaker);
        assertThrows(java.io.IOException.class, failing::call);
        assertEquals(State.OPEN, breaker.state());
    }

    @Test
    void aCallThatEndsAfterTheStateChangedIsNotCounted() throws Exception {
        CircuitBreaker breaker = breaker(1, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Function<String, String> f = Decorate.function("service", mode -> {
            if (mode.equals("late")) {
                started.countDown();
                try {
                    assertTrue(finish.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("old news");
            }
            if (mode.equals("fail")) {
                throw new IllegalStateException("down");
            }
            return "up";
        }, breaker);
        Thread late = Thread.ofPlatform().start(() -> assertThrows(IllegalStateException.class, () -> f.apply("late")));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertThrows(IllegalStateException.class, () -> f.apply("fail"));   // opens
        clock.advance(OPEN_FOR);
        assertEquals("up", f.apply("ok"));                                  // the trial closes it
        finish.countDown();
        TestThreads.join(late);
        assertEquals(State.CLOSED, breaker.state(), "the failure began before the breaker opened");
    }

    @Test
    void badSettingsAreRefused() {
        assertEquals("failureRate must be in (0, 1]: 0.0", assertThrows(IllegalArgumentException.class,
                () -> Decorators.circuitBreaker(0, 10, OPEN_FOR)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decorators.circuitBreaker(1.5, 10, OPEN_FOR));
        assertThrows(IllegalArgumentException.class, () -> Decorators.circuitBreaker(Double.NaN, 10, OPEN_FOR));
        assertThrows(IllegalArgumentException.class, () -> Decorators.circuitBreaker(-0.5, 10, OPEN_FOR));
        assertEquals("window must be >= 1: 0", assertThrows(IllegalArgumentException.class,
                () -> Decorators.circuitBreaker(0.5, 0, OPEN_FOR)).getMessage());
        assertEquals("openFor must be > 0: PT0S", assertThrows(IllegalArgumentException.class,
                () -> Decorators.circuitBreaker(0.5, 10, Duration.ZERO)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decorators.circuitBreaker(0.5, 10, Duration.ofSeconds(-1)));
        assertEquals("openFor", assertThrows(NullPointerException.class,
                () -> Decorators.circuitBreaker(0.5, 10, null)).getMessage());
        assertEquals("circuitBreaker(50% of 10 calls, open 30.000 s): CLOSED",
                Decorators.circuitBreaker(0.5, 10, OPEN_FOR).toString());
    }
}
