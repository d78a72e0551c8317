package dev.weft.samples.async;

import dev.weft.async.Async;
import dev.weft.core.Task;
import dev.weft.samples.Stopwatch;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 7 of part D: one task each for {@code name_async()},
 * {@code calculation_async(5)} and {@code calculation_async(3)}, created with
 * {@code ensure_future} and then awaited; the calculations end while the name still sleeps.
 *
 * <pre>{@code
 *
 * Coroutine :
 * 10
 * 17
 * Daniel
 * Durée totale d'exécution: 12.80 secondes
 * }</pre>
 *
 * <p>In asyncio the two calculations, which never await, run one after the other on the single
 * loop; weft's tasks are virtual threads, so on a multi-core machine they also run in parallel.
 */
public final class NameCalculationTasksSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "async.name-calculation-tasks";

    /** Creates the cell. */
    public NameCalculationTasksSample() {
        super(ID, "D(e). name_async et calculation_async avec ensure_future", NameCalculationSequentialSample.ID);
    }

    @Override
    public void run(CellContext context) throws Exception {
        Async.run(() -> {
            context.print("\nCoroutine :");
            Stopwatch start = Stopwatch.start();
            Task<Void> task1 = Async.ensureFuture(() -> {
                context.record("tâche: name_async()", () -> Noms.nameAsync(context));
                return null;
            });
            Task<Void> task2 = Async.ensureFuture(() -> {
                context.record("tâche: calculation_async(5)", () -> Noms.calculation(context, 5));
                return null;
            });
            Task<Void> task3 = Async.ensureFuture(() -> {
                context.record("tâche: calculation_async(3)", () -> Noms.calculation(context, 3));
                return null;
            });
            task1.await();
            task2.await();
            task3.await();
            context.print("Durée totale d'exécution: " + start.formatted() + " secondes");
            return null;
        });
        // On constate que le temps d'exécution est divisé par deux.
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new NameCalculationTasksSample(), args);
    }
}
