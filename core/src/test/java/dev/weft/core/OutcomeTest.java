package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private static String describe(Outcome<Integer> outcome) {
        return switch (outcome) {
            case Outcome.Success<Integer> s -> "got " + s.value();
            case Outcome.Failure<Integer> f -> "failed: " + f.error().getMessage();
            case Outcome.Cancelled<Integer> c -> "cancelled";
        };
    }

    @Test
    void patternMatchingCoversEveryCase() {
        assertEquals("got 1", describe(Outcome.success(1)));
        assertEquals("failed: x", describe(Outcome.failure(new IllegalStateException("x"))));
        assertEquals("cancelled", describe(Outcome.cancelled()));
    }

    @Test
    void successGivesItsValueEvenNull() {
        assertTrue(Outcome.success(null).isSuccess());
        assertNull(Outcome.success(null).getOrThrow());
        assertEquals("v", Outcome.success("v").getOrThrow());
    }

    @Test
    void failureThrowsTaskFailedExceptionWithTheCause() {
        IllegalStateException error = new IllegalStateException("x");
        Outcome<String> failure = Outcome.failure(error);
        assertFalse(failure.isSuccess());
        TaskFailedException e = assertThrows(TaskFailedException.class, failure::getOrThrow);
        assertSame(error, e.getCause());
        assertEquals(TaskFailedException.UNNAMED, e.taskName());
    }

    @Test
    void cancelledThrowsCancellationException() {
        Outcome<String> cancelled = Outcome.cancelled();
        assertFalse(cancelled.isSuccess());
        assertThrows(CancellationException.class, cancelled::getOrThrow);
        assertEquals(Outcome.cancelled(), cancelled);
    }

    @Test
    void aFailureNeedsAnError() {
        assertEquals("error", assertThrows(NullPointerException.class, () -> Outcome.failure(null)).getMessage());
        assertEquals("cause", assertThrows(NullPointerException.class, () -> new TaskFailedException("t", null)).getMessage());
    }
}
