package dev.weft.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Async#race}: the first success wins, the losers are cancelled and awaited. */
@Timeout(60)
class RaceTest {

    @Test
    void theFirstSuccessWinsAndTheLosersAreCancelled() throws Exception {
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(2);
        String winner = Async.race(
                () -> probe.parkUntilInterrupted("slow-1", parked),
                () -> {
                    probe.enter();
                    Probe.await(parked, "the tasks' parking");
                    return "fast";
                },
                () -> probe.parkUntilInterrupted("slow-2", parked));
        assertEquals("fast", winner);
        assertEquals(Set.of("slow-1", "slow-2"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void aFailureDoesNotEndTheRace() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        String winner = Async.race(List.<Callable<String>>of(
                () -> {
                    failed.countDown();
                    throw new IOException("mirror A is down");
                },
                () -> {
                    Probe.await(failed, "the first failure");
                    return "mirror B";
                }));
        assertEquals("mirror B", winner);
    }

    @Test
    void whenEveryTaskFailsAllFailuresAreThrownInArgumentOrder() {
        IOException first = new IOException("a");
        IllegalStateException second = new IllegalStateException("b");
        CountDownLatch secondFailed = new CountDownLatch(1);
        RaceFailedException thrown = assertThrows(RaceFailedException.class, () -> Async.race(
                () -> {
                    Probe.await(secondFailed, "the second failure");   // fails last, listed first
                    throw first;
                },
                () -> {
                    secondFailed.countDown();
                    throw second;
                }));
        assertEquals(List.of(first, second), thrown.exceptions());
        assertSame(first, thrown.getCause());
        assertEquals(List.of(second), List.of(thrown.getSuppressed()), "the others are suppressed, for the stack trace");
        assertTrue(thrown.raceName().matches("race-\\d+"), thrown.raceName());
        assertTrue(thrown.getMessage().contains("race '" + thrown.raceName() + "'"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("every one of the 2 contenders"), thrown.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> thrown.exceptions().clear());
    }

    @Test
    void everyRaceHasItsOwnName() {
        Callable<Integer> fails = () -> {
            throw new IOException("down");
        };
        String one = assertThrows(RaceFailedException.class, () -> Async.race(fails)).raceName();
        String two = assertThrows(RaceFailedException.class, () -> Async.race(fails)).raceName();
        assertFalse(one.equals(two), one + " and " + two);
    }

    @Test
    void aRaceFailedExceptionNeedsANameAndAtLeastOneFailure() {
        assertEquals("raceName", assertThrows(NullPointerException.class,
                () -> new RaceFailedException(null, List.of(new IOException()))).getMessage());
        assertEquals("exceptions", assertThrows(NullPointerException.class,
                () -> new RaceFailedException("r", null)).getMessage());
        assertThrows(NullPointerException.class, () -> new RaceFailedException("r", Arrays.asList(new IOException(), null)));
        assertThrows(IllegalArgumentException.class, () -> new RaceFailedException("r", List.of()));
        IOException only = new IOException("only");
        RaceFailedException alone = new RaceFailedException("r", List.of(only));
        assertEquals("the only contender of race 'r' failed: java.io.IOException: only", alone.getMessage());
        assertEquals(0, alone.getSuppressed().length);
    }

    @Test
    void aSingleEntrantWinsOrFailsAlone() throws Exception {
        assertEquals(1, Async.race(() -> 1));
        IllegalStateException boom = new IllegalStateException("boom");
        RaceFailedException thrown = assertThrows(RaceFailedException.class, () -> Async.race(List.<Callable<Integer>>of(() -> {
            throw boom;
        })));
        assertEquals(List.of(boom), thrown.exceptions());
        assertSame(boom, thrown.getCause());
    }

    @Test
    void aNullResultCanWin() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        assertEquals(null, Async.race(() -> null, () -> {
            never.await();
            return "late";
        }));
    }

    @Test
    void interruptingTheCallerCancelsEveryEntrant() throws Exception {
        Probe probe = new Probe();
        CountDownLatch parked = new CountDownLatch(2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                Async.race(() -> probe.parkUntilInterrupted("a", parked), () -> probe.parkUntilInterrupted("b", parked));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        Probe.await(parked, "the tasks' parking");
        caller.interrupt();
        Probe.join(caller);
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertEquals(Set.of("a", "b"), probe.interrupted);
        probe.assertAllDead();
    }

    @Test
    void badInputIsRefusedBeforeAnythingStarts() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        Callable<Integer> marker = () -> {
            ran.set(true);
            return 1;
        };
        assertThrows(IllegalArgumentException.class, () -> Async.race());
        assertThrows(IllegalArgumentException.class, () -> Async.race(List.of()));
        assertEquals("tasks", assertThrows(NullPointerException.class, () -> Async.race((Callable<Integer>[]) null)).getMessage());
        assertEquals("tasks", assertThrows(NullPointerException.class, () -> Async.race((List<Callable<Integer>>) null)).getMessage());
        assertEquals("tasks[1]", assertThrows(NullPointerException.class, () -> Async.race(marker, null)).getMessage());
        assertThrows(NullPointerException.class, () -> Async.race(Arrays.asList(marker, null)));
        assertFalse(ran.get());
        assertEquals(1, Async.race(marker));
        assertTrue(ran.get());
    }
}
