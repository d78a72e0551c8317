package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, the code in the markdown of section B.2: {@code decorateur_parametre(description)},
 * a function that returns a decorator.
 *
 * <pre>{@code
 * voici ce que renvoie la fonction print_hello_world
 * hello world
 * }</pre>
 */
public final class DecorateurParametreSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.decorateur-parametre";

    /** Creates the cell. */
    public DecorateurParametreSample() {
        super(ID, "2. Paramétrer un décorateur: decorateur_parametre");
    }

    @Override
    public void run(CellContext context) throws Exception {
        NotebookDecorators d = new NotebookDecorators(context);
        Runnable printHelloWorld = Decorate.runnable("print_hello_world", () -> context.print("hello world"),
                d.decorateurParametre("voici ce que renvoie la fonction {}"));
        printHelloWorld.run();
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new DecorateurParametreSample(), args);
    }
}
