package dev.weft.samples.multi;

import dev.weft.parallel.Pool;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.samples.ProgressBar;
import dev.weft.samples.Stopwatch;
import java.util.List;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 11: {@code Pool(4).map(calcul_while, nombres)} on four child JVMs, with a
 * progress bar.
 *
 * <pre>{@code
 * pool.map(calcul_while) [#####...............] 1/4
 * ...
 * Durée de la solution 1 :  1.1036908626556396
 * }</pre>
 *
 * <p>Here the tasks are short and starting four JVMs costs more than the counting: the pool pays
 * off for long tasks, or when its workers are reused for many of them.
 */
public final class CalculWhilePoolSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "multi.calcul-while-pool";

    /** Creates the cell. */
    public CalculWhilePoolSample() {
        super(ID, "3d. calcul_while avec Pool(4).map (solution 1)", CalculWhileSequentialSample.ID);
    }

    @Override
    public void run(CellContext context) throws Exception {
        Stopwatch t1 = Stopwatch.start();
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(4)
                .stdout(line -> context.print(line)).build();
        ProgressBar bar = context.progressBar("pool.map(calcul_while)");
        List<Long> resultat;
        try (Pool pool = Pool.processes(options)) {   // On crée les processus
            resultat = context.timed("Pool(4).map(calcul_while)",
                    () -> pool.map(CalculWhile::calculWhile, CalculWhile.nombres(context), 1, bar::update));
        }
        context.print("Durée de la solution 1 : ", t1.seconds());
        context.print("# " + resultat.size() + " résultats");
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new CalculWhilePoolSample(), args);
    }
}
