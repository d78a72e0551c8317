package dev.weft.samples.multi;

import dev.weft.samples.Stopwatch;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cells 4 and 5: {@code calcul_while} on 5, 3, 6 and 10 million (scaled), one after
 * the other.
 *
 * <pre>{@code
 * Durée en séquentiel :  1.6508398056030273
 * }</pre>
 *
 * <p>Compiled Java counts down some fifty times faster than CPython: at scale 1 the whole cell
 * takes a few tens of milliseconds, where the notebook took 1.65 s.
 */
public final class CalculWhileSequentialSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "multi.calcul-while-sequential";

    /** Creates the cell. */
    public CalculWhileSequentialSample() {
        super(ID, "3c. calcul_while en séquentiel");
    }

    @Override
    public void run(CellContext context) throws Exception {
        Stopwatch t1 = Stopwatch.start();
        for (long nb : CalculWhile.nombres(context)) {   // On exécute en séquentiel
            context.record("séquentiel: calcul_while(" + nb + ")", () -> CalculWhile.calculWhile(nb));
        }
        context.print("Durée en séquentiel : ", t1.seconds());
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new CalculWhileSequentialSample(), args);
    }
}
