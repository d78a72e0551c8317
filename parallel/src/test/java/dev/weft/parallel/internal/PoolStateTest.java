package dev.weft.parallel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link PoolState}: the moves its javadoc lists are allowed, every other one is refused. */
class PoolStateTest {

    @Test
    void theDocumentedMovesAreAllowed() {
        assertEquals(EnumSet.of(PoolState.RUNNING, PoolState.CLOSING, PoolState.TERMINATING), PoolState.NEW.next());
        assertEquals(EnumSet.of(PoolState.BROKEN, PoolState.CLOSING, PoolState.TERMINATING), PoolState.RUNNING.next());
        assertEquals(EnumSet.of(PoolState.CLOSING, PoolState.TERMINATING), PoolState.BROKEN.next());
        assertEquals(EnumSet.of(PoolState.CLOSED), PoolState.CLOSING.next());
        assertEquals(EnumSet.of(PoolState.CLOSED), PoolState.TERMINATING.next());
        assertEquals(Set.of(), PoolState.CLOSED.next());
    }

    @Test
    void toReturnsTheTargetOfAnAllowedMove() {
        for (PoolState from : PoolState.values()) {
            for (PoolState target : from.next()) {
                assertSame(target, from.to(target));
            }
        }
    }

    @Test
    void everyOtherMoveIsRefusedNamingBothStates() {
        int refused = 0;
        for (PoolState from : PoolState.values()) {
            EnumSet<PoolState> others = EnumSet.allOf(PoolState.class);
            others.removeAll(from.next());
            for (PoolState target : others) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> from.to(target));
                assertTrue(e.getMessage().contains(from + " to " + target), e.getMessage());
                refused++;
            }
        }
        assertEquals(36 - 10, refused, "6 states, 10 allowed moves");
    }

    @Test
    void noStateComesBackAndOnlyRunningStartsWorkers() {
        assertFalse(PoolState.RUNNING.next().contains(PoolState.NEW));
        assertFalse(PoolState.CLOSED.next().contains(PoolState.RUNNING));
        for (PoolState state : PoolState.values()) {
            assertEquals(state == PoolState.RUNNING, state.startsWorkers(), state.name());
            assertEquals(state == PoolState.TERMINATING || state == PoolState.CLOSED, state.cancelsWork(), state.name());
        }
    }
}
