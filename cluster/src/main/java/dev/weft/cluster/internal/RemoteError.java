package dev.weft.cluster.internal;

import dev.weft.parallel.RemoteException;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A throwable as it travels from a member back to the pool: the serialized original when it
 * serializes, and always its class name, message, stack trace and cause, so that the pool can
 * rebuild a {@link RemoteException} when the original cannot be read back (its class is missing
 * on the caller's side). A copy of {@code dev.weft.parallel.internal.ErrorPayload}.
 */
final class RemoteError implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 16;

    private final String className;
    private final String message;
    private final StackTraceElement[] stack;
    private final RemoteError cause;
    private final byte[] original;

    private RemoteError(String className, String message, StackTraceElement[] stack, RemoteError cause,
            byte[] original) {
        this.className = className;
        this.message = message;
        this.stack = stack;
        this.cause = cause;
        this.original = original;
    }

    /** {@return the payload for {@code error}} */
    static RemoteError of(Throwable error) {
        byte[] original;
        try {
            original = Serialization.toBytes(error);
        } catch (IOException | RuntimeException e) {
            original = null;
        }
        return describe(error, original, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static RemoteError describe(Throwable error, byte[] original, Set<Throwable> seen) {
        seen.add(error);
        Throwable next = error.getCause();
        RemoteError cause = next == null || seen.contains(next) || seen.size() >= MAX_CAUSES
                ? null : describe(next, null, seen);
        return new RemoteError(error.getClass().getName(), error.getMessage(), error.getStackTrace(), cause, original);
    }

    /** {@return the original throwable if it can be read back here, else a {@link RemoteException}} */
    Throwable rebuild() {
        if (original != null) {
            try {
                if (Serialization.fromBytes(original) instanceof Throwable t) {
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
