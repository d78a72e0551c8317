package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.core.ThreadKind;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ForkedTaskTest {
    private static final long LONG_SECONDS = 30;

    private record End(Outcome<?> outcome, Thread thread) {
    }

    @Test
    void startOnRunsTheBodyOnANewThreadNamedAfterTheTask() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        AtomicReference<End> end = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        ForkedTask<String> task = new ForkedTask<>("worker-7", () -> {
            ranOn.set(Thread.currentThread().getName());
            return "done";
        }, ForkedTask.DIRECT, (t, outcome, thread) -> {
            end.set(new End(outcome, thread));
            ended.countDown();
        });

        task.startOn(ThreadKind.VIRTUAL);

        assertTrue(ended.await(LONG_SECONDS, TimeUnit.SECONDS), "the listener never heard the end");
        assertEquals("done", task.await());
        assertEquals("worker-7", ranOn.get());
        assertInstanceOf(Outcome.Success.class, end.get().outcome());
        assertNotSame(Thread.currentThread(), end.get().thread());
        assertEquals("worker-7", end.get().thread().getName());
        end.get().thread().join(TimeUnit.SECONDS.toMillis(LONG_SECONDS));
        assertFalse(end.get().thread().isAlive(), "the task's thread did not terminate");
    }

    @Test
    void cancelBeforeStartEndsItCancelledWithoutRunningOrTellingTheListener() {
        AtomicReference<End> end = new AtomicReference<>();
        ForkedTask<String> task = new ForkedTask<>("never", () -> {
            throw new AssertionError("must not run");
        }, ForkedTask.DIRECT, (t, outcome, thread) -> end.set(new End(outcome, thread)));

        task.cancelBeforeStart();

        assertTrue(task.isCancelled());
        assertNull(end.get(), "a task that never ran has no end to report");
    }
}
