package dev.weft.parallel.internal;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The thread that runs a thread pool's chunk, while it runs it, so that the chunk can be
 * interrupted when it must stop early (its caller's deadline passed, its scope closed) and only
 * then: an interrupt never reaches the thread once it has moved on to another caller's chunk, and
 * one that arrived is cleared when the chunk ends, so the next chunk does not inherit it.
 *
 * <pre>{@code
 * runner.enter();
 * try { runTheChunk(); } finally { runner.leave(); }
 * // from another thread: runner.interrupt();
 * }</pre>
 */
final class ChunkRunnerThread {
    private final ReentrantLock lock = new ReentrantLock();
    private Thread thread;
    private boolean interrupted;

    /** The calling thread starts running the chunk. */
    void enter() {
        lock.lock();
        try {
            thread = Thread.currentThread();
        } finally {
            lock.unlock();
        }
    }

    /** The calling thread has ended the chunk: an interrupt sent for it is cleared. */
    void leave() {
        lock.lock();
        try {
            thread = null;
            if (interrupted) {
                Thread.interrupted(); // ours, for this chunk only: the pool's thread goes on
            }
        } finally {
            lock.unlock();
        }
    }

    /** Interrupts the thread if it is still running the chunk. */
    void interrupt() {
        lock.lock();
        try {
            if (thread != null) {
                interrupted = true;
                thread.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }
}
