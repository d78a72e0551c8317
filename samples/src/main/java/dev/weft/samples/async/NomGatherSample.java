package dev.weft.samples.async;

import dev.weft.async.Async;
import dev.weft.samples.Stopwatch;
import java.util.List;
import java.util.concurrent.Callable;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 5 of part D: {@code nom_async(prenom)} awaits {@code asyncio.sleep(10)};
 * {@code gather} runs the three at once, so they take 10 seconds (scaled), not 30.
 *
 * <pre>{@code
 *
 * Coroutine :
 * Daniel
 * Donna
 * Diane
 * Durée totale d'exécution: 10.00 secondes
 * }</pre>
 *
 * <p>{@code Async.gather} runs each task on a virtual thread: {@code Async.sleep} parks only that
 * task, as {@code await asyncio.sleep} suspends only its coroutine. The three names wake at the same
 * moment, so, unlike asyncio's single loop, they may print in any order.
 */
public final class NomGatherSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "async.nom-gather";

    /** Creates the cell. */
    public NomGatherSample() {
        super(ID, "D(d). nom_async avec gather: les attentes se recouvrent", NomSequentialSample.ID);
    }

    @Override
    public void run(CellContext context) throws Exception {
        Async.run(() -> {
            context.print("\nCoroutine :");
            Stopwatch start = Stopwatch.start();
            List<Callable<Void>> coroutines = Noms.PRENOMS.stream()
                    .<Callable<Void>>map(prenom -> () -> {
                        context.record("gather: nom_async(" + prenom + ")", () -> Noms.nomAsync(context, prenom));
                        return null;
                    })
                    .toList();
            Async.gather(coroutines);
            context.print("Durée totale d'exécution: " + start.formatted() + " secondes");
            return null;
        });
        // On constate que le temps d'exécution est divisé par trois.
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new NomGatherSample(), args);
    }
}
