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
 * Notebook 003, the comment cell about {@code multiprocess} and cell 3: {@code Pool(4).map} of
 * {@code calcul_lourd} over {@code range(1000)}, {@code range(5000)}, {@code range(4000)} and
 * {@code range(7000)} (scaled), on four child JVMs, with a progress bar.
 *
 * <pre>{@code
 * pool.map(calcul_lourd) [#####...............] 1/4
 * ...
 * La complétion du programme en parallèle prend :  0.5484359264373779
 * }</pre>
 *
 * <p>Beware the notebook's comparison: its pool cell maps ranges a thousand times shorter than
 * the sequential cell's ({@code range(1000)} against {@code range(1000000)}), which is most of
 * why it was 400 times faster. The port keeps the notebook's sizes and says so.
 *
 * <p>The notebook's comment cell explains why it used {@code multiprocess} instead of
 * {@code multiprocessing} (functions defined in a notebook cannot be pickled) and imported numpy
 * inside the function. In Java the function is a static method, its reference is serializable,
 * and the child JVM loads its class from the same class path: neither work-around is needed.
 */
public final class CalculLourdPoolSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "multi.calcul-lourd-pool";

    /** The notebook's ranges for the pool: a thousand times shorter than the sequential cell's. */
    static final List<Integer> SIZES = List.of(1_000, 5_000, 4_000, 7_000);

    /** Creates the cell. */
    public CalculLourdPoolSample() {
        super(ID, "3b. calcul_lourd avec Pool(4).map", CalculLourdSequentialSample.ID);
    }

    @Override
    public void run(CellContext context) throws Exception {
        Stopwatch t1 = Stopwatch.start();   // On démarre la mesure du temps
        ProcessPoolOptions options = ProcessPoolOptions.builder().workers(4)
                .stdout(line -> context.print(line)).build();
        List<Integer> ranges = SIZES.stream().map(context::size).toList();
        ProgressBar bar = context.progressBar("pool.map(calcul_lourd)");
        List<double[]> resultat;
        try (Pool pool = Pool.processes(options)) {   // On crée les processus
            // On répartit l'exécution entre les coeurs
            resultat = context.timed("Pool(4).map(calcul_lourd)",
                    () -> pool.map(CalculLourd::calculLourd, ranges, 1, bar::update));
        }
        context.print("\nLa complétion du programme en parallèle prend : ", t1.seconds());
        context.print("# " + resultat.size() + " résultats, de longueurs "
                + resultat.stream().map(r -> String.valueOf(r.length)).toList());
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new CalculLourdPoolSample(), args);
    }
}
