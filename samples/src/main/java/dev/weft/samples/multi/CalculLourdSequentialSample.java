package dev.weft.samples.multi;

import dev.weft.samples.Stopwatch;
import java.util.List;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cells 1 and 27: {@code calcul_lourd} on {@code range(1000000)},
 * {@code range(5000000)}, {@code range(4000000)} and {@code range(7000000)} (scaled), one after
 * the other.
 *
 * <pre>{@code
 * La complétion du programme en séquentiel prend :  215.24561977386475
 * }</pre>
 */
public final class CalculLourdSequentialSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "multi.calcul-lourd-sequential";

    /** The notebook's ranges. */
    static final List<Integer> SIZES = List.of(1_000_000, 5_000_000, 4_000_000, 7_000_000);

    /** Creates the cell. */
    public CalculLourdSequentialSample() {
        super(ID, "3a. calcul_lourd en séquentiel");
    }

    @Override
    public void run(CellContext context) throws Exception {
        Stopwatch t1 = Stopwatch.start();   // On démarre la mesure du temps
        // On exécute la fonction pour différents arguments à la suite
        for (int n : SIZES) {
            int size = context.size(n);
            context.record("séquentiel: calcul_lourd(range(" + size + "))", () -> CalculLourd.calculLourd(size));
        }
        context.print("La complétion du programme en séquentiel prend : ", t1.seconds());
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new CalculLourdSequentialSample(), args);
    }
}
