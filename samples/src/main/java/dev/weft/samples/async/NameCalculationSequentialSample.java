package dev.weft.samples.async;

import dev.weft.samples.Stopwatch;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 6 of part D: {@code name()} sleeps 10 seconds (scaled) and prints Daniel;
 * {@code calculation(5)} and {@code calculation(3)} print the first two digits of {@code x ** 1000000}
 * (scaled); all in sequence.
 *
 * <pre>{@code
 * Subroutine :
 * Daniel
 * 10
 * 17
 * Durée totale d'exécution: 23.84 secondes
 * }</pre>
 */
public final class NameCalculationSequentialSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "async.name-calculation-sequential";

    /** Creates the cell. */
    public NameCalculationSequentialSample() {
        super(ID, "D(e). name() et calculation(x) en séquentiel");
    }

    @Override
    public void run(CellContext context) throws Exception {
        context.print("Subroutine :");
        Stopwatch start = Stopwatch.start();
        context.record("séquentiel: name()", () -> Noms.name(context));
        context.record("séquentiel: calculation(5)", () -> Noms.calculation(context, 5));
        context.record("séquentiel: calculation(3)", () -> Noms.calculation(context, 3));
        context.print("Durée totale d'exécution: " + start.formatted() + " secondes");
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new NameCalculationSequentialSample(), args);
    }
}
