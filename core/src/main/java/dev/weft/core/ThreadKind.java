package dev.weft.core;

import dev.weft.core.internal.LiveThreads;
import dev.weft.core.internal.registry.LiveScopes;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which kind of thread runs a task: a cheap {@link #VIRTUAL} thread (the default for I/O and
 * waiting, like an asyncio task) or an OS-backed {@link #PLATFORM} thread (like Python's
 * {@code threading.Thread}). Each kind makes named thread factories:
 *
 * {@snippet class=dev.weft.core.snippets.CoreSnippets region=thread-kind}
 *
 * <p>Every weft module starts its threads here, so {@link #liveThreads()} can tell which weft
 * threads are still running: a test, or a shutdown check, uses it to prove nothing leaked.
 *
 * @since 0.1
 */
public enum ThreadKind {
    /** A virtual thread: parks without holding an OS thread; millions can exist at once. */
    VIRTUAL,
    /** A platform (OS) thread, made a daemon so that a forgotten thread never keeps the JVM alive. */
    PLATFORM;

    /**
     * {@return the threads made by any {@code ThreadKind} (and so by every weft module) that have
     * started and not yet finished their task} The set is a snapshot.
     */
    public static Set<Thread> liveThreads() {
        Set<Thread> live = new HashSet<>(LiveThreads.snapshot());
        live.addAll(LiveScopes.forkThreads()); // a scope lists its forks' threads itself
        return Set.copyOf(live);
    }

    /**
     * Returns a thread factory whose threads are named {@code prefix-1}, {@code prefix-2}, ...
     * Threads are created unstarted.
     *
     * @param prefix the name prefix
     * @return a new factory with its own counter
     * @throws NullPointerException if {@code prefix} is null
     */
    public ThreadFactory factory(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        AtomicLong counter = new AtomicLong();
        return task -> newThread(prefix + "-" + counter.incrementAndGet(), task);
    }

    /**
     * Creates one unstarted thread of this kind with the given name.
     *
     * @param name the thread's name
     * @param task what the thread runs
     * @return the unstarted thread
     * @throws NullPointerException if an argument is null
     */
    public Thread newThread(String name, Runnable task) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        return LiveThreads.unstarted(this, name, LiveThreads.tracking(task));
    }
}
