package dev.weft.decorators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TaskScope;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link Decorators#timeout(Duration)}: weft's deadline around a call. */
class TimeoutTest {

    /** Never opened: a call blocked on it waits until it is interrupted. */
    private final CountDownLatch never = new CountDownLatch(1);
    private final AtomicInteger attempts = new AtomicInteger();

    /** Blocks until interrupted, then says so by rethrowing the interrupt. */
    private String blockUntilInterrupted() throws InterruptedException {
        assertFalse(never.await(30, TimeUnit.SECONDS), "the timeout should have interrupted this wait");
        throw new AssertionError("not interrupted in 30 s");
    }

    @Test
    void aCallThatEndsInTimeReturnsAndRunsUnderTheDeadline() throws Exception {
        Instant before = Instant.now();
        AtomicReference<Optional<Instant>> seen = new AtomicReference<>();
        Callable<String> c = Decorate.callable("quick", () -> {
            seen.set(TaskScope.currentDeadline());
            return "done";
        }, Decorators.timeout(Duration.ofSeconds(30)));
        assertEquals("done", c.call());
        Instant deadline = seen.get().orElseThrow();
        assertTrue(!deadline.isBefore(before.plusSeconds(30)) && deadline.isBefore(Instant.now().plusSeconds(31)), deadline::toString);
        assertEquals(Optional.empty(), TaskScope.currentDeadline(), "the deadline ends with the call");
    }

    @Test
    void pastTheDeadlineTheCallIsInterruptedAndThrowsTimeoutException() {
        Callable<String> c = Decorate.callable("slow", this::blockUntilInterrupted, Decorators.timeout(Duration.ofMillis(50)));
        TimeoutException e = assertThrows(TimeoutException.class, c::call);
        assertEquals("slow did not end within 50.000 ms", e.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the deadline's interrupt does not outlive the call");
    }

    @Test
    void aSupplierGetsTheTimeoutAsTheCauseOfAnUndeclaredThrowable() {
        Supplier<String> s = Decorate.supplier("slow", () -> {
            try {
                return blockUntilInterrupted();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ie);
            }
        }, Decorators.timeout(Duration.ofMillis(50)));
        UndeclaredThrowableException e = assertThrows(UndeclaredThrowableException.class, s::get);
        assertInstanceOf(TimeoutException.class, e.getCause());
        assertFalse(Thread.interrupted());
    }

    @Test
    void whatTheCallStartedInWeftScopesIsCancelled() throws Exception {
        CountDownLatch forkInterrupted = new CountDownLatch(1);
        Callable<String> c = Decorate.callable("starts work", () -> {
            TaskScope.current().orElseThrow().fork(() -> {
                try {
                    return blockUntilInterrupted();
                } catch (InterruptedException e) {
                    forkInterrupted.countDown();
                    throw e;
                }
            });
            try (TaskScope own = TaskScope.open()) {
                own.fork(this::blockUntilInterrupted);
                own.join();
            }
            return "joined";
        }, Decorators.timeout(Duration.ofMillis(50)));
        assertThrows(TimeoutException.class, c::call);
        assertTrue(forkInterrupted.await(30, TimeUnit.SECONDS), "the fork was cancelled");
    }

    @Test
    void theCallsOwnFailurePassesAsItself() {
        Callable<String> c = Decorate.callable("fails", () -> {
            throw new java.io.IOException("disk");
        }, Decorators.timeout(Duration.ofSeconds(30)));
        assertEquals("disk", assertThrows(java.io.IOException.class, c::call).getMessage());
    }

    @Test
    void aRetryOutsideTheTimeoutGivesEachAttemptItsOwnDeadline() throws Exception {
        // attempt 1 hangs until its deadline; the later ones return at once, and only a stall
        // longer than the timeout (on a loaded machine) could make one of them time out too
        Callable<String> c = Decorate.callable("c", () -> {
            int n = attempts.incrementAndGet();
            if (n == 1) {
                return blockUntilInterrupted();
            }
            return "attempt " + n;
        }, Decorators.retry(RetryPolicy.builder().maxAttempts(10).build()), Decorators.timeout(Duration.ofMillis(200)));
        String result = c.call();
        assertEquals("attempt " + attempts.get(), result);
        assertTrue(attempts.get() >= 2, "the timed-out attempt was retried");
    }

