package dev.weft.samples.async;

import dev.weft.async.Async;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cells 1, 2 and 3 of part D: calling the coroutine {@code exemple()} only returns
 * a coroutine object; {@code await exemple()} runs it.
 *
 * <pre>{@code
 * <coroutine object exemple at 0x18e8cc13>
 * Nous essayons les coroutines.
 * }</pre>
 *
 * <p>{@code await} at the top of a notebook cell runs in Jupyter's event loop; in Java
 * {@code Async.run} is that loop.
 */
public final class CoroutineSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "async.coroutine";

    /** Creates the cell. */
    public CoroutineSample() {
        super(ID, "D. Une coroutine ne s'exécute que lorsqu'on l'attend");
    }

    @Override
    public void run(CellContext context) throws Exception {
        // On crée notre première coroutine
        Coroutine<Void> exemple = new Coroutine<>("exemple", () -> {
            context.print("Nous essayons les coroutines.");
            return null;
        });
        // On appelle la coroutine de la même façon qu'une fonction standard: rien ne s'exécute
        context.print(exemple);
        // On appelle la coroutine: await exemple()
        Async.run(exemple);
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new CoroutineSample(), args);
    }
}
