package dev.weft.parallel.internal;

import dev.weft.parallel.RemoteException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * A throwable as it travels from a worker (a child JVM, a cluster member) to the caller: the
 * serialized original when it serializes, and always its class name, message, stack trace and
 * cause, so that the caller can rebuild a {@link RemoteException} when the original cannot be read
 * back (its class is missing there).
 */
public final class ErrorPayload implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 16;

    private final String className;
    private final String message;
    private final StackTraceElement[] stack;
    private final ErrorPayload cause;
    private final byte[] original;

    private ErrorPayload(String className, String message, StackTraceElement[] stack, ErrorPayload cause,
            byte[] original) {
        this.className = className;
        this.message = message;
        this.stack = stack;
        this.cause = cause;
        this.original = original;
    }

    /** {@return the payload for {@code error}} */
    public static ErrorPayload of(Throwable error) {
        return describe(error, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Describes {@code error}; its causes too, each with its own serialized form if it has one. */
    private static ErrorPayload describe(Throwable error, Set<Throwable> seen) {
        seen.add(error);
        byte[] original = serialized(error);
        Throwable next = error.getCause();
        ErrorPayload cause = next == null || seen.contains(next) || seen.size() >= MAX_CAUSES
                ? null : describe(next, seen);
        return new ErrorPayload(error.getClass().getName(), messageOf(error), error.getStackTrace(), cause, original);
    }

    // Catches every Throwable: a user's writeObject or getMessage runs here, and the description is the fallback.
    private static byte[] serialized(Throwable error) {
        try {
            return JavaSerialization.toBytes(error);
        } catch (Throwable e) {
            return null;
        }
    }

    private static String messageOf(Throwable error) {
        try {
            return error.getMessage();
        } catch (Throwable e) {
            return "(getMessage() threw " + e.getClass().getName() + ")";
        }
    }

    /** {@return the original throwable if it can be read back here, else a {@link RemoteException}} */
    public Throwable rebuild() {
        return rebuild(0);
    }

    private Throwable rebuild(int depth) {
        if (original != null) {
            try {
                if (JavaSerialization.fromBytes(original, 0, original.length) instanceof Throwable t) {
                    return t;
                }
            } catch (Throwable e) { // a user's readObject runs here; the description is the fallback
                // fall through to the description
            }
        }
        Throwable rebuiltCause = cause == null || depth >= MAX_CAUSES ? null : cause.rebuild(depth + 1);
        RemoteException remote = new RemoteException(String.valueOf(className), message, rebuiltCause);
        if (stack != null && Arrays.stream(stack).allMatch(Objects::nonNull)) {
            remote.setStackTrace(stack);
        }
        return remote;
    }

    @Override
    public String toString() {
        return className + (message == null ? "" : ": " + message);
    }
}
