package dev.weft.samples;

import java.util.Optional;

/**
 * One code cell of the notebooks, ported to weft: an id, a title and the code that runs it.
 *
 * <pre>{@code
 * Cell cell = new SemaphoreSample();
 * cell.run(CellContext.builder().scale(0.01).build());   // prints what the notebook printed
 * }</pre>
 *
 * <p>A cell prints only through its {@link CellContext} (never {@code System.out} directly), sleeps
 * and sizes its workload through the context's scale, and records what ran when on the context's
 * timeline, so the launcher and the tests can capture, shorten and picture it.
 */
public interface Cell {

    /** {@return the stable id, {@code section.name} (for example {@code threading.semaphore})} */
    String id();

    /** {@return a short title, in the notebook's language} */
    String title();

    /**
     * {@return the id of the cell that runs the same work in sequence, when this cell is its
     * concurrent version} When both run in one launch with {@code --timeline}, the launcher also
     * draws them on one chart ({@code <id>.comparison.svg}), the sequential run first.
     */
    default Optional<String> sequentialCounterpart() {
        return Optional.empty();
    }

    /**
     * Runs the cell.
     *
     * @param context where to print, what to read, how much to scale
     * @throws Exception whatever the ported code throws
     */
    void run(CellContext context) throws Exception;
}
