package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.context.ContextRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A {@link Timer}'s action runs with the context of the code that started the timer (issue 17). */
class TimerContextTest {
    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor("weft.test.timer.tenant", TENANT);
    }

    @AfterEach
    void clean() {
        MDC.clear();
        TENANT.remove();
    }

    @Test
    void theActionSeesTheStartersMdcAndRegisteredValues() throws InterruptedException {
        AtomicReference<String> seen = new AtomicReference<>();
        Timer timer = new Timer(Duration.ZERO, () -> seen.set(MDC.get("requestId") + "/" + TENANT.get()));
        MDC.put("requestId", "at-start");
        TENANT.set("acme");
        timer.start();
        MDC.put("requestId", "after-start");
        assertTrue(timer.join(Duration.ofSeconds(30)));
        assertEquals("at-start/acme", seen.get());
        assertEquals("after-start", MDC.get("requestId"), "the action's context does not come back");
    }

    @Test
    void theActionsChangesDoNotLeakBack() throws InterruptedException {
        MDC.put("requestId", "mine");
        Timer timer = new Timer(Duration.ZERO, () -> {
            MDC.put("requestId", "scribbled");
            TENANT.set("scribbled");
        });
        timer.start();
        assertTrue(timer.join(Duration.ofSeconds(30)));
        assertEquals("mine", MDC.get("requestId"));
        assertNull(TENANT.get());
    }
}
