package dev.weft.decorators;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.decorators.internal.RetryDecorator;
import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link Decorators#retry(RetryPolicy)} and {@link RetryPolicy}: attempts, backoff, what is retried, interrupts. */
class RetryTest {

    private final FakeClock clock = new FakeClock();
    private final FakeSleeper sleeper = new FakeSleeper(clock);
    private final AtomicInteger attempts = new AtomicInteger();

    /** The decorator on the fake clock and sleeper, with a seeded random source. */
    private Decorator retry(RetryPolicy policy) {
        Random random = new Random(42);
        return new RetryDecorator(spec(policy), clock, sleeper, () -> random);
    }

    private static dev.weft.decorators.internal.RetrySpec spec(RetryPolicy policy) {
        return policy.spec();
    }

    /** A supplier failing with a new exception numbered by its attempt until attempt {@code succeedAt}. */
    private Supplier<String> failingUntil(int succeedAt) {
        return () -> {
            int n = attempts.incrementAndGet();
            if (n < succeedAt) {
                throw new IllegalStateException("attempt " + n);
            }
            return "ok at " + n;
        };
    }

    @Test
    void aFailureIsRetriedUntilAnAttemptSucceeds() {
        Supplier<String> s = Decorate.supplier("flaky", failingUntil(3), retry(RetryPolicy.builder().build()));
        assertEquals("ok at 3", s.get());
        assertEquals(3, attempts.get());
        assertEquals(List.of(), sleeper.sleeps(), "no backoff by default");
    }

    @Test
    void theLastFailureIsThrownWithTheEarlierOnesSuppressedInOrder() {
        Supplier<String> s = Decorate.supplier("broken", failingUntil(Integer.MAX_VALUE),
                retry(RetryPolicy.builder().maxAttempts(4).build()));
        IllegalStateException e = assertThrows(IllegalStateException.class, s::get);
        assertEquals("attempt 4", e.getMessage());
        assertEquals(List.of("attempt 1", "attempt 2", "attempt 3"),
                Arrays.stream(e.getSuppressed()).map(Throwable::getMessage).toList());
        assertEquals(4, attempts.get());
    }

    @Test
    void theSameExceptionThrownAtEachAttemptIsNotSuppressedInItself() {
        IllegalStateException same = new IllegalStateException("always me");
        Supplier<String> s = Decorate.supplier("same", () -> {
            attempts.incrementAndGet();
            throw same;
        }, retry(RetryPolicy.builder().build()));
        assertSame(same, assertThrows(IllegalStateException.class, s::get));
        assertEquals(0, same.getSuppressed().length);
        assertEquals(3, attempts.get());
    }

    @Test
    void oneAttemptNeverRetries() {
        Supplier<String> s = Decorate.supplier("once", failingUntil(2), retry(RetryPolicy.builder().maxAttempts(1).build()));
        assertThrows(IllegalStateException.class, s::get);
        assertEquals(1, attempts.get());
    }

