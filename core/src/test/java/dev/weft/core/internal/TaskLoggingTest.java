package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.weft.core.Outcome;
import dev.weft.core.ThreadKind;
import java.lang.reflect.Proxy;
import java.net.URLClassLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A task holds its logger lazily: running tasks does not start the JVM's logging binding (about
 * 0.1 s of a cold JVM's first fork), and a done callback that throws is still logged.
 */
class TaskLoggingTest {

    @Test
    void runningATaskInAFreshJvmDoesNotStartSlf4j() throws Exception {
        try (URLClassLoader fresh = MdcMapsTest.freshJvm()) {
            Class<?> taskClass = Class.forName(ForkedTask.class.getName(), true, fresh);
            Class<?> runner = Class.forName(ForkedTask.Runner.class.getName(), false, fresh);
            Class<?> listener = Class.forName(ForkedTask.EndListener.class.getName(), false, fresh);
            Object direct = taskClass.getField("DIRECT").get(null);
            Object ignoreEnd = Proxy.newProxyInstance(fresh, new Class<?>[] {listener},
                    (proxy, method, args) -> method.getName().equals("ended") ? null : method.invoke(this, args));
            Callable<Integer> body = () -> 42;
            Object task = taskClass.getConstructor(String.class, Callable.class, runner, listener)
                    .newInstance("fresh", body, direct, ignoreEnd);
            Class<?> kinds = Class.forName(ThreadKind.class.getName(), true, fresh);
            Object virtual = kinds.getField("VIRTUAL").get(null);
            taskClass.getMethod("startOn", kinds).invoke(task, virtual);

            assertEquals(42, taskClass.getMethod("await").invoke(task));
            assertEquals(0, MdcMapsTest.slf4jState(fresh), "SLF4J's LoggerFactory is still uninitialized");
        }
    }

    @Test
    void aDoneCallbackThatThrowsIsLoggedAsAWarningWithItsError() throws Exception {
        Logger target = (Logger) LoggerFactory.getLogger(AbstractTask.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Level before = target.getLevel();
        target.setLevel(Level.WARN);
        appender.start();
        target.addAppender(appender);
        try {
            CountDownLatch ended = new CountDownLatch(1);
            ForkedTask<Integer> task = new ForkedTask<>("throws-in-callback", () -> 7, ForkedTask.DIRECT,
                    (t, outcome, thread) -> ended.countDown());
            IllegalStateException broken = new IllegalStateException("callback broke");
            task.onDone(t -> {
                throw broken;
            });
            task.startOn(ThreadKind.VIRTUAL);
            assertTrue(ended.await(30, TimeUnit.SECONDS));

            assertEquals(new Outcome.Success<>(7), task.outcome(), "the task's own outcome is untouched");
            assertEquals(1, appender.list.size(), "one warning");
            ILoggingEvent event = appender.list.getFirst();
            assertEquals(Level.WARN, event.getLevel());
            assertEquals("A done callback of task 'throws-in-callback' threw", event.getFormattedMessage());
            assertSame(broken, ((ThrowableProxy) event.getThrowableProxy()).getThrowable());
        } finally {
            target.detachAppender(appender);
            target.setLevel(before);
        }
    }
}
