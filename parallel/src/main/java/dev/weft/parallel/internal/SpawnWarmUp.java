package dev.weft.parallel.internal;

import dev.weft.core.ThreadKind;
import dev.weft.core.internal.Uninterruptibly;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a JVM's first child start needs that neither the function nor the inputs do, done once
 * per JVM on a thread of its own while the caller of its first process pool serializes its first
 * function: the JDK's process classes ({@code ProcessHandle}'s reaper, {@code ProcessImpl},
 * {@code ProcessBuilder}'s logger), the launch layout, a child's command line and its start-up
 * cache plan. No child starts here and nothing is kept: the first spawn, on the caller's thread,
 * finds those classes initialized and their call sites linked (a class still being initialized
 * here makes it wait for that, never do it twice).
 *
 * <pre>{@code
 * SpawnWarmUp.startOnce(options.jvmArgs(), options.startupCache());  // the first pool's constructor
 * SpawnWarmUp.awaitEnd();                                           // its close: no weft thread outlives it
 * }</pre>
 *
 * <p>A failure here is left to the spawn, which does the same steps and reports it; the thread
 * logs nothing, so that it never starts the logging binding.
 */
final class SpawnWarmUp {
    private static final ReentrantLock LOCK = new ReentrantLock();
    /** The warm-up thread, once started. */
    private static Thread thread;

    private SpawnWarmUp() {
    }

    /**
     * Starts the warm-up, unless this JVM has already started it.
     *
     * @param jvmArgs the first pool's JVM arguments for its children
     * @param startupCache whether its children use the start-up cache
     * @return true if this call started it
     */
    static boolean startOnce(List<String> jvmArgs, boolean startupCache) {
        Thread started;
        LOCK.lock();
        try {
            if (thread != null) {
                return false;
            }
            // a class, not a lambda: linking a lambda costs a cold JVM a millisecond or two
            started = ThreadKind.PLATFORM.newThread("weft-spawn-warm-up", new Steps(jvmArgs, startupCache));
            thread = started;
        } finally {
            LOCK.unlock();
        }
        started.start();
        return true;
    }

    /** Waits until the warm-up has ended, if it was started; keeps the interrupt flag. */
    static void awaitEnd() {
        Thread running;
        LOCK.lock();
        try {
            running = thread;
        } finally {
            LOCK.unlock();
        }
        if (running != null) {
            Uninterruptibly.join(running);
        }
    }

    /** What the warm-up thread runs. */
    private static final class Steps implements Runnable {
        private final List<String> jvmArgs;
        private final boolean startupCache;

        Steps(List<String> jvmArgs, boolean startupCache) {
            this.jvmArgs = jvmArgs;
            this.startupCache = startupCache;
        }

        @Override
        public void run() {
            warmUp(jvmArgs, startupCache);
        }
    }

    /** The steps of a first spawn up to {@code ProcessBuilder.start}, without starting anything. */
    static void warmUp(List<String> jvmArgs, boolean startupCache) {
        try {
            ProcessHandle.current(); // ProcessHandleImpl's reaper executor, which every started process needs
            Class.forName("java.lang.ProcessImpl", true, null);
            System.getLogger("java.lang.ProcessBuilder").isLoggable(System.Logger.Level.DEBUG); // as start() asks
            LaunchLayout layout = LaunchLayout.current();
            List<String> args = startupCache ? StartupCache.plan(layout, jvmArgs).jvmArgs() : jvmArgs;
            ChildJvm.command(args, List.of());
        } catch (ClassNotFoundException | RuntimeException | LinkageError leftToTheSpawn) {
            // the spawn takes the same steps on the caller's thread, and reports what fails there
        }
    }
}