    @Test
    void aTimeoutOutsideTheRetryBoundsEveryAttemptAndWaitTogether() {
        List<RetryAttempt> seen = new ArrayList<>();
        Callable<String> c = Decorate.callable("c", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("down");
        }, Decorators.timeout(Duration.ofMillis(100)),
                Decorators.retry(RetryPolicy.builder().maxAttempts(100).backoff(Duration.ofMinutes(10)).onAttempt(seen::add).build()));
        TimeoutException e = assertThrows(TimeoutException.class, c::call);
        assertEquals("c did not end within 100.000 ms", e.getMessage());
        assertTrue(attempts.get() <= 1, "the deadline ended the backoff's wait, and the retrying with it");
        assertTrue(seen.stream().allMatch(RetryAttempt::willRetry), "no attempt after the deadline");
    }

    @Test
    void aNestedLongerTimeoutKeepsTheEarlierDeadline() throws Exception {
        AtomicReference<Instant> inner = new AtomicReference<>();
        Callable<String> c = Decorate.callable("c", () -> {
            inner.set(TaskScope.currentDeadline().orElseThrow());
            return "ok";
        }, Decorators.timeout(Duration.ofSeconds(30)), Decorators.timeout(Duration.ofHours(1)));
        Instant latest = Instant.now().plusSeconds(31);
        assertEquals("ok", c.call());
        assertTrue(inner.get().isBefore(latest), inner.get()::toString);
    }

    @Test
    void underAnEarlierOuterTimeoutTheOuterOneReportsIt() {
        Callable<String> c = Decorate.callable("c", this::blockUntilInterrupted,
                Decorators.timeout(Duration.ofMillis(50)), Decorators.timeout(Duration.ofHours(1)));
        assertEquals("c did not end within 50.000 ms", assertThrows(TimeoutException.class, c::call).getMessage());
    }

    @Test
    void anInterruptFromTheCallerIsNotATimeout() throws Exception {
        Callable<String> c = Decorate.callable("c", this::blockUntilInterrupted, Decorators.timeout(Duration.ofMinutes(10)));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                c.call();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        org.awaitility.Awaitility.await().atMost(TestThreads.JOIN)
                .until(() -> TestThreads.waitingIn(caller, "java.util.concurrent.CountDownLatch", "await")
                        || caller.getState() == Thread.State.TIMED_WAITING);
        caller.interrupt();
        TestThreads.join(caller);
        assertInstanceOf(InterruptedException.class, thrown.get());
    }

    @Test
    void aZeroNegativeOrMissingTimeoutIsRefused() {
        assertEquals("timeout must be > 0: PT0S",
                assertThrows(IllegalArgumentException.class, () -> Decorators.timeout(Duration.ZERO)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decorators.timeout(Duration.ofMillis(-1)));
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> Decorators.timeout(null)).getMessage());
        assertEquals("timeout(2.000 s)", Decorators.timeout(Duration.ofSeconds(2)).toString());
    }

    @Test
    void aHugeTimeoutIsNoDeadlineToSpeakOf() throws Exception {
        Callable<String> c = Decorate.callable("c", () -> "ok", Decorators.timeout(Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals("ok", c.call());
    }

    interface Slow {
        @Timeout(millis = 50)
        String get() throws Exception;
    }

    interface BadTimeout {
        @Timeout(millis = 0)
        String get();
    }

    @Test
    void theAnnotationTimesOutItsMethodAndRefusesZero() {
        Slow slow = Decorate.annotated(Slow.class, this::blockUntilInterrupted);
        assertThrows(TimeoutException.class, slow::get);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decorate.annotated(BadTimeout.class, () -> "x"));
        assertTrue(e.getMessage().startsWith("@Timeout(millis = 0) on "), e.getMessage());
    }
}
