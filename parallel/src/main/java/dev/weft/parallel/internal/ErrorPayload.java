package dev.weft.parallel.internal;

import dev.weft.parallel.RemoteException;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.IdentityHashMap;
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
        return new ErrorPayload(error.getClass().getName(), error.getMessage(), error.getStackTrace(), cause, original);
    }

    private static byte[] serialized(Throwable error) {
        try {
            return JavaSerialization.toBytes(error);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@return the original throwable if it can be read back here, else a {@link RemoteException}} */
    public Throwable rebuild() {
        if (original != null) {
            try {
                if (JavaSerialization.fromBytes(original, 0, original.length) instanceof Throwable t) {
                    return t;
                }
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                // fall through to the description
            }
        }
        RemoteException remote = new RemoteException(className, message, cause == null ? null : cause.rebuild());
        remote.setStackTrace(stack);
        return remote;
    }

    @Override
    public String toString() {
        return className + (message == null ? "" : ": " + message);
    }
}
