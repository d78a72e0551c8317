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
 * allows, and without starting the provider in a JVM that never used the MDC.
 *
 * <p>{@code MDC.getMDCAdapter()} starts SLF4J's binding (Logback's configuration: tens of
 * milliseconds of a cold JVM) when nothing has yet. slf4j-api 2.0.17 and later keep the adapter in
 * {@code MDC.MDC_ADAPTER}, set by the first {@code MDC} call or when a binding starts, and never
 * reset: while it is null, no {@code MDC.put} or {@code setContextMap} has run in this JVM, so every
 * thread's MDC is empty. That field is read without initializing anything; once it is set (or where
 * it cannot be read: slf4j-api on the module path, which does not open its package, or a release
 * that keeps the adapter elsewhere) the MDC is asked as usual.
 *
 * <p>{@code MDC.getCopyOfContextMap()} copies the map on every call; Logback's adapter also
 * has {@code getPropertyMap()}, an unmodifiable map it caches until the MDC changes, which a fork
 * can share as it is. It is found by name (core depends on slf4j-api only) and used when the
 * provider is Logback; any other provider gets the copy.
 */
final class MdcMaps {
    /** Reads {@code MDC.MDC_ADAPTER}, or null when that field cannot be read here. */
    private static final @Nullable MethodHandle ADAPTER_FIELD = adapterField(MDC.class);
    /** Set once the MDC has an adapter, which it keeps: from then on the MDC is read directly. */
    private static volatile boolean adapterSet;

    private MdcMaps() {
    }

    /**
     * {@return the calling thread's MDC map, which nobody modifies (unmodifiable, or a private
     * copy), or null if it is empty}
     */
    static @Nullable Map<String, String> current() {
        if (!adapterSet) {
            if (neverUsed(ADAPTER_FIELD)) {
                return null; // no MDC call yet in this JVM: every MDC is empty, and SLF4J stays unstarted
            }
            adapterSet = true;
        }
        return Bound.current();
    }

    /**
     * {@return a getter of the static field {@code MDC_ADAPTER} of {@code mdc}, SLF4J's
     * {@code MDC} class, or null if it has none or it cannot be read from here}; asking does not
     * initialize the class.
     */
    static @Nullable MethodHandle adapterField(Class<?> mdc) {
        try {
            return MethodHandles.privateLookupIn(mdc, MethodHandles.lookup())
                    .findStaticGetter(mdc, "MDC_ADAPTER", MDCAdapter.class)
                    .asType(MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException | RuntimeException notReadable) {
            return null; // a module that does not open org.slf4j, or another slf4j-api: ask the MDC
        }
    }

    /**
     * {@return true if {@code adapterField} says that SLF4J's MDC has no adapter yet (so no thread
     * has an MDC)}; false when it has one, or when that cannot be known ({@code adapterField} null).
     */
    static boolean neverUsed(@Nullable MethodHandle adapterField) {
        if (adapterField == null) {
            return false;
        }
        try {
            return (Object) adapterField.invokeExact() == null;
        } catch (Throwable unreadable) { // a static getter does not throw; if it did, ask the MDC
            return false;
        }
    }

    /** The MDC once it has an adapter: Logback's read-only map when it is the provider, else a copy. */
    private static final class Bound {
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

        private Bound() {
        }

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
}
