package dev.weft.samples.threads;

import dev.weft.core.TaskScope;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;
import dev.weft.sync.Guard;
import dev.weft.sync.RLock;

/**
 * Notebook 003, cell 21 and the comment after it: the same two threads, each round of A, B, C
 * inside {@code with my_lock:} — so a round, once started, ends before the other thread's begins.
 *
 * <pre>{@code
 * A
 * B
 * C
 * A
 * B
 * C
 * ...
 * Fin de Programme !
 * }</pre>
 *
 * <p>{@code with my_lock:} is {@code try (Guard g = myLock.hold())}: the lock is released however
 * the block ends. Each round is recorded as a span; on the timeline no two rounds overlap.
 */
public final class LettersLockedSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "threads.letters-locked";

    /** Creates the cell. */
    public LettersLockedSample() {
        super(ID, "c. Verrouiller le threading: avec un RLock, ABC d'un seul tenant");
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        RLock myLock = new RLock();   // on crée un verrou
        try (TaskScope scope = context.scope("letters").open()) {
            for (String name : new String[] {"thread1", "thread2"}) {
                scope.fork(name, () -> {
                    for (int i = 1; i <= Letters.ROUNDS; i++) {
                        lockedRound(context, myLock, name + ": ABC " + i);
                    }
                    return null;
                });
            }
            scope.join();
        }
        context.print("Fin de Programme !");
        // peu importe quel thread démarre en 1er, il se termine avant qu'un autre thread soit lancé
    }

    // "try": the guard is only there to be closed; -Xlint:try warns about a resource the block
    // never names, which is the point of "with my_lock:".
    @SuppressWarnings("try")
    private static void lockedRound(CellContext context, RLock myLock, String span) throws Exception {
        try (Guard g = myLock.hold()) {   // on met notre process critique dans un bloc with my_lock
            context.record(span, () -> Letters.round(context));
        }
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new LettersLockedSample(), args);
    }
}
