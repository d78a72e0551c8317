package dev.weft.samples.threads;

import dev.weft.core.TaskScope;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, the comment cell of section c and cell 20: two threads print A, B, C three times
 * each without a lock, so their letters interleave.
 *
 * <pre>{@code
 * A
 * A
 * B
 * B
 * C
 * C
 * ...
 * Fin de Programme !
 * }</pre>
 *
 * <p>Each round is recorded as a span ({@code thread1: ABC 1}, ...) so the timeline shows the two
 * threads' rounds overlapping.
 */
public final class LettersUnlockedSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "threads.letters-unlocked";

    /** Creates the cell. */
    public LettersUnlockedSample() {
        super(ID, "c. Verrouiller le threading: sans verrou, les lettres se mélangent");
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        // par exemple pour ne pas mélanger les impressions de feuille de plusieurs users
        // si c'est "critique" et ici oui, on prend possession du traitement // et on impose un ordre
        // my_lock = threading.RLock()   """ sans verrou ici pour voir """
        try (TaskScope scope = context.scope("letters").open()) {
            for (String name : new String[] {"thread1", "thread2"}) {
                scope.fork(name, () -> {
                    for (int i = 1; i <= Letters.ROUNDS; i++) {
                        context.record(name + ": ABC " + i, () -> Letters.round(context));
                    }
                    return null;
                });
            }
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
        Samples.runCell(new LettersUnlockedSample(), args);
    }
}
