package dev.weft.parallel;

import java.io.Serializable;

/**
 * A {@link Runnable} that is also {@link Serializable}: the initializer a process pool runs once in
 * each child JVM ({@link ProcessPoolOptions.Builder#initializer}), as Python's
 * {@code Pool(initializer=...)}.
 *
 * <pre>{@code
 * ProcessPoolOptions options = ProcessPoolOptions.builder()
 *         .initializer(() -> System.setProperty("app.role", "worker"))
 *         .build();
 * }</pre>
 *
 * <p>Like {@link SerializableFunction}, a lambda typed so is serializable as long as what it
 * captures is.
 */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {
}
