package dev.weft.parallel.internal;

import dev.weft.core.ThreadKind;
import java.util.Objects;

/**
 * The one answer to "is this thread one of this pool's workers?", for every backend: a thread that
 * works for a pool (a fork-join worker, the threads that drive a child JVM, a cluster member's
 * thread while it runs a chunk) carries its pool's mark, here. A pool asks before it waits for
 * its own work, which its workers would then never finish ({@code close()} from a task).
 *
 * <pre>{@code
 * Thread sender = WorkerThreads.newThread(pool, "weft-processes-1-worker-1-sender", this::send);
 * WorkerThreads.isWorkerOf(pool);   // true on that thread only
 * }</pre>
 */
public final class WorkerThreads {
    private static final ThreadLocal<Object> OWNER = new ThreadLocal<>();

    private WorkerThreads() {
    }

    /**
     * {@return true if the calling thread works for {@code owner}}
     *
     * @param owner a pool, or what stands for it
     */
    public static boolean isWorkerOf(Object owner) {
        return owner != null && OWNER.get() == owner;
    }

    /** {@return what the calling thread works for now, or null} */
    public static Object owner() {
        return OWNER.get();
    }

    /**
     * Marks the calling thread as working for {@code owner} until {@link #leave(Object)}; a thread of a
     * pool's own marks itself once, when it starts.
     *
     * @param owner a pool, or what stands for it
     * @return what the thread worked for before, to give back to {@link #leave(Object)}
     */
    public static Object enter(Object owner) {
        Object before = OWNER.get();
        OWNER.set(Objects.requireNonNull(owner, "owner"));
        return before;
    }

    /**
     * Gives the calling thread back the mark it had before {@link #enter}.
     *
     * @param before what {@code enter} returned
     */
    public static void leave(Object before) {
        if (before == null) {
            OWNER.remove();
        } else {
            OWNER.set(before);
        }
    }

    /**
     * {@return a new platform thread, not started, that works for {@code owner}}
     *
     * @param owner a pool, or what stands for it
     * @param name the thread's name
     * @param task what it runs
     */
    public static Thread newThread(Object owner, String name, Runnable task) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(task, "task");
        return ThreadKind.PLATFORM.newThread(name, () -> {
            enter(owner);
            task.run();
        });
    }
}
