package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 10 and the comment cell after it: a decorator that returns a wrapper of its
 * own, so {@code help(print_hello_world)} describes the wrapper, {@code print_then_execute}, and
 * the doc is gone.
 *
 * <pre>{@code
 * Help on function print_then_execute:
 *
 * print_then_execute()
 * }</pre>
 *
 * <p>weft's {@code Decorate} always keeps the name and doc, so to show the loss the decorator is
 * written by hand, as in the notebook: it returns a new function named {@code print_then_execute}.
 * The comment cell ({@code """ bizarre ce résultat ...}) is answered by the next cell, {@code wraps}.
 */
public final class MetadataLostSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.metadata-lost";

    /** Creates the cell. */
    public MetadataLostSample() {
        super(ID, "4. Envelopper une fonction: les métadonnées perdues");
    }

    @Override
    public void run(CellContext context) throws Exception {
        Runnable printHelloWorld = printBeforeExecutionSansWraps(context, "print_hello_world",
                () -> context.print("hello world"));
        context.out().print(Help.of(printHelloWorld));
        // """ bizarre ce résultat ...  -> the wrapper replaced the function: see decorators.wraps
    }

    /**
     * The notebook's {@code print_before_execution} without {@code @wraps}: it returns a function
     * of its own, {@code print_then_execute}, with no doc.
     */
    private static Runnable printBeforeExecutionSansWraps(CellContext context, String name, Runnable function) {
        return Decorate.runnable("print_then_execute", () -> {
            context.print("voici ce que renvoie la fonction " + name);
            function.run();
        });
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new MetadataLostSample(), args);
    }
}
