package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link Async#timeout}, {@link Async#moveOnAfter} and {@link Async#shield}: asyncio's
 * {@code timeout()} (CPython's test_timeouts.py: test_timeout_basic, test_timeout_zero,
 * test_nested_timeouts), Trio's {@code move_on_after} and {@code asyncio.shield}.
 */
class CancelScopesTest {
    private static final Duration SHORT = Duration.ofMillis(50);
    private static final Duration LONG = Duration.ofSeconds(30);

    private static Void blockForever() throws InterruptedException {
        new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        return null;
    }

    @Test
    void timeoutReturnsTheBodysValueInTime() throws Exception {
        assertEquals("ok", Async.timeout(LONG, () -> "ok"));
        assertNull(Async.timeout(LONG, () -> (String) null));
    }

    @Test
    void timeoutThrowsPastTheDeadline() {
        assertThrows(TimeoutException.class, () -> Async.timeout(SHORT, CancelScopesTest::blockForever));
        assertFalse(Thread.interrupted());
    }

    @Test
    void zeroOrNegativeHasPassedAlreadyAndDoesNotRunTheBody() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        assertThrows(TimeoutException.class, () -> Async.timeout(Duration.ZERO, () -> ran.getAndSet(true)));
        assertThrows(TimeoutException.class, () -> Async.timeout(Duration.ofSeconds(-5), () -> ran.getAndSet(true)));
        assertEquals(Optional.empty(), Async.moveOnAfter(Duration.ZERO, () -> ran.getAndSet(true)));
        assertFalse(ran.get());
    }

    @Test
    void badInputFailsAtTheCall() throws Exception {
        assertThrows(NullPointerException.class, () -> Async.timeout(null, () -> 1));
        assertThrows(NullPointerException.class, () -> Async.timeout(LONG, null));
        assertThrows(NullPointerException.class, () -> Async.moveOnAfter(null, () -> 1));
        assertThrows(NullPointerException.class, () -> Async.moveOnAfter(LONG, null));
        assertThrows(NullPointerException.class, () -> Async.shield(null));
        assertEquals(1, Async.timeout(LONG, () -> 1), "still works afterwards");
    }

    @Test
    void moveOnAfterIsEmptyPastTheDeadline() throws Exception {
        assertEquals(Optional.empty(), Async.moveOnAfter(SHORT, CancelScopesTest::blockForever));
        assertEquals(Optional.of(3), Async.moveOnAfter(LONG, () -> 3));
        assertEquals(Optional.empty(), Async.moveOnAfter(LONG, () -> null));
        assertFalse(Thread.interrupted());
    }

    @Test
    void theBodysOwnTimeoutExceptionIsNotMovedOn() {
        TimeoutException own = new TimeoutException("the body's");
        assertEquals(own, assertThrows(TimeoutException.class, () -> Async.moveOnAfter(LONG, () -> { throw own; })));
    }

    @Test
    void everythingTheBodyStartedIsCancelledAndAwaited() {
        CountDownLatch started = new CountDownLatch(2);
        List<String> ended = new CopyOnWriteArrayList<>();
        assertThrows(TimeoutException.class, () -> Async.timeout(SHORT, () -> {
            Async.createTask("attached", () -> {
                started.countDown();
                try {
                    return blockForever();
                } finally {
                    ended.add("attached");
                }
            });
            return Async.gather(() -> {
                started.countDown();
                try {
                    return blockForever();
                } finally {
                    ended.add("gathered");
                }
            });
        }));
        // both ran (the deadline is far enough that they started, or they never did: then no entry)
        assertTrue(ended.size() == 2 - (int) started.getCount(), "every started task ended before timeout returned: " + ended);
    }

    @Test
    void theDeadlineReachesAScopeOpenedInTheBody() throws Exception {
        Optional<Instant> inBody = Async.timeout(LONG, TaskScope::currentDeadline);
        Optional<Instant> inFork = Async.timeout(LONG, () -> {
            try (TaskScope scope = TaskScope.builder().deadline(Duration.ofHours(1)).open()) {
                Task<Optional<Instant>> task = scope.fork(TaskScope::currentDeadline);
                scope.join();
                return task.await();
            }
        });
        assertTrue(inBody.isPresent() && inFork.isPresent());
        assertTrue(inFork.get().isBefore(Instant.now().plus(Duration.ofMinutes(1))), "the earlier one: " + inFork);
    }

    @Test
    void nestedTimeoutsTheOuterFiresFirst() {
        // CPython test_nested_timeouts: the outer, shorter one wins
        List<String> log = new CopyOnWriteArrayList<>();
        assertThrows(TimeoutException.class, () -> Async.timeout(SHORT, () -> {
            try {
                return Async.timeout(LONG, CancelScopesTest::blockForever);
            } catch (TimeoutException inner) {
                log.add("inner timed out");
                throw inner;
            } catch (InterruptedException outer) {
                log.add("interrupted by the outer");
                throw outer;
            }
        }));
        assertEquals(1, log.size(), log.toString());
        assertFalse(Thread.interrupted());
    }

    @Test
    void waitForIsADeadlineForItsTask() throws Exception {
        Optional<Instant> seen = Async.waitFor(TaskScope::currentDeadline, LONG);
        assertTrue(seen.isPresent());
    }

    @Test
    void shieldLetsTheBodyFinishDespiteAFailingSiblingAndThenDeliversTheCancel() {
        CountDownLatch inShield = new CountDownLatch(1);
        List<String> log = new CopyOnWriteArrayList<>();
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> TaskGroup.run(group -> {
            group.createTask(() -> {
                Async.shield(() -> {
                    inShield.countDown();
                    Thread.sleep(100); // the workload: the sibling fails meanwhile
                    log.add("shielded work done");
                    return null;
                });
                log.add(Thread.currentThread().isInterrupted() ? "then cancelled" : "not cancelled");
                return blockForever();
            });
            group.createTask(() -> {
                inShield.await(30, TimeUnit.SECONDS);
                throw new IllegalStateException("sibling failed");
            });
            return null;
        }));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(List.of("shielded work done", "then cancelled"), log);
    }

    @Test
    void shieldReturnsItsBodysResultAndPassesItsFailure() throws Exception {
        assertEquals("x", Async.shield(() -> "x"));
        IllegalStateException boom = new IllegalStateException();
        assertEquals(boom, assertThrows(IllegalStateException.class, () -> Async.shield(() -> { throw boom; })));
    }

    @Test
    void aShieldInsideATimeoutOutlivesItThenTheTimeoutIsThrown() {
        List<String> log = new CopyOnWriteArrayList<>();
        assertThrows(TimeoutException.class, () -> Async.timeout(SHORT, () -> {
            Async.shield(() -> {
                Thread.sleep(150); // the workload, past the deadline
                log.add("shielded");
                return null;
            });
            return blockForever();
        }));
        assertEquals(List.of("shielded"), log);
        assertFalse(Thread.interrupted());
    }
}
