package dev.weft.samples.async;

import dev.weft.async.Async;
import dev.weft.samples.Stopwatch;
import dev.weft.samples.wiki.Wikipedia;
import java.util.List;
import java.util.concurrent.Callable;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 9 of part D: {@code wiki_async(page)} awaits {@code asyncio.sleep(6)}, then
 * prints the summary; {@code gather} runs the three pages at once.
 *
 * <pre>{@code
 * Coroutine :
 *
 *  Dans un programme, une coroutine est une unité de traitement qui ...
 * ...
 * Durée totale d'exécution: 6.52 secondes
 * }</pre>
 *
 * <p>The notebook's {@code wiki_async} still called the blocking {@code wikipedia.summary}, which
 * stalled asyncio's loop during each request; here every task is a virtual thread, so the HTTP
 * requests overlap too.
 */
public final class WikiGatherSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "async.wiki-gather";

    /** Creates the cell. */
    public WikiGatherSample() {
        super(ID, "D(f). wiki_async avec gather: attentes non bloquantes", WikiSequentialSample.ID);
    }

    @Override
    public void run(CellContext context) throws Exception {
        try (Wikipedia wikipedia = Wikipedia.open(context)) {
            Async.run(() -> {
                context.print("Coroutine :");
                Stopwatch start = Stopwatch.start();   // On démarre la mesure du temps
                List<Callable<Void>> coroutines = Wiki.PAGES.stream()
                        .<Callable<Void>>map(page -> () -> {
                            context.record("gather: wiki_async(" + page + ")",
                                    () -> Wiki.wikiAsync(context, wikipedia, page));
                            return null;
                        })
                        .toList();
                Async.gather(coroutines);
                context.print("\nDurée totale d'exécution: " + start.formatted() + " secondes");
                return null;
            });
        }
        // On constate bien un gain de temps substantiel entre les deux méthodes.
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new WikiGatherSample(), args);
    }
}
