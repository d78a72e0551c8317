package dev.weft.samples.multi;

import dev.weft.core.TaskScope;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;
import dev.weft.samples.Stopwatch;

/**
 * Notebook 003, cell 23: {@code name()} and {@code calcul(5)} run in sequence, then in two threads
 * — the calculation runs while {@code name()} waits, so the threaded run takes about the wait alone.
 *
 * <pre>{@code
 * Ecrivez le prénom Donna:  Donna
 * Daniel & Donna
 * 10
 *
 * La complétion du programme en séquentiel prend :  20.703807592391968
 * 10
 * Ecrivez le prénom Donna:  Donna
 * Daniel & Donna
 *
 * La complétion du programme divisé en threads prend :  12.22118592262268
 * }</pre>
 *
 * <p>{@code name()} reads its answer from the context's input; when none is given it answers
 * "Donna", so a run never blocks ({@code --ask} makes it wait for the keyboard).
 */
public final class NameCalculSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "multi.name-calcul";

    /** Creates the cell. */
    public NameCalculSample() {
        super(ID, "2a. name() et calcul(5): en séquentiel puis en threads");
    }

    @Override
    public void run(CellContext context) throws Exception {
        // Exécution en séquentiel
        Stopwatch t1 = Stopwatch.start();
        context.record("séquentiel: name()", () -> NameCalcul.name(context));
        context.record("séquentiel: calcul(5)", () -> NameCalcul.calcul(context, 5));
        context.print("\nLa complétion du programme en séquentiel prend : ", t1.seconds(), "\n");

        // Exécution en threads
        t1 = Stopwatch.start();
        try (TaskScope scope = context.scope("threads").open()) {
            scope.fork("threads: name()", () -> {                 // Premier thread avec la fonction name
                NameCalcul.name(context);
                return null;
            });
            scope.fork("threads: calcul(5)", () -> {              // Deuxième thread avec la fonction calcul
                NameCalcul.calcul(context, 5);
                return null;
            });
            scope.join();                                         // On s'assure de la complétion des threads
        }
        context.print("\nLa complétion du programme divisé en threads prend : ", t1.seconds());
    }

    /**
     * Runs this cell alone; add {@code --ask} to type the name yourself.
     *
     * @param args launcher options, such as {@code --scale 0.1 --ask}
     */
    public static void main(String[] args) {
        Samples.runCell(new NameCalculSample(), args);
    }
}
