package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void toNanosSaturatedClampsBothWays() {
        assertEquals(1_500_000L, Durations.toNanosSaturated(Duration.ofNanos(1_500_000)));
        assertEquals(-7L, Durations.toNanosSaturated(Duration.ofNanos(-7)));
        assertEquals(Long.MAX_VALUE, Durations.toNanosSaturated(Duration.ofDays(1_000_000)));
        assertEquals(Long.MAX_VALUE, Durations.toNanosSaturated(Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(Long.MIN_VALUE, Durations.toNanosSaturated(Duration.ofDays(-1_000_000)));
        assertEquals(Long.MIN_VALUE, Durations.toNanosSaturated(Duration.ofSeconds(Long.MIN_VALUE)));
    }

    @Test
    void toTimeoutNanosReadsZeroOrNegativeAsDoNotWait() {
        assertEquals(0L, Durations.toTimeoutNanos(Duration.ZERO));
        assertEquals(0L, Durations.toTimeoutNanos(Duration.ofNanos(-1)));
        assertEquals(0L, Durations.toTimeoutNanos(Duration.ofSeconds(Long.MIN_VALUE)));
        assertEquals(1L, Durations.toTimeoutNanos(Duration.ofNanos(1)));
        assertEquals(2_000_000_000L, Durations.toTimeoutNanos(Duration.ofSeconds(2)));
    }

    @Test
    void toTimeoutNanosSaturatesAHugeTimeout() {
        assertEquals(Long.MAX_VALUE, Durations.toTimeoutNanos(Duration.ofDays(1_000_000)));
        assertEquals(Long.MAX_VALUE, Durations.toTimeoutNanos(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
    }

    @Test
    void toTimeoutNanosNamesTheNullParameter() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Durations.toTimeoutNanos(null));
        assertEquals("timeout", e.getMessage());
    }

    @Test
    void deadlineAfterIsThatFarFromNow() {
        long before = System.nanoTime();
        long deadline = Durations.deadlineAfter(1_000_000_000L);
        long after = System.nanoTime();
        assertTrue(deadline - before >= 1_000_000_000L);
        assertTrue(deadline - after <= 1_000_000_000L);
        assertTrue(Durations.deadlineAfter(0L) - after >= 0);
    }

    @Test
    void deadlineAfterAHugeTimeoutNeverWrapsIntoThePast() {
        long deadline = Durations.deadlineAfter(Long.MAX_VALUE);
        long now = System.nanoTime();
        assertTrue(deadline - now > 0, "a 'forever' deadline must lie in the future");
        assertTrue(deadline - now > Long.MAX_VALUE / 2);
    }
}
