package dev.weft.core.internal;

import dev.weft.core.ThreadKind;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * The weft threads that are running their task, each with the work it runs: what
 * {@link ThreadKind#liveThreads()} reports, and how a fork or a gathered task finds its own
 * bookkeeping without a thread-local (a thread-local would give every short-lived thread a map of
 * its own, the largest single cost of a trivial fork).
 *
 * <p>A thread enters when its task starts ({@link #enter}) and leaves when it ends
 * ({@link #exit}), both on that thread. {@link #unstarted} makes a thread without the per-thread
 * builder and wrapper {@code Thread.ofVirtual().name(..)} and a tracking lambda would cost: the
 * runnable given to it enters and leaves itself.
 */
public final class LiveThreads {
    private static final ConcurrentHashMap<Thread, Object> LIVE = new ConcurrentHashMap<>();
    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().factory();
    private static final ThreadFactory PLATFORM = Thread.ofPlatform().daemon(true).factory();

    private LiveThreads() {
    }

    /**
     * The calling thread starts running {@code work}; call {@link #exit()} on it when it ends.
     *
     * @param work what it runs, as {@link #workOf} will return it
     */
    public static void enter(Object work) {
        LIVE.put(Thread.currentThread(), work);
    }

    /** The calling thread has ended the work it {@linkplain #enter entered} with. */
    public static void exit() {
        LIVE.remove(Thread.currentThread());
    }

    /**
     * {@return the work {@code thread} runs, or null if it is not a running weft thread}
     *
     * @param thread the thread
     */
    public static @Nullable Object workOf(Thread thread) {
        return LIVE.get(thread);
    }

    /** {@return a snapshot of the running weft threads} */
    public static Set<Thread> snapshot() {
        return Set.copyOf(LIVE.keySet());
    }

    /**
     * Makes an unstarted thread of {@code kind} called {@code name} that runs {@code task}, which
     * must itself {@link #enter} and {@link #exit} (use {@link #tracking} for one that does not).
     *
     * @param kind the kind of thread
     * @param name its name
     * @param task what it runs, tracking itself
     * @return the unstarted thread
     */
    public static Thread unstarted(ThreadKind kind, String name, Runnable task) {
        Thread thread = (kind == ThreadKind.VIRTUAL ? VIRTUAL : PLATFORM).newThread(task);
        thread.setName(name);
        return thread;
    }

    /**
     * {@return {@code task}, entering and leaving this registry around its run}
     *
     * @param task what to run
     */
    public static Runnable tracking(Runnable task) {
        Objects.requireNonNull(task, "task");
        return new Runnable() {
            @Override
            public void run() {
                enter(this);
                try {
                    task.run();
                } finally {
                    exit();
                }
            }
        };
    }
}
