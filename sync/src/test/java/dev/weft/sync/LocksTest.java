package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.CycleDetectingLockFactory.PotentialDeadlockException;
import org.junit.jupiter.api.Test;

/**
 * Tests lock-order deadlock detection, {@link Locks}: an inversion is reported on the first
 * acquisition that closes a cycle, before any thread deadlocks, and the locks stay usable.
 * (No CPython counterpart.)
 */
class LocksTest {
    enum Rank { FIRST, SECOND, THIRD }

    @Test
    void inverted_order_throws_on_first_acquisition() throws Exception {
        RLock a = Locks.ordered("a");
        RLock b = Locks.ordered("b");
        try (Guard ga = a.hold(); Guard gb = b.hold()) {
            assertTrue(a.isHeldByCurrentThread() && b.isHeldByCurrentThread());
        }
        try (Guard gb = b.hold()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, a::acquire);
            assertTrue(e instanceof PotentialDeadlockException, e.getClass().getName());
            assertTrue(e.getMessage().contains("a") && e.getMessage().contains("b"), e::getMessage);
            assertFalse(a.isLocked(), "the offending lock was not taken");
            assertThrows(PotentialDeadlockException.class, a::tryAcquire, "tryAcquire is checked too");
        }
        try (Guard ga = a.hold(); Guard gb = b.hold()) {
            assertEquals(1, b.holdCount(), "the right order still works");
        }
    }

    @Test
    void a_three_lock_cycle_is_detected_across_threads() throws Exception {
        RLock x = Locks.ordered("x");
        RLock y = Locks.ordered("y");
        RLock z = Locks.ordered("z");
        try (Bunch b = Bunch.start(1, () -> {
            try (Guard gx = x.hold(); Guard gy = y.hold()) {
                assertTrue(y.isHeldByCurrentThread());
            }
        })) {
            b.awaitFinished();
        }
        try (Bunch b = Bunch.start(1, () -> {
            try (Guard gy = y.hold(); Guard gz = z.hold()) {
                assertTrue(z.isHeldByCurrentThread());
            }
        })) {
            b.awaitFinished();
        }
        try (Guard gz = z.hold()) {
            assertThrows(PotentialDeadlockException.class, x::acquire, "z -> x closes x -> y -> z");
        }
    }

    @Test
    void ordered_lock_works_with_a_condition() throws Exception {
        RLock lock = Locks.ordered("with-condition");
        Condition cond = new Condition(lock);
        boolean[] ready = {false};
        try (Bunch b = Bunch.start(1, () -> {
            try (Guard g = cond.hold()) {
                cond.awaitUntil(() -> ready[0]);
            }
        })) {
            try (Guard g = cond.hold()) {
                ready[0] = true;
                cond.signalAll();
            }
        }
        assertFalse(lock.isLocked());
    }

    @Test
    void ranked_locks_must_follow_the_enum_order_from_the_first_time() throws Exception {
        RLock first = Locks.ranked(Rank.FIRST);
        RLock third = Locks.ranked(Rank.THIRD);
        try (Guard g3 = third.hold()) {
            assertThrows(PotentialDeadlockException.class, first::acquire, "THIRD before FIRST, never seen before");
        }
        try (Guard g1 = first.hold(); Guard g3 = third.hold()) {
            assertTrue(third.isHeldByCurrentThread());
        }
        assertTrue(first.toString().contains("unlocked"), first::toString);
    }

    @Test
    void null_names_throw_npe() {
        assertEquals("name", assertThrows(NullPointerException.class, () -> Locks.ordered(null)).getMessage());
        assertEquals("rank", assertThrows(NullPointerException.class, () -> Locks.ranked((Rank) null)).getMessage());
    }
}
