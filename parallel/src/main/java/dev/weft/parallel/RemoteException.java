package dev.weft.parallel;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An exception thrown in a child JVM whose own class could not be rebuilt in the parent (it is
 * missing there, or it holds something that does not serialize): it keeps the original class
 * name, message and stack trace, and its cause is the original cause, rebuilt the same way.
 * Python's counterpart is {@code multiprocessing.pool.RemoteTraceback}, the text of the child's
 * traceback chained to the re-raised exception.
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=remote-exception}
 *
 * <p>Its message is {@code "<class name>: <original message>"} and its stack trace is the one the
 * exception had in the child; {@code java.rmi.RemoteException} is the JDK's older cousin for the
 * same situation over RMI.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class RemoteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The class name of the exception thrown in the worker. */
    private final String remoteClassName;
    /** The message of the exception thrown in the worker, or null. */
    private final @Nullable String remoteMessage;

    /**
     * Creates the exception; the caller sets the remote stack trace with
     * {@link #setStackTrace(StackTraceElement[])}.
     *
     * @param remoteClassName the name of the exception's class in the child
     * @param remoteMessage the exception's message in the child, may be null
     * @param cause the rebuilt cause, may be null
     * @throws NullPointerException if {@code remoteClassName} is null
     */
    public RemoteException(String remoteClassName, @Nullable String remoteMessage, @Nullable Throwable cause) {
        super(Objects.requireNonNull(remoteClassName, "remoteClassName")
                + (remoteMessage == null ? "" : ": " + remoteMessage), cause);
        this.remoteClassName = remoteClassName;
        this.remoteMessage = remoteMessage;
    }

    /** {@return the fully qualified name of the exception's class in the child JVM} */
    public String remoteClassName() {
        return remoteClassName;
    }

    /** {@return the exception's own message in the child JVM, or null if it had none} */
    public @Nullable String remoteMessage() {
        return remoteMessage;
    }
}
