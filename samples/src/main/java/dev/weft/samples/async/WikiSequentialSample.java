package dev.weft.samples.async;

import dev.weft.samples.Stopwatch;
import dev.weft.samples.wiki.Wikipedia;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 8 of part D: {@code wiki(page)} sleeps 6 seconds (scaled) with the blocking
 * {@code time.sleep}, then prints the page's Wikipedia summary; three pages in sequence.
 *
 * <pre>{@code
 * Subroutine :
 *
 *  Dans un programme, une coroutine est une unité de traitement qui ...
 * ...
 * Durée totale d'exécution: 20.11 secondes
 * }</pre>
 *
 * <p>The summaries come over real HTTP from a local server (bundled texts, the notebook's
 * latency scaled), or from fr.wikipedia.org with {@code --online}.
 */
public final class WikiSequentialSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "async.wiki-sequential";

    /** Creates the cell. */
    public WikiSequentialSample() {
        super(ID, "D(f). wiki(page) en séquentiel: attentes bloquantes");
    }

    @Override
    public void run(CellContext context) throws Exception {
        try (Wikipedia wikipedia = Wikipedia.open(context)) {   // wikipedia.set_lang("fr")
            context.print("Subroutine :");
            Stopwatch start = Stopwatch.start();   // On démarre la mesure du temps
            for (String page : Wiki.PAGES) {
                context.record("séquentiel: wiki(" + page + ")", () -> Wiki.wiki(context, wikipedia, page));
            }
            context.print("\nDurée totale d'exécution: " + start.formatted() + " secondes");
        }
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new WikiSequentialSample(), args);
    }
}
