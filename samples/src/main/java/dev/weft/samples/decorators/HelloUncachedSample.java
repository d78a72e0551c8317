package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import java.util.concurrent.Callable;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 16: the same {@code print_hello()} without the cache; both calls sleep
 * their 5 seconds (scaled), which shows the cache made the difference.
 *
 * <pre>{@code
 * Cette fonction s'est exécutée en 5.011108160018921 s
 * Cette fonction s'est exécutée en 5.012053489685059 s
 * }</pre>
 */
public final class HelloUncachedSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.hello-uncached";

    /** The label of the span each call of the undecorated function records while it sleeps. */
    public static final String SLEEP = "print_hello: time.sleep(5)";

    /** Creates the cell. */
    public HelloUncachedSample() {
        super(ID, "4e. print_hello sans cache: 5 s deux fois");
    }

    @Override
    public void run(CellContext context) throws Exception {
        NotebookDecorators d = new NotebookDecorators(context);
        Callable<String> printHello = Decorate.callable("print_hello", () -> {
            context.record(SLEEP, () -> context.sleepSeconds(5));   // a span on the timeline: each real call
            return "hello";
        }, d.tempsExecution());
        context.record("a = print_hello()", printHello::call);
        context.record("b = print_hello()", printHello::call);
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new HelloUncachedSample(), args);
    }
}
