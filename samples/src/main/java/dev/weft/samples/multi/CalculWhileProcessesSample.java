package dev.weft.samples.multi;

import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.parallel.JvmProcess;
import dev.weft.samples.Stopwatch;
import java.util.ArrayList;
import java.util.List;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cells 12, 13 and 14 and the comment cell after them: one child JVM a number —
 * {@code multiprocess.Process} is weft's {@code JvmProcess} — started together, then joined.
 *
 * <pre>{@code
 * Durée de la solution 2 :  1.0220494270324707
 * }</pre>
 *
 * <p>Cells 12 and 14 differ only by {@code if __name__ == '__main__':} (cell 13 shows that
 * {@code __name__} is {@code '__main__'} in a notebook). Python needs the guard because a spawned
 * child re-imports the main module; a child JVM runs weft's worker entry point and never the
 * cell's {@code main}, so Java needs no guard and the two cells are this one.
 *
 * <p>The notebook's conclusion, kept: the durations of both solutions are about the same;
 * {@code Pool} suits many tasks spread over a fixed number of workers, {@code Process} a few
 * tasks; both beat the sequential run when the tasks are long enough to pay for the processes.
 */
public final class CalculWhileProcessesSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "multi.calcul-while-processes";

    /** Creates the cell. */
    public CalculWhileProcessesSample() {
        super(ID, "3e. calcul_while avec un Process par nombre (solution 2)", CalculWhileSequentialSample.ID);
    }

    @Override
    public void run(CellContext context) throws Exception {
        List<Long> nombres = CalculWhile.nombres(context);
        Stopwatch t1 = Stopwatch.start();
        List<Long> resultat = new ArrayList<>();
        try (TaskScope scope = context.scope("processes").open()) {
            List<Task<Long>> processes = new ArrayList<>();
            for (long nb : nombres) {   // On crée et démarre les processus
                processes.add(scope.fork("process: calcul_while(" + nb + ")", () -> {
                    JvmProcess<Long> process = JvmProcess.start(CalculWhile::calculWhile, nb);
                    process.join();
                    return process.result();
                }));
            }
            scope.join();   // On s'assure de la complétion des processus
            for (Task<Long> process : processes) {
                resultat.add(process.await());
            }
        }
        context.print("Durée de la solution 2 : ", t1.seconds());
        context.print("# " + resultat.size() + " processus terminés");
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new CalculWhileProcessesSample(), args);
    }
}
