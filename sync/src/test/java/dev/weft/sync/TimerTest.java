package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.weft.core.ThreadKind;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Ports CPython's {@code test_threading.TimerTests} and the {@code threading.Timer} contract
 * (cases 65–68) to {@link Timer}.
 *
 * <p>Case 65 ({@code test_init_immutable_default_args}) does not apply: a weft Timer takes a
 * {@code Runnable}, with no shared mutable {@code args}/{@code kwargs}. What the case guards
 * against, two timers sharing state, is checked by {@link #two_timers_share_nothing()}.
 */
class TimerTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(50);

    @Test
    void two_timers_share_nothing() throws Exception {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        Timer t1 = new Timer(Duration.ofMillis(10), a::incrementAndGet);
        Timer t2 = new Timer(Duration.ofMillis(10), b::incrementAndGet);
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        assertEquals(1, a.get());
        assertEquals(1, b.get());
    }

    @Test
    void fires_once_after_the_interval() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicLong firedAt = new AtomicLong();
        Timer timer = new Timer(SHORT, () -> {
            firedAt.set(System.nanoTime());
            calls.incrementAndGet();
        });
        long t0 = Timing.start();
        timer.start();
        assertTrue(timer.join(LONG));
        assertEquals(1, calls.get());
        assertTrue(firedAt.get() - t0 >= SHORT.toNanos() * 6 / 10, "not before the interval");
        assertFalse(timer.isAlive());
        assertFalse(timer.isCancelled());
        assertFalse(timer.cancel(), "cancel after firing is a no-op");
        assertTrue(timer.toString().contains("fired"), timer::toString);
        assertEquals(SHORT, timer.interval());
    }

    @Test
    void cancel_before_expiry_means_never_called() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Timer timer = new Timer(Duration.ofHours(1), calls::incrementAndGet);
        timer.start();
        assertTrue(timer.isAlive());
        assertTrue(timer.cancel());
        assertFalse(timer.cancel(), "only the first cancel counts");
        assertTrue(timer.join(LONG), "the thread ends promptly");
        assertEquals(0, calls.get());
        assertTrue(timer.isCancelled());
    }

    @Test
    void cancel_before_start_means_never_called() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Timer timer = new Timer(Duration.ZERO, calls::incrementAndGet, ThreadKind.PLATFORM);
        assertTrue(timer.cancel());
        timer.start();
        timer.join();
        assertEquals(0, calls.get());
    }

    @Test
    void cancel_while_the_action_runs_is_a_no_op() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Timer timer = new Timer(Duration.ZERO, () -> {
            running.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        timer.start();
        assertTrue(running.await(LONG.toSeconds(), TimeUnit.SECONDS), "the action never ran");
        assertFalse(timer.cancel());
        assertFalse(timer.join(Duration.ZERO), "join(0) does not wait");
        finish.countDown();
        assertTrue(timer.join(LONG), "the timer's thread did not end after its action");
        assertFalse(timer.isCancelled());
    }

    @Test
    void is_a_thread_started_once() throws Exception {
        Timer timer = new Timer(Duration.ZERO, () -> { });
        assertThrows(IllegalStateException.class, timer::join, "join before start");
        assertThrows(IllegalStateException.class, () -> timer.join(LONG));
        timer.start();
        IllegalStateException e = assertThrows(IllegalStateException.class, timer::start);
        assertTrue(e.getMessage().contains("once"), e::getMessage);
        timer.join();
        assertFalse(timer.isAlive());
    }

    @Test
    void failing_action_is_kept_and_logged() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(Timer.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Level before = log.getLevel();
        log.setLevel(Level.WARN);
        appender.start();
        log.addAppender(appender);
        try {
            IllegalStateException boom = new IllegalStateException("boom");
            Timer timer = new Timer(Duration.ZERO, () -> {
                throw boom;
            });
            assertTrue(timer.failure().isEmpty());
            timer.start();
            timer.join();
            assertSame(boom, timer.failure().orElseThrow());
            assertEquals(1, appender.list.size(), "one warning");
            ILoggingEvent event = appender.list.getFirst();
            assertEquals(Level.WARN, event.getLevel());
            assertTrue(event.getFormattedMessage().startsWith("Timer action failed in "), event.getFormattedMessage());
            assertSame(boom, ((ThrowableProxy) event.getThrowableProxy()).getThrowable());
        } finally {
            log.detachAppender(appender);
            log.setLevel(before);
        }
    }

    @Test
    void null_arguments_throw_npe_naming_them() throws Exception {
        assertEquals("interval", assertThrows(NullPointerException.class, () -> new Timer(null, () -> { })).getMessage());
        assertEquals("action", assertThrows(NullPointerException.class, () -> new Timer(SHORT, null)).getMessage());
        assertEquals("kind", assertThrows(NullPointerException.class, () -> new Timer(SHORT, () -> { }, null)).getMessage());
        Timer timer = new Timer(Duration.ZERO, () -> { });
        timer.start();
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> timer.join(null)).getMessage());
        timer.join();
    }

    @Test
    void toString_names_the_state() {
        Timer timer = new Timer(SHORT, () -> { });
        assertTrue(timer.toString().contains("initial"), timer::toString);
        timer.cancel();
        assertTrue(timer.toString().contains("cancelled"), timer::toString);
    }
}
