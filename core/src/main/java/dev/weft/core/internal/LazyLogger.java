package dev.weft.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SLF4J logger fetched at its first message, not when the class that holds it is initialized.
 * The first {@code LoggerFactory.getLogger} of a JVM starts the logging binding (about 0.1 s of a
 * cold JVM's time with Logback); a class on the path a cold JVM takes to start its first child
 * JVMs holds its logger this way, so that the binding starts, if at all, while the children start.
 *
 * <pre>{@code
 * private static final LazyLogger log = LazyLogger.of(ChildJvm.class);
 * log.debug("Child {} is gone", pid, e);      // as Logger.debug(String, Object...): a last Throwable is the cause
 * }</pre>
 *
 * <p>Only the levels weft's pool machinery uses are here; each takes SLF4J's format and arguments.
 */
public final class LazyLogger {
    private final Class<?> owner;
    private volatile Logger logger;

    private LazyLogger(Class<?> owner) {
        this.owner = owner;
    }

    /**
     * {@return a logger named after {@code owner}, fetched at its first use}
     *
     * @param owner the class that logs
     */
    public static LazyLogger of(Class<?> owner) {
        return new LazyLogger(java.util.Objects.requireNonNull(owner, "owner"));
    }

    private Logger logger() {
        Logger fetched = logger;
        if (fetched == null) {
            fetched = LoggerFactory.getLogger(owner); // a race fetches the same logger twice: harmless
            logger = fetched;
        }
        return fetched;
    }

    /**
     * Logs at DEBUG.
     *
     * @param format the SLF4J format
     * @param arguments its arguments; a last {@link Throwable} is logged as the cause
     */
    public void debug(String format, Object... arguments) {
        logger().debug(format, arguments);
    }

    /**
     * Logs at INFO.
     *
     * @param format the SLF4J format
     * @param arguments its arguments; a last {@link Throwable} is logged as the cause
     */
    public void info(String format, Object... arguments) {
        logger().info(format, arguments);
    }

    /**
     * Logs at WARN.
     *
     * @param format the SLF4J format
     * @param arguments its arguments; a last {@link Throwable} is logged as the cause
     */
    public void warn(String format, Object... arguments) {
        logger().warn(format, arguments);
    }

    /**
     * Logs at ERROR.
     *
     * @param format the SLF4J format
     * @param arguments its arguments; a last {@link Throwable} is logged as the cause
     */
    public void error(String format, Object... arguments) {
        logger().error(format, arguments);
    }
}
