package dev.weft.parallel.internal;

/**
 * Whether a thread that a task started still runs in a child JVM: any live thread of the main
 * thread group (and its subgroups) other than the worker's own, where every thread that tasks start
 * lands unless they choose another group. The JVM's own threads live in the system group. Virtual
 * threads are not listed by any thread group, so one a task left running is not seen.
 *
 * <pre>{@code
 * if (TaskThreads.anyRunning()) { System.exit(0); }   // not kept for another pool
 * }</pre>
 */
final class TaskThreads {
    private TaskThreads() {
    }

    /** {@return true if a thread other than the caller's runs in the caller's thread group or below} */
    static boolean anyRunning() {
        Thread self = Thread.currentThread();
        ThreadGroup group = self.getThreadGroup();
        if (group == null) {
            return false;
        }
        Thread[] threads = new Thread[group.activeCount() + 8];
        int count = group.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (threads[i] != self && threads[i].isAlive()) {
                return true;
            }
        }
        return false;
    }
}
