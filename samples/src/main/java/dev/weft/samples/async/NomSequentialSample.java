package dev.weft.samples.async;

import dev.weft.samples.Stopwatch;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 4 of part D: {@code nom(prenom)} sleeps 10 seconds (scaled) with the blocking
 * {@code time.sleep}, then prints the name; three calls take 30 seconds.
 *
 * <pre>{@code
 * Subroutine :
 * Daniel
 * Donna
 * Diane
 * Durée totale d'exécution: 30.02 secondes
 * }</pre>
 */
public final class NomSequentialSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "async.nom-sequential";

    /** Creates the cell. */
    public NomSequentialSample() {
        super(ID, "D(d). nom(prenom) en séquentiel: trois attentes bloquantes");
    }

    @Override
    public void run(CellContext context) throws Exception {
        context.print("Subroutine :");
        Stopwatch start = Stopwatch.start();
        for (String prenom : Noms.PRENOMS) {
            context.record("séquentiel: nom(" + prenom + ")", () -> Noms.nom(context, prenom));
        }
        context.print("Durée totale d'exécution: " + start.formatted() + " secondes");
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new NomSequentialSample(), args);
    }
}
