package dev.weft.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.slf4j.spi.MDCAdapter;

/**
 * Reads the calling thread's MDC map for {@link ForkContext} as cheaply as the SLF4J provider
 * allows. {@code MDC.getCopyOfContextMap()} copies the map on every call; Logback's adapter also
 * has {@code getPropertyMap()}, an unmodifiable map it caches until the MDC changes, which a fork
 * can share as it is. It is found by name (core depends on slf4j-api only) and used when the
 * provider is Logback; any other provider gets the copy.
 */
final class MdcMaps {
    private static final String LOGBACK_ADAPTER = "ch.qos.logback.classic.util.LogbackMDCAdapter";
    private static final @Nullable Class<?> READ_ONLY_OWNER;
    private static final @Nullable MethodHandle READ_ONLY;

    static {
        Class<?> owner = null;
        MethodHandle readOnly = null;
        MDCAdapter adapter = MDC.getMDCAdapter();
        if (adapter != null && adapter.getClass().getName().equals(LOGBACK_ADAPTER)) {
            try {
                readOnly = MethodHandles.publicLookup()
                        .findVirtual(adapter.getClass(), "getPropertyMap", MethodType.methodType(Map.class))
                        .asType(MethodType.methodType(Map.class, MDCAdapter.class));
                owner = adapter.getClass();
            } catch (ReflectiveOperationException | RuntimeException notThere) {
                readOnly = null; // another Logback: copy the map instead
            }
        }
        READ_ONLY_OWNER = owner;
        READ_ONLY = readOnly;
    }

    private MdcMaps() {
    }

    /**
     * {@return the calling thread's MDC map, which nobody modifies (unmodifiable, or a private
     * copy), or null if it is empty}
     */
    @SuppressWarnings("unchecked") // Logback's getPropertyMap() is a Map<String, String>
    static @Nullable Map<String, String> current() {
        Map<String, String> map;
        MDCAdapter adapter = MDC.getMDCAdapter();
        if (READ_ONLY != null && adapter != null && adapter.getClass() == READ_ONLY_OWNER) {
            try {
                map = (Map<String, String>) (Map<?, ?>) READ_ONLY.invokeExact(adapter);
            } catch (Throwable unexpected) {
                map = MDC.getCopyOfContextMap();
            }
        } else {
            map = MDC.getCopyOfContextMap();
        }
        return map == null || map.isEmpty() ? null : map;
    }
}
