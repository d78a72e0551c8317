package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@link LazyLogger}: each level reaches the logger named after its owner, with SLF4J's formatting and cause. */
class LazyLoggerTest {
    private final Logger target = (Logger) LoggerFactory.getLogger(LazyLoggerTest.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void attach() {
        levelBefore = target.getLevel();
        target.setLevel(Level.DEBUG);
        appender.start();
        target.addAppender(appender);
    }

    @AfterEach
    void detach() {
        target.detachAppender(appender);
        target.setLevel(levelBefore);
    }

    @Test
    void everyLevelIsLoggedFormattedUnderTheOwnersName() {
        LazyLogger log = LazyLogger.of(LazyLoggerTest.class);
        log.debug("debug {}", 1);
        log.info("info {} {}", 1, 2);
        log.warn("warn");
        log.error("error {} {} {}", 1, 2, 3);
        List<ILoggingEvent> events = appender.list;
        assertEquals(List.of(Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR),
                events.stream().map(ILoggingEvent::getLevel).toList());
        assertEquals(List.of("debug 1", "info 1 2", "warn", "error 1 2 3"),
                events.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertTrue(events.stream().allMatch(e -> e.getLoggerName().equals(LazyLoggerTest.class.getName())));
    }

    @Test
    void aLastThrowableIsTheCause() {
        IllegalStateException cause = new IllegalStateException("boom");
        LazyLogger.of(LazyLoggerTest.class).warn("child {} is gone", 42, cause);
        ILoggingEvent event = appender.list.get(0);
        assertEquals("child 42 is gone", event.getFormattedMessage());
        assertSame(cause, ((ThrowableProxy) event.getThrowableProxy()).getThrowable());
    }

    @Test
    void aNullOwnerIsRefused() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> LazyLogger.of(null));
        assertEquals("owner", e.getMessage());
    }
}
