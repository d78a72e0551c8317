package dev.weft.parallel;

import java.io.Serializable;

/**
 * A {@link Runnable} that is also {@link Serializable}: the initializer a process pool runs once in
 * each child JVM ({@link ProcessPoolOptions.Builder#initializer}), as Python's
 * {@code Pool(initializer=...)}.
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=serializable-runnable}
 *
 * <p>Like {@link SerializableFunction}, a lambda typed so is serializable as long as what it
 * captures is.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {
}
