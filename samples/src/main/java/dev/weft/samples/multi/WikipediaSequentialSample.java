package dev.weft.samples.multi;

import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;
import dev.weft.samples.Stopwatch;
import dev.weft.samples.wiki.Wikipedia;

/**
 * Notebook 003, cell 24: the first sentence of three French Wikipedia pages, fetched one after
 * the other.
 *
 * <pre>{@code
 *  Multithreading  :  Un processeur est dit multithread s'il est capable d'exécuter efficacement ...
 *
 *  Threading  :  Hyper-threading (officiellement appelée Hyper-Threading Technology (HTT) ...
 *
 *  Programmation_concurrente  :  La programmation concurrente est un paradigme de programmation ...
 *
 *  Durée:  2.1995627880096436
 * }</pre>
 *
 * <p>The requests are real HTTP: to a local server that answers from bundled summaries with the
 * notebook's latency (scaled), or to fr.wikipedia.org with {@code --online}.
 */
public final class WikipediaSequentialSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "multi.wikipedia-sequential";

    /** Creates the cell. */
    public WikipediaSequentialSample() {
        super(ID, "2b. Les pages Wikipédia en séquentiel");
    }

    @Override
    public void run(CellContext context) throws Exception {
        try (Wikipedia wikipedia = Wikipedia.open(context)) {   // wikipedia.set_lang("fr")
            Stopwatch t1 = Stopwatch.start();
            for (String page : WikipediaFonction.PAGES) {        // Lancement en séquentiel à l'aide d'une boucle
                context.record("séquentiel: " + page, () -> WikipediaFonction.print(context, wikipedia, page));
            }
            context.print(" \n Durée: ", t1.seconds());
        }
    }

    /**
     * Runs this cell alone; add {@code --online} to fetch the real pages.
     *
     * @param args launcher options, such as {@code --scale 0.5 --online}
     */
    public static void main(String[] args) {
        Samples.runCell(new WikipediaSequentialSample(), args);
    }
}
