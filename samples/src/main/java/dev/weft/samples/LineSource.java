package dev.weft.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where a cell's {@code input()} reads its answers from: fixed lines (tests), nothing at all (the
 * default, so that {@code run all} never blocks), or standard input.
 *
 * <pre>{@code
 * LineSource answers = LineSource.of("Donna");
 * answers.readLine();   // Optional[Donna]
 * answers.readLine();   // Optional.empty: the caller falls back to its default
 * }</pre>
 */
public interface LineSource {

    /**
     * Reads the next answer.
     *
     * @return the next line, or empty when there is none to give (the caller uses its default)
     */
    Optional<String> readLine();

    /** {@return a source that never has an answer} */
    static LineSource none() {
        return Optional::empty;
    }

    /**
     * Returns a source that gives {@code lines} in order, then nothing.
     *
     * @param lines the answers
     * @return the source
     */
    static LineSource of(String... lines) {
        Deque<String> queue = new ArrayDeque<>(Arrays.asList(lines));
        ReentrantLock lock = new ReentrantLock();
        return () -> {
            lock.lock();
            try {
                return Optional.ofNullable(queue.pollFirst());
            } finally {
                lock.unlock();
            }
        };
    }

    /**
     * Returns a source reading lines from {@code in}. When {@code block} is false a line is read
     * only if bytes are already waiting (piped input), so that a run never waits on a terminal.
     *
     * @param in the stream, usually {@code System.in}
     * @param block whether to wait for the user to type
     * @return the source
     */
    static LineSource from(InputStream in, boolean block) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        ReentrantLock lock = new ReentrantLock();
        return () -> {
            lock.lock();
            try {
                if (!block && !reader.ready() && in.available() <= 0) {
                    return Optional.empty();
                }
                return Optional.ofNullable(reader.readLine());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lock.unlock();
            }
        };
    }
}
