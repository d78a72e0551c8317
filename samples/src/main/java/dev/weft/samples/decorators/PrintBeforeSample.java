package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, the code in the markdown of section B.1: {@code print_before_execution}, a
 * decorator that names the function before running it.
 *
 * <pre>{@code
 * voici ce que renvoie la fonction print_hello_world
 * hello world
 * }</pre>
 *
 * <p>{@code @print_before_execution} above {@code def print_hello_world()} becomes
 * {@code Decorate.runnable("print_hello_world", body, printBeforeExecution())}: Java lambdas have
 * no name, so the name is given.
 */
public final class PrintBeforeSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.print-before";

    /** Creates the cell. */
    public PrintBeforeSample() {
        super(ID, "1. Un décorateur: print_before_execution");
    }

    @Override
    public void run(CellContext context) throws Exception {
        NotebookDecorators d = new NotebookDecorators(context);
        Runnable printHelloWorld = Decorate.runnable("print_hello_world", () -> context.print("hello world"),
                d.printBeforeExecution());
        printHelloWorld.run();
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new PrintBeforeSample(), args);
    }
}
