package dev.weft.samples.threading;

import dev.weft.async.Async;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;
import dev.weft.samples.Stopwatch;
import dev.weft.sync.Guard;
import dev.weft.sync.Lock;
import java.util.List;

/**
 * Notebook 000, cell 33 (section 7.1): {@code main()} gathers four {@code incremente(valeur)}
 * coroutines, each adding one to the shared list and printing it.
 *
 * <pre>{@code
 * [1]
 * [2]
 * [3]
 * [4]
 * Ecart en segondes 0.0021 s
 * }</pre>
 *
 * <p>asyncio runs one coroutine at a time, so {@code valeur[0] += 1; print(valeur)} could not be
 * interrupted. weft's tasks are virtual threads that may run in parallel, so the increment and
 * its print are made under a {@link Lock}: the values still print 1, 2, 3, 4 in order. The cell's
 * {@code %%writefile c:\temp\asynciotest.py} only saved the script; this class is that script.
 */
public final class GatherCounterSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "coroutines.gather-counter";

    /** Creates the cell. */
    public GatherCounterSample() {
        super(ID, "7.1 La coroutine en pratique: asyncio.gather(incremente(valeur) ×4)");
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        int[] valeur = {0};
        Lock lock = new Lock();
        Stopwatch debut = Stopwatch.start();
        Async.run(() -> Async.gather(List.of(
                () -> incremente(context, valeur, lock),
                () -> incremente(context, valeur, lock),
                () -> incremente(context, valeur, lock),
                () -> incremente(context, valeur, lock))));
        context.print("Ecart en segondes " + debut.seconds() + " s");
    }

    // "try": the guard is only there to be closed (Python's "with lock:").
    @SuppressWarnings("try")
    private static Void incremente(CellContext context, int[] valeur, Lock lock) throws InterruptedException {
        try (Guard g = lock.hold()) {
            valeur[0] += 1;
            context.print("[" + valeur[0] + "]");
        }
        return null;
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options
     */
    public static void main(String[] args) {
        Samples.runCell(new GatherCounterSample(), args);
    }
}
