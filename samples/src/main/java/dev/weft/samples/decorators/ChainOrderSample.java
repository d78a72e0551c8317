package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 8 and the code in the markdown of section B.3: {@code print_after_execution}
 * and {@code print_before_execution} stacked in both orders.
 *
 * <pre>{@code
 * voici ce que renvoie la fonction print_hello_world
 * hello world
 * La fonction a fini de tourner
 * }</pre>
 *
 * <p>Cell 8 is a markdown text pasted into a code cell ({@code """ Suite leçon = commentaire = Ne
 * Pas Lancer ! """}, which ends in a {@code SyntaxError}); it became this class's code. The first
 * decorator given to {@code Decorate} is the top {@code @} line. The markdown says the second
 * order prints {@code print_after_execution}: Python's decorators without {@code wraps} lose the
 * inner name. weft keeps it ({@code functools.wraps} is built in), so both orders name
 * {@code print_hello_world}; a before and an after print land in the same places either way.
 */
public final class ChainOrderSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.chain-order";

    /** Creates the cell. */
    public ChainOrderSample() {
        super(ID, "3. Enchaîner les décorateurs: l'ordre des @");
    }

    @Override
    public void run(CellContext context) throws Exception {
        NotebookDecorators d = new NotebookDecorators(context);
        // """ Suite leçon = commentaire = Ne Pas Lancer ! """  (notebook cell 8)
        context.print("# @print_after_execution puis @print_before_execution :");
        Runnable afterThenBefore = Decorate.runnable("print_hello_world", () -> context.print("hello world"),
                d.printAfterExecution(), d.printBeforeExecution());
        afterThenBefore.run();
        context.print("# @print_before_execution puis @print_after_execution :");
        Runnable beforeThenAfter = Decorate.runnable("print_hello_world", () -> context.print("hello world"),
                d.printBeforeExecution(), d.printAfterExecution());
        beforeThenAfter.run();
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new ChainOrderSample(), args);
    }
}