    @Test
    void retryOnRetriesOnlyTheGivenTypesAndTheirSubtypes() throws Exception {
        RetryPolicy onIo = RetryPolicy.builder().maxAttempts(5).retryOn(IOException.class).build();
        Callable<String> io = Decorate.callable("io", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new java.io.FileNotFoundException("not yet");
            }
            return "read";
        }, retry(onIo));
        assertEquals("read", io.call());
        assertEquals(3, attempts.get());

        attempts.set(0);
        Supplier<String> other = Decorate.supplier("other", failingUntil(5), retry(onIo));
        assertThrows(IllegalStateException.class, other::get);
        assertEquals(1, attempts.get(), "an IllegalStateException is not an IOException");
    }

    @Test
    void aCheckedFailureOfACallableIsThrownAsItself() {
        Callable<String> io = Decorate.callable("io", () -> {
            attempts.incrementAndGet();
            throw new IOException("disk");
        }, retry(RetryPolicy.builder().maxAttempts(2).build()));
        IOException e = assertThrows(IOException.class, io::call);
        assertEquals(1, e.getSuppressed().length);
        assertEquals(2, attempts.get());
    }

    @Test
    void retryIfNarrowsTheRetriedFailuresAndCombinesWithRetryOn() {
        RetryPolicy transientOnly = RetryPolicy.builder()
                .retryOn(IllegalStateException.class)
                .retryIf(t -> t.getMessage().startsWith("transient"))
                .build();
        Supplier<String> s = Decorate.supplier("s", () -> {
            int n = attempts.incrementAndGet();
            throw new IllegalStateException(n == 1 ? "transient" : "permanent");
        }, retry(transientOnly));
        assertEquals("permanent", assertThrows(IllegalStateException.class, s::get).getMessage());
        assertEquals(2, attempts.get());
    }

    @Test
    void errorsAreNotRetriedUnlessAsked() {
        Supplier<String> s = Decorate.supplier("err", () -> {
            attempts.incrementAndGet();
            throw new AssertionError("boom");
        }, retry(RetryPolicy.builder().build()));
        assertThrows(AssertionError.class, s::get);
        assertEquals(1, attempts.get());

        attempts.set(0);
        Supplier<String> asked = Decorate.supplier("err", () -> {
            attempts.incrementAndGet();
            throw new AssertionError("boom");
        }, retry(RetryPolicy.builder().retryOn(AssertionError.class).build()));
        assertThrows(AssertionError.class, asked::get);
        assertEquals(3, attempts.get());
    }

    @Test
    void aRetriedResultIsRetriedAndTheLastOneReturnedWhenTheAttemptsRunOut() {
        RetryPolicy untilNonNull = RetryPolicy.builder().maxAttempts(4).retryIfResult(r -> r == null).build();
        Supplier<String> s = Decorate.supplier("poll", () -> attempts.incrementAndGet() < 3 ? null : "ready",
                retry(untilNonNull));
        assertEquals("ready", s.get());
        assertEquals(3, attempts.get());

        attempts.set(0);
        Supplier<String> never = Decorate.supplier("never", () -> {
            attempts.incrementAndGet();
            return null;
        }, retry(untilNonNull));
        assertNull(never.get());
        assertEquals(4, attempts.get());
    }

    @Test
    void aFixedBackoffWaitsTheSameBeforeEachNewAttempt() {
        Supplier<String> s = Decorate.supplier("s", failingUntil(4),
                retry(RetryPolicy.builder().maxAttempts(4).backoff(Duration.ofMillis(250)).build()));
        s.get();
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250)), sleeper.sleeps());
    }

    @Test
    void anExponentialBackoffGrowsByItsFactorUpToItsMaximum() {
        Supplier<String> s = Decorate.supplier("s", failingUntil(Integer.MAX_VALUE), retry(RetryPolicy.builder()
                .maxAttempts(6).exponentialBackoff(Duration.ofMillis(100), 2, Duration.ofMillis(500)).build()));
        assertThrows(IllegalStateException.class, s::get);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(500), Duration.ofMillis(500)), sleeper.sleeps());
    }

    @Test
    void fullJitterWaitsBetweenZeroAndTheBackoff() {
        Supplier<String> s = Decorate.supplier("s", failingUntil(Integer.MAX_VALUE), retry(RetryPolicy.builder()
                .maxAttempts(41).exponentialBackoff(Duration.ofMillis(100), 2, Duration.ofSeconds(1))
                .jitter(RetryPolicy.Jitter.FULL).build()));
        assertThrows(IllegalStateException.class, s::get);
        List<Duration> sleeps = sleeper.sleeps();
        assertEquals(40, sleeps.size());
        for (int i = 0; i < sleeps.size(); i++) {
            long base = Math.min(100L << i, 1000L);
            Duration d = sleeps.get(i);
            assertFalse(d.isNegative(), d::toString);
            assertTrue(d.compareTo(Duration.ofMillis(base)) <= 0, () -> d + " > " + base + " ms");
        }
        assertTrue(sleeps.stream().distinct().count() > 30, () -> "the waits are random: " + sleeps);
    }

    @Test
    void decorrelatedJitterWaitsBetweenTheInitialWaitAndThePreviousTimesTheFactorCapped() {
        Supplier<String> s = Decorate.supplier("s", failingUntil(Integer.MAX_VALUE), retry(RetryPolicy.builder()
                .maxAttempts(41).exponentialBackoff(Duration.ofMillis(100), 3, Duration.ofSeconds(2))
                .jitter(RetryPolicy.Jitter.DECORRELATED).build()));
        assertThrows(IllegalStateException.class, s::get);
        List<Duration> sleeps = sleeper.sleeps();
        assertEquals(40, sleeps.size());
        Duration previous = Duration.ofMillis(100);
        for (Duration d : sleeps) {
            Duration high = previous.multipliedBy(3).compareTo(Duration.ofSeconds(2)) > 0
                    ? Duration.ofSeconds(2) : previous.multipliedBy(3);
            Duration p = previous;
            assertTrue(d.compareTo(Duration.ofMillis(100)) >= 0 && d.compareTo(high) <= 0,
                    () -> d + " outside [100 ms, " + high + "] after " + p);
            previous = d;
        }
        assertTrue(sleeps.stream().distinct().count() > 30, () -> "the waits are random: " + sleeps);
    }

    @Test
    void noAttemptStartsPastTheDeadlineNorAfterAWaitThatWouldEndPastIt() {
        Supplier<String> slow = Decorate.supplier("slow", () -> {
            attempts.incrementAndGet();
            clock.advance(Duration.ofMillis(300));
            throw new IllegalStateException("slow failure " + attempts.get());
        }, retry(RetryPolicy.builder().maxAttempts(10).backoff(Duration.ofMillis(100))
                .deadline(Duration.ofSeconds(1)).build()));
        // attempt 1: 0-300 ms, wait to 400; attempt 2: 400-700, wait to 800; attempt 3: 800-1100, over.
        IllegalStateException e = assertThrows(IllegalStateException.class, slow::get);
        assertEquals(3, attempts.get());
        assertEquals("slow failure 3", e.getMessage());
        assertEquals(2, e.getSuppressed().length);
    }

    @Test
    void theListenerIsToldOfEveryAttemptBeforeTheWait() {
        List<RetryAttempt> seen = new ArrayList<>();
        Supplier<String> s = Decorate.supplier("flaky", failingUntil(3), retry(RetryPolicy.builder()
                .backoff(Duration.ofMillis(10)).onAttempt(a -> {
                    seen.add(a);
                    assertEquals(seen.size() - 1, sleeper.sleeps().size(), "told before the wait");
                }).build()));
        s.get();
        assertEquals(3, seen.size());
        assertEquals("flaky", seen.get(0).name());
        assertEquals(List.of(1, 2, 3), seen.stream().map(RetryAttempt::number).toList());
        assertEquals(List.of(true, true, false), seen.stream().map(RetryAttempt::failed).toList());
        assertEquals(List.of(true, true, false), seen.stream().map(RetryAttempt::willRetry).toList());
        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO),
                seen.stream().map(RetryAttempt::delay).toList());
        assertEquals("attempt 1", seen.get(0).failure().getMessage());
    }

    @Test
    void aFailingListenerEndsTheRetryingWithTheAttemptsFailureSuppressed() {
        Supplier<String> s = Decorate.supplier("flaky", failingUntil(3), retry(RetryPolicy.builder()
                .onAttempt(a -> {
                    throw new IllegalArgumentException("listener");
                }).build()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::get);
        assertEquals("attempt 1", e.getSuppressed()[0].getMessage());
        assertEquals(1, attempts.get());
    }

    @Test
    void anInterruptedExceptionIsNeverRetriedAndIsThrownAsItself() {
        Callable<String> c = Decorate.callable("waits", () -> {
            attempts.incrementAndGet();
            throw new InterruptedException("stop");
        }, retry(RetryPolicy.builder().retryOn(Exception.class).maxAttempts(5).build()));
        assertEquals("stop", assertThrows(InterruptedException.class, c::call).getMessage());
        assertEquals(1, attempts.get());
    }

    @Test
    void aFailureCausedByAnInterruptIsNotRetried() {
        Function<String, String> inner = s -> {
            attempts.incrementAndGet();
            throw new UndeclaredThrowableException(new InterruptedException("inner"));
        };
        Function<String, String> f = Decorate.function("f", inner, retry(RetryPolicy.builder().build()));
        UndeclaredThrowableException e = assertThrows(UndeclaredThrowableException.class, () -> f.apply("x"));
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertEquals(1, attempts.get());
    }

    @Test
    void anInterruptFlagSetByAFailedAttemptEndsTheRetryingWithAnInterruptedException() {
        List<RetryAttempt> seen = new ArrayList<>();
        Callable<String> c = Decorate.callable("c", () -> {
            attempts.incrementAndGet();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("failed, interrupted");
        }, retry(RetryPolicy.builder().onAttempt(seen::add).build()));
        InterruptedException e = assertThrows(InterruptedException.class, c::call);
        assertEquals(1, seen.size());
        assertFalse(seen.get(0).willRetry(), "the listener is told no attempt follows");
        assertFalse(Thread.interrupted(), "thrown, so the flag is cleared");
        assertEquals("failed, interrupted", e.getSuppressed()[0].getMessage());
        assertEquals(1, attempts.get());

        attempts.set(0);
        Supplier<String> s = Decorate.supplier("s", () -> {
            attempts.incrementAndGet();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("failed, interrupted");
        }, retry(RetryPolicy.builder().build()));
        UndeclaredThrowableException u = assertThrows(UndeclaredThrowableException.class, s::get);
        assertInstanceOf(InterruptedException.class, u.getCause());
        assertTrue(Thread.interrupted(), "a Supplier cannot throw it: the flag is restored");
        assertEquals(1, attempts.get());
    }

    @Test
    void anInterruptDuringTheBackoffEndsTheRetrying() throws Exception {
        Callable<String> c = Decorate.callable("c", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("first");
        }, Decorators.retry(RetryPolicy.builder().backoff(Duration.ofMinutes(10)).build()));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().name("retry-caller").start(() -> {
            try {
                c.call();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        await().atMost(TestThreads.JOIN).until(() -> caller.getState() == Thread.State.TIMED_WAITING
                && Arrays.stream(caller.getStackTrace()).anyMatch(f -> f.getClassName().endsWith("RetryDecorator")));
        caller.interrupt();
        TestThreads.join(caller);
        InterruptedException e = assertInstanceOf(InterruptedException.class, thrown.get());
        assertEquals("first", e.getSuppressed()[0].getMessage());
        assertEquals(1, attempts.get());
    }

    @Test
    void aFailedComputationIsNotCachedSoARetryInsideTheCacheRunsItAgain() {
        CacheDecorator cache = Decorators.lruCache();
        Function<Integer, Integer> f = Decorate.function("f", x -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first call fails");
            }
            return x * 2;
        }, cache, retry(RetryPolicy.builder().build()));
        assertEquals(42, f.apply(21));
        assertEquals(42, f.apply(21));
        assertEquals(2, attempts.get(), "the retry ran inside the miss; the second call is a hit");
        assertEquals(new CacheInfo(1, 1, 128, 1), cache.info());
    }

    @Test
    void aRetryOutsideTheCacheRetriesTheMissesAndAFailureIsNeverCached() {
        CacheDecorator cache = Decorators.lruCache();
        Function<Integer, Integer> f = Decorate.function("f", x -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("always");
        }, retry(RetryPolicy.builder().build()), cache);
        assertThrows(IllegalStateException.class, () -> f.apply(1));
        assertThrows(IllegalStateException.class, () -> f.apply(1));
        assertEquals(6, attempts.get());
        assertEquals(new CacheInfo(0, 6, 128, 0), cache.info());
    }

    @Test
    void decoratorsInsideTheRetryRunAtEachAttemptThoseOutsideOnce() {
        List<String> out = new ArrayList<>();
        Supplier<String> s = Decorate.supplier("s", failingUntil(3), Decorators.printBefore("outer", out::add),
                retry(RetryPolicy.builder().build()), Decorators.printBefore("inner", out::add));
        s.get();
        assertEquals(List.of("outer", "inner", "inner", "inner"), out);
    }

    @Test
    void badSettingsAreRefusedAndTheBuilderStillWorks() {
        RetryPolicy.Builder b = RetryPolicy.builder();
        assertEquals("maxAttempts must be >= 1: 0",
                assertThrows(IllegalArgumentException.class, () -> b.maxAttempts(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.maxAttempts(-1));
        assertEquals("backoff must be >= 0: PT-0.001S",
                assertThrows(IllegalArgumentException.class, () -> b.backoff(Duration.ofMillis(-1))).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> b.exponentialBackoff(Duration.ZERO, 2, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> b.exponentialBackoff(Duration.ofMillis(1), 0.5, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> b.exponentialBackoff(Duration.ofMillis(1), Double.NaN, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> b.exponentialBackoff(Duration.ofMillis(1), Double.POSITIVE_INFINITY, Duration.ofSeconds(1)));
        assertEquals("max must be >= initial: max PT0.001S, initial PT1S", assertThrows(IllegalArgumentException.class,
                () -> b.exponentialBackoff(Duration.ofSeconds(1), 2, Duration.ofMillis(1))).getMessage());
        assertEquals("deadline must be > 0: PT0S",
                assertThrows(IllegalArgumentException.class, () -> b.deadline(Duration.ZERO)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.deadline(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, b::retryOn);
        assertThrows(NullPointerException.class, () -> b.backoff(null));
        assertThrows(NullPointerException.class, () -> b.exponentialBackoff(null, 2, Duration.ofSeconds(1)));
        assertThrows(NullPointerException.class, () -> b.retryOn((Class<? extends Throwable>) null));
        assertThrows(NullPointerException.class, () -> b.retryOn((Class<? extends Throwable>[]) null));
        assertThrows(NullPointerException.class, () -> b.retryIf(null));
        assertThrows(NullPointerException.class, () -> b.retryIfResult(null));
        assertThrows(NullPointerException.class, () -> b.onAttempt(null));
        assertThrows(NullPointerException.class, () -> b.jitter(null));
        assertThrows(NullPointerException.class, () -> b.deadline(null));
        assertThrows(NullPointerException.class, () -> Decorators.retry(null));

        RetryPolicy policy = b.maxAttempts(2).backoff(Duration.ofMillis(5)).build();
        assertEquals(2, policy.maxAttempts());
        assertEquals("the backoff was already set", assertThrows(IllegalStateException.class,
                () -> b.exponentialBackoff(Duration.ofMillis(1), 2, Duration.ofSeconds(1))).getMessage());
        assertThrows(IllegalStateException.class, () -> b.maxAttempts(3));
        assertEquals(2, b.build().maxAttempts(), "build leaves the builder usable");
    }

    @Test
    void aPolicySaysItsSettings() {
        assertEquals("RetryPolicy(maxAttempts 3, no backoff, retryOn [Exception])", RetryPolicy.builder().build().toString());
        String text = RetryPolicy.builder().maxAttempts(5)
                .exponentialBackoff(Duration.ofMillis(100), 2, Duration.ofSeconds(1)).jitter(RetryPolicy.Jitter.FULL)
                .retryOn(IOException.class).deadline(Duration.ofSeconds(10)).build().toString();
        assertEquals("RetryPolicy(maxAttempts 5, exponentialBackoff(PT0.1S, 2.0, PT1S), jitter FULL, retryOn [IOException],"
                + " deadline PT10S)", text);
        assertEquals("retry(3 attempts)", Decorators.retry(RetryPolicy.builder().build()).toString());
    }

    @Test
    void anAttemptRecordChecksItsParts() {
        RetryAttempt a = new RetryAttempt("f", 1, null, false, Duration.ZERO);
        assertFalse(a.failed());
        assertThrows(IllegalArgumentException.class, () -> new RetryAttempt("f", 0, null, false, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryAttempt("f", 1, null, true, Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> new RetryAttempt(null, 1, null, false, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> new RetryAttempt("f", 1, null, false, null));
        assertArrayEquals(new Object[] {"f", 1}, new Object[] {a.name(), a.number()});
    }
}
