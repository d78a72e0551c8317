package dev.weft.samples.multi;

import dev.weft.core.TaskScope;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;
import dev.weft.samples.Stopwatch;
import dev.weft.samples.wiki.Wikipedia;

/**
 * Notebook 003, cell 25: the same three pages, one thread a page; the waits overlap, and the pages
 * print in the order their answers arrive.
 *
 * <pre>{@code
 *  Threading  :  Hyper-threading (officiellement appelée Hyper-Threading Technology (HTT) ...
 *
 *  Programmation_concurrente  :  La programmation concurrente est un paradigme de programmation ...
 *
 *  Multithreading  :  Un processeur est dit multithread s'il est capable d'exécuter efficacement ...
 *
 *  Durée: 0.5000267028808594
 * }</pre>
 */
public final class WikipediaThreadsSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "multi.wikipedia-threads";

    /** Creates the cell. */
    public WikipediaThreadsSample() {
        super(ID, "2c. Les pages Wikipédia avec un thread par page", WikipediaSequentialSample.ID);
    }

    @Override
    public void run(CellContext context) throws Exception {
        try (Wikipedia wikipedia = Wikipedia.open(context)) {
            Stopwatch t1 = Stopwatch.start();
            // On crée un thread par page, on les démarre, puis on s'assure de leur complétion
            try (TaskScope scope = context.scope("wikipedia").open()) {
                for (String page : WikipediaFonction.PAGES) {
                    scope.fork("thread: " + page, () -> WikipediaFonction.print(context, wikipedia, page));
                }
                scope.join();
            }
            context.print("\n Durée:", t1.seconds());
            // Le temps d'exécution est fortement réduit !
            // L'affichage des pages n'est pas dans le même ordre que décrit au sein de la liste pages
            // On ne contrôle pas l'ordre de complétion des threads
        }
    }

    /**
     * Runs this cell alone; add {@code --online} to fetch the real pages.
     *
     * @param args launcher options, such as {@code --scale 0.5 --online}
     */
    public static void main(String[] args) {
        Samples.runCell(new WikipediaThreadsSample(), args);
    }
}
