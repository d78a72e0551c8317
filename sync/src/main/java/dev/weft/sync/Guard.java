package dev.weft.sync;

/**
 * A held lock, permit or condition, released by {@link #close()}: the {@code with lock:} block
 * of Python, written as try-with-resources.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=guard}
 *
 * <p>Unlike {@link AutoCloseable#close()}, {@code close()} declares no checked exception, so
 * the block needs no {@code catch}. Closing a guard a second time does nothing: it never
 * releases twice. Compared with the {@code lock(); try { ... } finally { unlock(); }} idiom of
 * {@link java.util.concurrent.locks.ReentrantLock}, a guard cannot forget the {@code finally}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Guard extends AutoCloseable {
    /**
     * Releases what this guard holds; the second and later calls do nothing.
     *
     * @throws IllegalMonitorStateException if the held thing is an {@link RLock} (or a
     *     {@link Condition} over one) and the calling thread is not its owner
     */
    @Override
    void close();
}
