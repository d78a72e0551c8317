package dev.weft.core.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * What a fork inherits from the code that started it: the SLF4J {@link MDC} map, the values of
 * every {@code ThreadLocalAccessor} registered in Micrometer's {@code ContextRegistry} (when
 * {@code io.micrometer:context-propagation} is on the class path) and the deadline the code runs
 * under ({@link CancelScope#currentDeadline()}). An immutable snapshot: {@link #capture()} takes
 * it on the starting thread, {@link #install()} sets it on the thread that runs the fork, and the
 * returned {@link Restore} puts back exactly what that thread had, so a pooled thread gets its
 * own context back after each task.
 *
 * <p>Cheap by design: a thread with an empty MDC, no registered value and no deadline captures
 * the shared {@link #empty()} snapshot (no map is copied), and installing that one only checks
 * that the running thread has nothing to clear.
 *
 * <p>A fork's changes to its context stay on its thread: the snapshot is a copy, and the starting
 * thread's context is never written.
 */
public final class ForkContext {
    private static final ForkContext EMPTY = new ForkContext(null, null, null);
    private static final Restore NOTHING = () -> { };

    /** Puts back what a thread had before {@link #install()}; {@link #close()} does not throw. */
    public interface Restore extends AutoCloseable {
        /** Restores the context the thread had before the snapshot was installed. */
        @Override
        void close();
    }

    private final @Nullable Map<String, String> mdc;
    private final @Nullable RegistryValues values;
    private final @Nullable Instant deadline;

    private ForkContext(@Nullable Map<String, String> mdc, @Nullable RegistryValues values, @Nullable Instant deadline) {
        this.mdc = mdc;
        this.values = values;
        this.deadline = deadline;
    }

    /** {@return the snapshot of nothing: an empty MDC, no registered value, no deadline} */
    public static ForkContext empty() {
        return EMPTY;
    }

    /** {@return the calling thread's context: its MDC, its registered values and its deadline} */
    public static ForkContext capture() {
        Map<String, String> mdc = MdcMaps.current();
        RegistryValues values = RegistryValues.PRESENT ? RegistryValues.capture() : null;
        Instant deadline = DeadlineLocal.get();
        if (mdc == null && values == null && deadline == null) {
            return EMPTY;
        }
        // MdcMaps gives a map nobody modifies: wrapping it is enough
        return new ForkContext(mdc == null ? null : Collections.unmodifiableMap(mdc), values, deadline);
    }

    /**
     * Makes a snapshot from what another JVM sent: the worker side of a child JVM or a cluster
     * member. Values whose accessor is not registered here (or when context-propagation is not on
     * the class path here) are ignored.
     *
     * @param mdc the MDC map
     * @param values the portable values, keyed by accessor key ({@link #portableValues()})
     * @param deadline the deadline, or null for none
     * @return the snapshot
     * @throws NullPointerException if {@code mdc} or {@code values} is null
     */
    public static ForkContext fromPortable(Map<String, String> mdc, Map<String, ? extends Serializable> values,
            @Nullable Instant deadline) {
        Objects.requireNonNull(mdc, "mdc");
        Objects.requireNonNull(values, "values");
        RegistryValues registered = RegistryValues.PRESENT ? RegistryValues.fromPortable(values) : null;
        Map<String, String> copy = mdc.isEmpty() ? null : Map.copyOf(mdc);
        if (copy == null && registered == null && deadline == null) {
            return EMPTY;
        }
        return new ForkContext(copy, registered, deadline);
    }

    /** {@return the deadline of this snapshot, if any} */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /**
     * Returns this snapshot with {@code deadline} too; of two deadlines the earlier is kept.
     *
     * @param deadline a deadline, or null for none (then this snapshot is returned)
     * @return the snapshot with the earlier deadline
     */
    public ForkContext withDeadline(@Nullable Instant deadline) {
        Instant earlier = DeadlineLocal.earlier(this.deadline, deadline);
        if (earlier == this.deadline) {
            return this;
        }
        return new ForkContext(mdc, values, earlier);
    }

    /** {@return the MDC map of this snapshot (unmodifiable, empty if none)} */
    public Map<String, String> mdc() {
        return mdc == null ? Map.of() : mdc;
    }

    /**
     * Returns the registered values that can travel to another JVM: those that are
     * {@link Serializable}, keyed by their accessor's key as a string. A value that is not
     * {@code Serializable} is left out (and logged at DEBUG), never an error.
     *
     * @return the portable values (unmodifiable, empty if none)
     */
    public Map<String, Serializable> portableValues() {
        return values == null ? Map.of() : Map.copyOf(values.portable());
    }

    /** {@return true if this snapshot holds nothing to install} */
    public boolean isEmpty() {
        return this == EMPTY || (mdc == null && values == null && deadline == null);
    }

    /**
     * Installs this snapshot on the current thread: its MDC replaced, the registered values set
     * (those this snapshot has no value for cleared, also on a pooled thread that has some left),
     * its deadline set.
     *
     * @return what puts back the thread's previous context; close it on the same thread
     */
    public Restore install() {
        Map<String, String> previousMdc = MdcMaps.current();
        boolean hadMdc = previousMdc != null;
        Instant previousDeadline = DeadlineLocal.get();
        // without values of its own, the snapshot still clears the ones a pooled thread has left
        RegistryValues installed = values != null ? values : RegistryValues.PRESENT ? RegistryValues.clearingCurrent() : null;
        if (mdc == null && installed == null && deadline == null && !hadMdc && previousDeadline == null) {
            return NOTHING; // a fresh thread starting clean: nothing to set, nothing to restore
        }
        if (mdc != null) {
            MDC.setContextMap(mdc);
        } else if (hadMdc) {
            MDC.clear();
        }
        @Nullable Object[] previousValues = installed == null ? null : installed.install();
        DeadlineLocal.swap(deadline);
        return () -> {
            DeadlineLocal.swap(previousDeadline);
            if (installed != null) {
                installed.restore(Objects.requireNonNull(previousValues));
            }
            if (hadMdc) {
                MDC.setContextMap(previousMdc);
            } else {
                MDC.clear();
            }
        };
    }

    /**
     * Wraps {@code body} so that it runs with this snapshot installed, and restored after.
     *
     * @param body what to run
     * @param <T> the type of its result
     * @return the wrapped callable
     * @throws NullPointerException if {@code body} is null
     */
    public <T extends @Nullable Object> Callable<T> wrap(Callable<T> body) {
        Objects.requireNonNull(body, "body");
        return () -> {
            Restore restore = install();
            try {
                return body.call();
            } finally {
                restore.close();
            }
        };
    }

    /**
     * Wraps {@code body} so that it runs with this snapshot installed, and restored after.
     *
     * @param body what to run
     * @return the wrapped runnable
     * @throws NullPointerException if {@code body} is null
     */
    public Runnable wrap(Runnable body) {
        Objects.requireNonNull(body, "body");
        return () -> {
            Restore restore = install();
            try {
                body.run();
            } finally {
                restore.close();
            }
        };
    }

    @Override
    public String toString() {
        return "ForkContext[mdc=" + mdc() + ", values=" + (values == null ? 0 : "some")
                + ", deadline=" + deadline + "]";
    }
}
