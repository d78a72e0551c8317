package dev.weft.core.internal;

import dev.weft.core.ThreadKind;
import java.util.HashSet;
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
 *
 * <p>The registry is striped by thread id over several maps: with one map, every thread that
 * enters or leaves updates the same size counter, and on a trivial fork that contention cost more
 * than the thread's start.
 */
public final class LiveThreads {
    /** A power of two, a few per carrier: two threads rarely update the same map at once. */
    private static final int STRIPES = Integer.highestOneBit(
            Math.max(8, Runtime.getRuntime().availableProcessors() * 8) - 1) << 1;
    private static final ConcurrentHashMap<Thread, Object>[] LIVE = newStripes();
    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().factory();
    private static final ThreadFactory PLATFORM = Thread.ofPlatform().daemon(true).factory();

    private LiveThreads() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ConcurrentHashMap<Thread, Object>[] newStripes() {
        ConcurrentHashMap<Thread, Object>[] stripes = new ConcurrentHashMap[STRIPES];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ConcurrentHashMap<>();
        }
        return stripes;
    }

    private static ConcurrentHashMap<Thread, Object> stripeOf(Thread thread) {
        return LIVE[(int) thread.threadId() & (STRIPES - 1)];
    }

    /**
     * The calling thread starts running {@code work}; call {@link #exit()} on it when it ends.
     *
     * @param work what it runs, as {@link #workOf} will return it
     */
    public static void enter(Object work) {
        Thread self = Thread.currentThread();
        stripeOf(self).put(self, work);
    }

    /** The calling thread has ended the work it {@linkplain #enter entered} with. */
    public static void exit() {
        Thread self = Thread.currentThread();
        stripeOf(self).remove(self);
    }

    /**
     * {@return the work {@code thread} runs, or null if it is not a running weft thread}
     *
     * @param thread the thread
     */
    public static @Nullable Object workOf(Thread thread) {
        return stripeOf(thread).get(thread);
    }

    /** {@return a snapshot of the running weft threads} */
    public static Set<Thread> snapshot() {
        Set<Thread> threads = new HashSet<>();
        for (ConcurrentHashMap<Thread, Object> stripe : LIVE) {
            threads.addAll(stripe.keySet());
        }
        return Set.copyOf(threads);
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
     * Makes a factory of unstarted threads of {@code kind} that are all called {@code name},
     * which each runnable given to it must {@link #enter} and {@link #exit} itself, as for
     * {@link #unstarted}. A thread from it is named as it is made: {@link Thread#setName}, which
     * {@link #unstarted} calls, takes the new thread's monitor, a cost a trivial fork notices.
     *
     * @param kind the kind of thread
     * @param name the name of every thread it makes
     * @return the factory
     */
    public static ThreadFactory named(ThreadKind kind, String name) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        return kind == ThreadKind.VIRTUAL
                ? Thread.ofVirtual().name(name).factory()
                : Thread.ofPlatform().daemon(true).name(name).factory();
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
