package dev.weft.samples.threading;

import dev.weft.core.TaskScope;
import dev.weft.samples.Cell;
import dev.weft.samples.CellContext;
import dev.weft.samples.Samples;
import dev.weft.samples.Stopwatch;
import java.util.Optional;

/**
 * Notebook 000, cells 5 and 7: {@code program} as a thread — four instances started together and
 * joined, so the run lasts as long as the longest sleep instead of their sum.
 *
 * <pre>{@code
 * La valeur est 2
 * La valeur est 3
 * La valeur est 4
 * Ecart en secondes 4.0 s
 * }</pre>
 *
 * <p>{@code tache.start()} and {@code tache.join()} become {@code scope.fork} and
 * {@code scope.join()}; the scope guarantees that no thread outlives the cell.
 */
public final class ProgramThreadSample implements Cell {
    /** The cell's id. */
    public static final String ID = "threading.thread";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "1.1 Le même programme avec des threads (start, join)";
    }

    @Override
    public Optional<String> sequentialCounterpart() {
        return Optional.of(ProgramSequentialSample.ID);
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        Valeur valeur = new Valeur(1);
        Stopwatch debut = Stopwatch.start();
        try (TaskScope scope = context.scope("program").open()) {
            for (int i = 1; i <= 4; i++) {
                scope.fork("tache" + i, new Program(context, valeur));
            }
            scope.join();
        }
        context.print("Ecart en secondes " + debut.formatted() + " s");
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new ProgramThreadSample(), args);
    }
}
