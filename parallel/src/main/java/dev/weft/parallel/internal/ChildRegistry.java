package dev.weft.parallel.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every child JVM this JVM started and that has not ended yet, and the shutdown hook that kills
 * them when this JVM exits without closing its pools.
 */
final class ChildRegistry {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private ChildRegistry() {
    }

    static void add(Process process) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(ChildRegistry::killAll, "weft-child-jvm-reaper"));
        }
        LIVE.add(process);
    }

    static void remove(Process process) {
        LIVE.remove(process);
    }

    private static void killAll() {
        for (Process process : LIVE) {
            process.destroyForcibly();
        }
    }
}
