package dev.weft.samples.async;

import dev.weft.async.Async;
import dev.weft.samples.CellContext;
import dev.weft.samples.multi.NameCalcul;
import java.time.Duration;
import java.util.List;

/**
 * The functions and coroutines of part D, cells 4 to 7: {@code nom}/{@code nom_async},
 * {@code name}/{@code name_async} and {@code calculation}.
 *
 * <pre>{@code
 * Noms.nom(context, "Daniel");        // time.sleep(10), then prints Daniel
 * Noms.nomAsync(context, "Daniel");   // await asyncio.sleep(10): Async.sleep parks only this task
 * }</pre>
 */
final class Noms {
    static final List<String> PRENOMS = List.of("Daniel", "Donna", "Diane");

    private Noms() {
    }

    /** {@code nom(prenom)}: the blocking version. */
    static void nom(CellContext context, String prenom) throws InterruptedException {
        String name = prenom;
        context.sleepSeconds(10);   // PROBLEME BLOQUANT DU time.sleep
        context.print(name);
    }

    /** {@code nom_async(prenom)}: {@code await asyncio.sleep(10)}. */
    static void nomAsync(CellContext context, String prenom) throws InterruptedException {
        String name = prenom;
        Async.sleep(context.scaled(Duration.ofSeconds(10)));
        context.print(name);
    }

    /** {@code name()}: the blocking version. */
    static void name(CellContext context) throws InterruptedException {
        String name = "Daniel";
        context.sleepSeconds(10);
        context.print(name);
    }

    /** {@code name_async()}: {@code await asyncio.sleep(10)}. */
    static void nameAsync(CellContext context) throws InterruptedException {
        String name = "Daniel";
        Async.sleep(context.scaled(Duration.ofSeconds(10)));
        context.print(name);
    }

    /** {@code calculation(x)} and {@code calculation_async(x)}: the first two digits of {@code x ** 1000000}. */
    static void calculation(CellContext context, int x) {
        int y = NameCalcul.firstTwoDigits(x, context.size(NameCalcul.EXPONENT));
        context.print(y);
    }
}
