package dev.weft.samples.multi;

import dev.weft.samples.CellContext;
import dev.weft.samples.wiki.Wikipedia;
import java.io.IOException;
import java.util.List;

/**
 * The notebook's {@code wikipedia_fonction(page)}: fetches a page and prints its first sentence.
 *
 * <pre>{@code
 * WikipediaFonction.print(context, wiki, "Multithreading");
 * //  Multithreading  :  Un processeur est dit multithread s'il est capable ...
 * }</pre>
 */
final class WikipediaFonction {
    /** On définit une liste de titre de pages dont on souhaite obtenir le contenu. */
    static final List<String> PAGES = List.of("Multithreading", "Threading", "Programmation_concurrente");

    private WikipediaFonction() {
    }

    static Void print(CellContext context, Wikipedia wikipedia, String page) throws IOException, InterruptedException {
        String text = wikipedia.content(page);
        context.print("\n", page, " : ", text.split("\\.", 2)[0], "\n");
        return null;
    }
}
