package dev.weft.parallel.internal;

import dev.weft.core.internal.LazyLogger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Reads a child's standard error line by line on its own thread: passes each line on, and keeps
 * the last few to explain the child's death.
 */
final class StderrTail implements Runnable {
    private static final LazyLogger log = LazyLogger.of(StderrTail.class);
    static final int KEPT_LINES = 20;

    private final InputStream stderr;
    private final Consumer<String> sink;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<String> last = new ArrayDeque<>(KEPT_LINES);

    StderrTail(InputStream stderr, Consumer<String> sink) {
        this.stderr = stderr;
        this.sink = sink;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                keep(line);
                try {
                    sink.accept(line);
                } catch (RuntimeException e) {
                    log.warn("The stderr sink of a child JVM threw; line dropped", e);
                }
            }
        } catch (IOException e) {
            log.debug("Reading a child's stderr ended", e);
        }
    }

    private void keep(String line) {
        lock.lock();
        try {
            if (last.size() == KEPT_LINES) {
                last.removeFirst();
            }
            last.addLast(line);
        } finally {
            lock.unlock();
        }
    }

    /** {@return the last lines read, oldest first} */
    List<String> lines() {
        lock.lock();
        try {
            return List.copyOf(last);
        } finally {
            lock.unlock();
        }
    }
}
