package dev.weft.samples;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Cell} whose id and title are fixed when it is made: the base of most samples.
 *
 * <pre>{@code
 * public final class HelloSample extends NotebookCell {
 *     public HelloSample() {
 *         super("decorators.hello", "Bonjour");
 *     }
 *
 *     public void run(CellContext context) {
 *         context.print("hello world");
 *     }
 * }
 * }</pre>
 */
public abstract class NotebookCell implements Cell {
    private final String id;
    private final String title;
    private final String sequentialCounterpart;

    /**
     * Names the cell.
     *
     * @param id the id, {@code section.name}
     * @param title the title
     */
    protected NotebookCell(String id, String title) {
        this(id, title, null);
    }

    /**
     * Names a cell that is the concurrent version of another.
     *
     * @param id the id, {@code section.name}
     * @param title the title
     * @param sequentialCounterpart the id of the cell that runs the same work in sequence, or null
     */
    protected NotebookCell(String id, String title, String sequentialCounterpart) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.sequentialCounterpart = sequentialCounterpart;
    }

    @Override
    public final Optional<String> sequentialCounterpart() {
        return Optional.ofNullable(sequentialCounterpart);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public String toString() {
        return id;
    }
}
