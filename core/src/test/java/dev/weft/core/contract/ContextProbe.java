package dev.weft.core.contract;

import dev.weft.core.TaskScope;
import io.micrometer.context.ContextRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * What the context-propagation tests of every module put in the caller and read back in a fork:
 * an MDC key and a thread-local registered in Micrometer's {@code ContextRegistry}.
 */
public final class ContextProbe {
    /** The MDC key. */
    public static final String MDC_KEY = "requestId";
    /** The registry key of {@link #TENANT}. */
    public static final String TENANT_KEY = "weft.test.tenant";
    /** A thread-local the library does not know, registered in the registry. */
    public static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(TENANT_KEY, TENANT);
    }

    private ContextProbe() {
    }

    /** What a piece of code saw of its context. */
    public record Seen(String requestId, String tenant, Optional<Instant> deadline) {
        /** {@return what a thread with no context sees} */
        public static Seen nothing() {
            return new Seen(null, null, Optional.empty());
        }
    }

    /** Sets the caller's context; {@link #clear()} removes it. */
    public static void set(String requestId, String tenant) {
        MDC.put(MDC_KEY, requestId);
        TENANT.set(tenant);
    }

    /** Removes what {@link #set} put. */
    public static void clear() {
        MDC.remove(MDC_KEY);
        TENANT.remove();
    }

    /** {@return what the calling code sees now} */
    public static Seen seen() {
        return new Seen(MDC.get(MDC_KEY), TENANT.get(), TaskScope.currentDeadline());
    }

    /** {@return a task that reports what it sees} */
    public static Callable<Seen> probe() {
        return ContextProbe::seen;
    }

    /** {@return a task that reports what it sees, then changes its context (which must not leak)} */
    public static Callable<Seen> probeAndScribble() {
        return () -> {
            Seen seen = seen();
            MDC.put(MDC_KEY, "scribbled");
            MDC.put("other", "scribbled");
            TENANT.set("scribbled");
            return seen;
        };
    }
}
