package dev.weft.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UninterruptiblyTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final String LATCH = "java.util.concurrent.CountDownLatch";

    private final List<Thread> helpers = new ArrayList<>();
    private final AtomicReference<Throwable> helperFailure = new AtomicReference<>();

    @AfterEach
    void clearFlagAndJoinHelpers() throws Throwable {
        Thread.interrupted(); // a failed test must not leave the flag to the next one
        for (Thread helper : helpers) {
            helper.interrupt();
            helper.join(LONG.toMillis());
            assertFalse(helper.isAlive(), "helper thread still alive");
        }
        if (helperFailure.get() != null) {
            throw helperFailure.get();
        }
    }

    /**
     * Starts a thread that waits until {@code waiter} is inside {@code className.method}, then
     * runs {@code action}, and in any case {@code release} (so that a failing test does not hang).
     */
    private void whenBlockedIn(Thread waiter, String className, String method, Runnable action, Runnable release) {
        Thread helper = Thread.ofPlatform().name("helper").start(() -> {
            try {
                await("waiter inside " + className + "." + method).atMost(LONG).until(() -> isIn(waiter, className, method));
                action.run();
            } catch (Throwable e) {
                helperFailure.set(e);
            } finally {
                release.run();
            }
        });
        helpers.add(helper);
    }

    /** An action that interrupts {@code waiter}, then waits until the wait has taken the interrupt and gone on waiting. */
    private static Runnable interruptAndSeeItTaken(Thread waiter, String className, String method) {
        return () -> {
            waiter.interrupt();
            await("the interrupt taken, the wait gone on").atMost(LONG)
                    .until(() -> !waiter.isInterrupted() && isIn(waiter, className, method));
        };
    }

    private static boolean isIn(Thread thread, String className, String method) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(className) && f.getMethodName().equals(method));
    }

    private static CountDownLatch counted(int count) {
        return new CountDownLatch(count);
    }

    @ParameterizedTest(name = "interrupted before: {0}, during: {1}")
    @CsvSource({"true, false", "false, true", "true, true"})
    void awaitLatchStillWaitsThenSetsTheFlag(boolean before, boolean during) {
        CountDownLatch latch = counted(1);
        Thread self = Thread.currentThread();
        whenBlockedIn(self, LATCH, "await", during ? interruptAndSeeItTaken(self, LATCH, "await") : () -> { }, latch::countDown);
        if (before) {
            self.interrupt();
        }

        Uninterruptibly.await(latch);

        assertEquals(0, latch.getCount(), "returned before the latch was counted down");
        assertTrue(Thread.interrupted(), "the interrupt was not restored");
    }

    @Test
    void awaitWithoutInterruptLeavesTheFlagClear() {
        CountDownLatch latch = counted(0);
        Uninterruptibly.await(latch);
        Uninterruptibly.join(Thread.ofVirtual().start(() -> { }));
        assertTrue(Uninterruptibly.await(latch, Duration.ZERO));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void timedAwaitReturnsTrueWhenCountedDownDespiteAnInterrupt() {
        CountDownLatch latch = counted(1);
        Thread self = Thread.currentThread();
        whenBlockedIn(self, LATCH, "await", interruptAndSeeItTaken(self, LATCH, "await"), latch::countDown);

        assertTrue(Uninterruptibly.await(latch, Duration.ofMinutes(5)), "the latch was counted down");
        assertTrue(Thread.interrupted(), "the interrupt was not restored");
    }

    @Test
    void timedAwaitReturnsFalseWhenTheTimeRunsOut() {
        CountDownLatch never = counted(1);
        assertFalse(Uninterruptibly.await(never, Duration.ofMillis(20)));
        assertFalse(Thread.currentThread().isInterrupted());

        Thread.currentThread().interrupt();
        assertFalse(Uninterruptibly.await(never, Duration.ofMillis(20)), "an interrupt does not end the wait as a success");
        assertTrue(Thread.interrupted(), "the interrupt was not restored");
    }

    @Test
    void zeroOrNegativeTimeoutJustLooks() {
        assertFalse(Uninterruptibly.await(counted(1), Duration.ZERO));
        assertFalse(Uninterruptibly.await(counted(1), Duration.ofSeconds(-5)));
        assertTrue(Uninterruptibly.await(counted(0), Duration.ofSeconds(-5)));
        assertTrue(Uninterruptibly.await(counted(0), Duration.ofSeconds(Long.MIN_VALUE)));

        List<Long> asked = new ArrayList<>();
        assertFalse(Uninterruptibly.run(nanos -> {
            asked.add(nanos);
            return false;
        }, Duration.ofSeconds(-1)));
        assertEquals(List.of(0L), asked);
    }

    @Test
    void timedRunAsksAgainWithTheTimeLeftNotAFreshTimeout() {
        List<Long> asked = new ArrayList<>();
        boolean result = Uninterruptibly.run(nanos -> {
            asked.add(nanos);
            if (asked.size() < 3) {
                throw new InterruptedException("interrupt " + asked.size());
            }
            return true;
        }, Duration.ofSeconds(60));

        assertTrue(result);
        assertEquals(3, asked.size());
        assertEquals(60_000_000_000L, asked.get(0));
        assertTrue(asked.get(1) <= asked.get(0) && asked.get(2) <= asked.get(1), "the deadline moved: " + asked);
        assertTrue(Thread.interrupted(), "the interrupts were not restored");
    }

    @Test
    void timedRunWithAHugeTimeoutDoesNotOverflow() {
        AtomicLong asked = new AtomicLong();
        assertTrue(Uninterruptibly.run(nanos -> {
            asked.set(nanos);
            return true;
        }, Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(Long.MAX_VALUE, asked.get());
    }

    @Test
    void runCallsTheWaitAgainAfterEachInterruptThenSetsTheFlag() {
        AtomicInteger calls = new AtomicInteger();
        Uninterruptibly.run(() -> {
            if (calls.incrementAndGet() < 4) {
                throw new InterruptedException();
            }
            assertFalse(Thread.currentThread().isInterrupted(), "the wait must run with the flag clear");
        });
        assertEquals(4, calls.get());
        assertTrue(Thread.interrupted(), "the interrupts were not restored");
    }

    @Test
    void runClearsAnEarlierInterruptSoThatTheWaitDoesNotFailAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        Thread.currentThread().interrupt();
        Uninterruptibly.run(() -> {
            calls.incrementAndGet();
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("saw the flag");
            }
        });
        assertEquals(1, calls.get(), "the wait ran with the flag still set");
        assertTrue(Thread.interrupted(), "the interrupt was not restored");
    }

    @Test
    void anotherExceptionLeavesWithTheFlagSet() {
        IllegalStateException failure = new IllegalStateException("boom");
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Uninterruptibly.run(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new InterruptedException();
            }
            throw failure;
        }));
        assertSame(failure, thrown);
        assertTrue(Thread.interrupted(), "the interrupt was lost with the exception");

        assertThrows(IllegalStateException.class, () -> Uninterruptibly.run(() -> {
            throw failure;
        }));
        assertFalse(Thread.currentThread().isInterrupted(), "no interrupt, no flag");
    }

    @Test
    void joinWaitsForTheThreadDespiteInterrupts() {
        CountDownLatch release = counted(1);
        Thread target = Thread.ofPlatform().name("target").start(() -> {
            try {
                release.await(LONG.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        helpers.add(target);
        Thread self = Thread.currentThread();
        whenBlockedIn(self, "java.lang.Thread", "join", interruptAndSeeItTaken(self, "java.lang.Thread", "join"), release::countDown);
        self.interrupt();

        Uninterruptibly.join(target);

        assertFalse(target.isAlive(), "returned before the thread terminated");
        assertEquals(0, release.getCount());
        assertTrue(Thread.interrupted(), "the interrupt was not restored");
    }

    @Test
    void awaitTerminationWaitsForTheExecutorDespiteAnInterrupt() {
        CountDownLatch release = counted(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.execute(() -> {
            try {
                release.await(LONG.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        executor.shutdown();
        whenBlockedIn(Thread.currentThread(), "java.util.concurrent.ThreadPoolExecutor", "awaitTermination", () -> { }, release::countDown);
        Thread.currentThread().interrupt();

        Uninterruptibly.awaitTermination(executor);

        assertTrue(executor.isTerminated(), "returned before the executor terminated");
        assertTrue(Thread.interrupted(), "the interrupt was not restored");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertEquals("wait", assertThrows(NullPointerException.class, () -> Uninterruptibly.run((Uninterruptibly.Wait) null)).getMessage());
        assertEquals("wait", assertThrows(NullPointerException.class, () -> Uninterruptibly.run(null, LONG)).getMessage());
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> Uninterruptibly.run(nanos -> true, null)).getMessage());
        assertEquals("thread", assertThrows(NullPointerException.class, () -> Uninterruptibly.join(null)).getMessage());
        assertEquals("latch", assertThrows(NullPointerException.class, () -> Uninterruptibly.await(null)).getMessage());
        assertEquals("latch", assertThrows(NullPointerException.class, () -> Uninterruptibly.await(null, LONG)).getMessage());
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> Uninterruptibly.await(counted(0), null)).getMessage());
        assertEquals("executor", assertThrows(NullPointerException.class, () -> Uninterruptibly.awaitTermination(null)).getMessage());
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
