package dev.weft.samples.decorators;

import dev.weft.decorators.Decorator;
import dev.weft.decorators.Decorators;
import dev.weft.samples.CellContext;
import java.time.Duration;

/**
 * The decorators that notebook 003 writes by hand, each built on weft and printing through a
 * cell's context.
 *
 * <pre>{@code
 * NotebookDecorators d = new NotebookDecorators(context);
 * Runnable hello = Decorate.runnable("print_hello_world", () -> context.print("hello world"),
 *         d.printBeforeExecution());
 * hello.run();   // voici ce que renvoie la fonction print_hello_world / hello world
 * }</pre>
 *
 * <p>Most are weft's stock decorators with the notebook's French text; {@link #entreeContient}
 * is written out as a {@link Decorator} lambda, because the notebook's version returns its message
 * where weft's {@code requireArg} throws.
 */
public final class NotebookDecorators {
    /** The doc of the notebook's {@code importer_csv}. */
    public static final String IMPORTER_CSV_DOC =
            "Fonction qui permet d'importer un fichier csv dans un DataFrame pandas.";

    private final CellContext context;

    /**
     * Creates the decorators of one cell.
     *
     * @param context where they print
     */
    public NotebookDecorators(CellContext context) {
        this.context = context;
    }

    /** {@return {@code print_before_execution}: names the function before it runs} */
    public Decorator printBeforeExecution() {
        return decorateurParametre("voici ce que renvoie la fonction {}");
    }

    /** {@return {@code print_after_execution}: says when the function has run} */
    public Decorator printAfterExecution() {
        return Decorators.printAfter("La fonction a fini de tourner", context::print);
    }

    /**
     * {@code decorateur_parametre(description)}: a decorator made by a function of a parameter;
     * {@code {}} in the description is the function's name.
     *
     * @param description the line printed before each call
     * @return the decorator
     */
    public Decorator decorateurParametre(String description) {
        return Decorators.printBefore(description, context::print);
    }

    /** {@return {@code affiche_doc}: prints the function's doc before it runs} */
    public Decorator afficheDoc() {
        return Decorators.showDoc(context::print);
    }

    /** {@return {@code temps_execution}: prints how long the function ran} */
    public Decorator tempsExecution() {
        return Decorators.timed((name, took) -> context.print(
                "Cette fonction s'est exécutée en " + seconds(took) + " s"));
    }

    /**
     * {@code entree_contient(a_contenir)}: runs the function only if its first argument contains
     * {@code aContenir}; otherwise returns a message instead of calling it.
     *
     * @param aContenir what the first argument must contain
     * @return the decorator
     */
    public static Decorator entreeContient(String aContenir) {
        return call -> String.valueOf(call.args().getFirst()).contains(aContenir)
                ? call.proceed()
                : "la première entrée doit contenir " + aContenir;
    }

    /**
     * Seconds as Python's {@code time.time()} differences print them.
     *
     * @param duration a duration
     * @return its seconds, such as {@code 5.011325836} or {@code 0.0}
     */
    static String seconds(Duration duration) {
        return Double.toString(duration.toNanos() / 1e9);
    }
}
