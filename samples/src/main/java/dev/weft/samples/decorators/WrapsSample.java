package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 18: with {@code @wraps(function)}, {@code help(print_hello_world)} shows the
 * decorated function's own name and doc again.
 *
 * <pre>{@code
 * Help on function print_hello_world:
 *
 * print_hello_world()
 *     Description de ma fonction blablabla
 * }</pre>
 *
 * <p>weft's {@code Decorate} does what {@code wraps} does for every decorator it applies: the
 * decorated function keeps its name (its {@code toString()}) and its doc, read through
 * {@code dev.weft.decorators.Decorated}.
 */
public final class WrapsSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.wraps";

    /** Creates the cell. */
    public WrapsSample() {
        super(ID, "4. La fonction wraps garde le nom et la doc");
    }

    @Override
    public void run(CellContext context) throws Exception {
        NotebookDecorators d = new NotebookDecorators(context);
        Runnable printHelloWorld = Decorate.runnable("print_hello_world", "Description de ma fonction blablabla",
                () -> context.print("hello world"), d.printBeforeExecution());
        context.out().print(Help.of(printHelloWorld));
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new WrapsSample(), args);
    }
}
