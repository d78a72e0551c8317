package dev.weft.samples;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A text progress bar for a {@code Pool.map}: one line each time the count of finished inputs
 * grows, such as {@code calcul_lourd [##########..........] 2/4}.
 *
 * <pre>{@code
 * ProgressBar bar = context.progressBar("calcul_while");
 * pool.map(fn, inputs, bar::update);   // the pool calls update(done, total)
 * }</pre>
 *
 * <p>Safe to call from any thread: updates that arrive late (a smaller {@code done}) are dropped,
 * so the printed counts only grow.
 */
public final class ProgressBar {
    /** Width of the bar in characters. */
    public static final int WIDTH = 20;

    private final PrintStream out;
    private final String label;
    private final ReentrantLock lock = new ReentrantLock();
    private long shown = -1;

    /**
     * Creates a bar that prints to {@code out}.
     *
     * @param out where the bar's lines go
     * @param label what is being counted
     */
    public ProgressBar(PrintStream out, String label) {
        this.out = Objects.requireNonNull(out, "out");
        this.label = Objects.requireNonNull(label, "label");
    }

    /**
     * Shows that {@code done} of {@code total} inputs are finished.
     *
     * @param done how many are finished
     * @param total how many there are
     * @throws IllegalArgumentException if {@code done} is negative or above {@code total}
     */
    public void update(long done, long total) {
        if (done < 0 || total < 0 || done > total) {
            throw new IllegalArgumentException("progress " + done + "/" + total);
        }
        lock.lock();
        try {
            if (done <= shown) {
                return;
            }
            shown = done;
            out.println(render(label, done, total));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Renders one line of the bar.
     *
     * @param label what is being counted
     * @param done how many are finished
     * @param total how many there are
     * @return the line, without a line break
     */
    static String render(String label, long done, long total) {
        int filled = total == 0 ? WIDTH : (int) (done * WIDTH / total);
        return label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total;
    }
}
