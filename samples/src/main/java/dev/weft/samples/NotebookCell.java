package dev.weft.samples;

import java.util.Objects;

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

    /**
     * Names the cell.
     *
     * @param id the id, {@code section.name}
     * @param title the title
     */
    protected NotebookCell(String id, String title) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
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
