package dev.weft.samples.threads;

import dev.weft.core.TaskScope;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 18 and the comment after it: the same two processes as threads — instantiate,
 * start, join — so their marks alternate, and "Fin de Programme !" comes after both.
 *
 * <pre>{@code
 * oooooooooooo
 * xxxxxxxxxxxx
 * oooooooooooo
 * xxxxxxxxxxxx
 * oooooooooooo
 * xxxxxxxxxxxx
 * Fin de Programme !
 * }</pre>
 *
 * <p>{@code Thread(target=process_one)} and {@code start()} become {@code scope.fork}; the two
 * {@code join()} calls become one {@code scope.join()}. The notebook's next comment warns that with
 * equal sleeps the prints may run together on one line ({@code ooooooooooooxxxxxxxxxxxx}): a
 * Python {@code print} writes the text and the line break separately. {@code CellContext.print}
 * writes a line in one call, so lines never mix; only their order varies.
 */
public final class ThreadSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "threads.thread";

    /** Creates the cell. */
    public ThreadSample() {
        super(ID, "a. 2 - programme en threading (instancier, démarrer, joindre)", SequentialSample.ID);
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        try (TaskScope scope = context.scope("threads").open()) {
            scope.fork("th1: process_one", () -> Processes.processOne(context));   // on instancie et démarre
            scope.fork("th2: process_two", () -> Processes.processTwo(context));
            scope.join();   // le join() permet que les threads s'attendent avant de poursuivre
        }
        context.print("Fin de Programme !");   // séquentiel ici: s'affiche après l'exécution des threads
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new ThreadSample(), args);
    }
}
