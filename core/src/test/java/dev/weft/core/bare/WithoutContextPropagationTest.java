package dev.weft.core.bare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.core.internal.ForkContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Core without {@code io.micrometer:context-propagation}: run by its own surefire execution
 * ({@code without-context-propagation} in core's pom: it runs the classes with this tag only, and
 * the default run leaves them out), whose class path leaves that jar out. The MDC and deadlines
 * still propagate.
 */
@Tag("without-context-propagation")
class WithoutContextPropagationTest {

    @Test
    void theLibraryIsReallyAbsent() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.micrometer.context.ContextRegistry"));
    }

    @Test
    void forksStillInheritTheMdcAndTheDeadline() throws InterruptedException {
        MDC.put("requestId", "bare");
        try (TaskScope scope = TaskScope.builder().deadline(Duration.ofMinutes(5)).open()) {
            Task<String> task = scope.fork(() -> MDC.get("requestId") + "/" + TaskScope.currentDeadline().isPresent());
            scope.join();
            assertEquals("bare/true", task.await());
        } finally {
            MDC.clear();
        }
    }

    @Test
    void portableValuesAreEmptyAndReceivedOnesIgnored() {
        assertSame(ForkContext.empty(), ForkContext.capture());
        assertEquals(Map.of(), ForkContext.capture().portableValues());
        ForkContext received = ForkContext.fromPortable(Map.of("requestId", "remote"), Map.of("tenant", "x"), null);
        try (ForkContext.Restore restore = received.install()) {
            assertEquals("remote", MDC.get("requestId"));
        }
        assertEquals(null, MDC.get("requestId"));
    }
}
