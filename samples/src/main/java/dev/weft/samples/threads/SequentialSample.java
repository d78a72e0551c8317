package dev.weft.samples.threads;

import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 17 and the comment after it: {@code process_one()} then {@code process_two()},
 * a sequential (synchronous) program.
 *
 * <pre>{@code
 * oooooooooooo
 * oooooooooooo
 * oooooooooooo
 * xxxxxxxxxxxx
 * xxxxxxxxxxxx
 * xxxxxxxxxxxx
 * }</pre>
 */
public final class SequentialSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "threads.sequential";

    /** Creates the cell. */
    public SequentialSample() {
        super(ID, "a. 1 - programme séquentiel (programmation synchrone)");
    }

    @Override
    public void run(CellContext context) throws Exception {
        context.record("séquentiel: process_one", () -> Processes.processOne(context));
        context.record("séquentiel: process_two", () -> Processes.processTwo(context));
        // on voit que process_one tourne en 1er, puis quand il est fini, le process_two est lancé
        // => en raison de la procédure séquentielle
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new SequentialSample(), args);
    }
}
