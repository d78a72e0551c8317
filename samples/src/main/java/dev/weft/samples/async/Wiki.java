package dev.weft.samples.async;

import dev.weft.async.Async;
import dev.weft.samples.CellContext;
import dev.weft.samples.wiki.Wikipedia;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * {@code wiki(page)} and {@code wiki_async(page)} of part D, cells 8 and 9: wait 6 seconds
 * (scaled), then print the page's summary.
 *
 * <pre>{@code
 * Wiki.wikiAsync(context, wikipedia, "Coroutine");
 * }</pre>
 */
final class Wiki {
    static final List<String> PAGES = List.of("Coroutine", "Threading", "Programmation_concurrente");

    private Wiki() {
    }

    /** {@code wiki(page)}: {@code time.sleep(6)}, blocking. */
    static void wiki(CellContext context, Wikipedia wikipedia, String page) throws IOException, InterruptedException {
        context.sleepSeconds(6);
        context.print("\n", wikipedia.summary(page));
    }

    /** {@code wiki_async(page)}: {@code await asyncio.sleep(6)}. */
    static void wikiAsync(CellContext context, Wikipedia wikipedia, String page)
            throws IOException, InterruptedException {
        Async.sleep(context.scaled(Duration.ofSeconds(6)));
        context.print("\n", wikipedia.summary(page));
    }
}
