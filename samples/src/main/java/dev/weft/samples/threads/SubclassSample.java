package dev.weft.samples.threads;

import dev.weft.core.TaskScope;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 19: two {@code MyProcess} threads named {@code thread1} and {@code thread2}
 * print themselves three times each, then "Fin de Programme !".
 *
 * <pre>{@code
 * <MyProcess(thread1, started 31)>
 * <MyProcess(thread2, started 33)>
 * ...
 * Fin de Programme !
 * }</pre>
 */
public final class SubclassSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "threads.subclass";

    /** Creates the cell. */
    public SubclassSample() {
        super(ID, "b. Héritage et surcharge des méthodes: MyProcess");
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        try (TaskScope scope = context.scope("MyProcess").open()) {
            scope.fork("thread1", new MyProcess(context));   // je nomme ici car sinon le thread choisit un nom
            scope.fork("thread2", new MyProcess(context));
            scope.join();
        }
        context.print("Fin de Programme !");
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new SubclassSample(), args);
    }
}
