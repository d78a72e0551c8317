package dev.weft.core.internal;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The values of the {@link ThreadLocalAccessor}s registered in Micrometer's
 * {@link ContextRegistry}, captured on one thread to be set on another. The only class of core
 * that names Micrometer's types: {@link ForkContext} touches it only when {@link #PRESENT} says
 * that context-propagation is on the class path, so core runs without it.
 */
final class RegistryValues {
    /** Whether {@code io.micrometer:context-propagation} is on the class path. */
    static final boolean PRESENT = isPresent();

    /** Fetched at its first message: a fork's context capture does not start the logging binding. */
    private static final LazyLogger LOG = LazyLogger.of(RegistryValues.class);

    private final ThreadLocalAccessor<?>[] accessors;
    private final @Nullable Object[] values;

    private RegistryValues(ThreadLocalAccessor<?>[] accessors, @Nullable Object[] values) {
        this.accessors = accessors;
        this.values = values;
    }

    private static boolean isPresent() {
        try {
            Class.forName("io.micrometer.context.ContextRegistry", false, RegistryValues.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** {@return the values of every registered accessor, or null if none has one} */
    static @Nullable RegistryValues capture() {
        List<ThreadLocalAccessor<?>> registered = ContextRegistry.getInstance().getThreadLocalAccessors();
        int n = registered.size();
        if (n == 0) {
            return null;
        }
        ThreadLocalAccessor<?>[] accessors = registered.toArray(new ThreadLocalAccessor<?>[0]);
        @Nullable Object[] values = new Object[accessors.length];
        boolean any = false;
        for (int i = 0; i < accessors.length; i++) {
            Object value = accessors[i].getValue();
            values[i] = value;
            any |= value != null;
        }
        return any ? new RegistryValues(accessors, values) : null;
    }

    /**
     * {@return all-null values, to clear the registered accessors that have a value on the calling
     * thread (a pooled thread's stale context), or null if none has one}
     */
    static @Nullable RegistryValues clearingCurrent() {
        List<ThreadLocalAccessor<?>> registered = ContextRegistry.getInstance().getThreadLocalAccessors();
        if (registered.isEmpty()) {
            return null;
        }
        for (ThreadLocalAccessor<?> accessor : registered) {
            if (accessor.getValue() != null) {
                ThreadLocalAccessor<?>[] accessors = registered.toArray(new ThreadLocalAccessor<?>[0]);
                return new RegistryValues(accessors, new Object[accessors.length]);
            }
        }
        return null;
    }

    /**
     * {@return the values for the accessors registered here whose key is in {@code portable};
     * the others are ignored; null if none is left}
     */
    static @Nullable RegistryValues fromPortable(Map<String, ? extends Serializable> portable) {
        if (portable.isEmpty()) {
            return null;
        }
        List<ThreadLocalAccessor<?>> registered = ContextRegistry.getInstance().getThreadLocalAccessors();
        ThreadLocalAccessor<?>[] accessors = registered.toArray(new ThreadLocalAccessor<?>[0]);
        @Nullable Object[] values = new Object[accessors.length];
        boolean any = false;
        for (int i = 0; i < accessors.length; i++) {
            Object value = portable.get(String.valueOf(accessors[i].key()));
            values[i] = value;
            any |= value != null;
        }
        return any ? new RegistryValues(accessors, values) : null;
    }

    /** {@return the captured values that are {@link Serializable}, keyed by accessor key} */
    Map<String, Serializable> portable() {
        Map<String, Serializable> portable = new LinkedHashMap<>();
        for (int i = 0; i < accessors.length; i++) {
            Object value = values[i];
            if (value instanceof Serializable serializable) {
                portable.put(String.valueOf(accessors[i].key()), serializable);
            } else if (value != null) {
                LOG.debug("context value of '{}' ({}) is not Serializable: it does not travel to another JVM",
                        accessors[i].key(), value.getClass().getName());
            }
        }
        return portable;
    }

    /**
     * Sets the captured values on the current thread (clearing the accessors that had none) and
     * returns what the thread had, for {@link #restore}.
     */
    @Nullable Object[] install() {
        @Nullable Object[] previous = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            previous[i] = accessors[i].getValue();
            set(accessors[i], values[i]);
        }
        return previous;
    }

    /** Puts back, in reverse order, what {@link #install} found. */
    void restore(@Nullable Object[] previous) {
        for (int i = accessors.length - 1; i >= 0; i--) {
            restore(accessors[i], previous[i]);
        }
    }

    @SuppressWarnings("unchecked") // the value was read from this very accessor (or sent for its key)
    private static <V> void set(ThreadLocalAccessor<V> accessor, @Nullable Object value) {
        if (value == null) {
            accessor.setValue();
        } else {
            accessor.setValue((V) value);
        }
    }

    @SuppressWarnings("unchecked") // the value was read from this very accessor
    private static <V> void restore(ThreadLocalAccessor<V> accessor, @Nullable Object previous) {
        if (previous == null) {
            accessor.restore();
        } else {
            accessor.restore((V) previous);
        }
    }
}
