package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorators;
import java.util.concurrent.Callable;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cells 14 and 15: {@code print_hello()} sleeps 5 seconds (scaled) and is cached by
 * {@code @lru_cache()}, so the first call takes 5 seconds and the second returns at once.
 *
 * <pre>{@code
 * Cette fonction s'est exécutée en 5.011325836181641 s
 * Cette fonction s'est exécutée en 1.1920928955078125E-6 s
 * }</pre>
 */
public final class LruCacheHelloSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.lru-cache-hello";

    /** The label of the span each call of the undecorated function records while it sleeps. */
    public static final String SLEEP = "print_hello: time.sleep(5)";

    /** Creates the cell. */
    public LruCacheHelloSample() {
        super(ID, "4d. print_hello avec @lru_cache(): 5 s, puis instantané");
    }

    @Override
    public void run(CellContext context) throws Exception {
        NotebookDecorators d = new NotebookDecorators(context);
        Callable<String> printHello = Decorate.callable("print_hello", () -> {
            context.record(SLEEP, () -> context.sleepSeconds(5));   // a span on the timeline: each real call
            return "hello";
        }, d.tempsExecution(), Decorators.lruCache());
        context.record("a = print_hello()", printHello::call);
        context.record("b = print_hello()", printHello::call);   // -> 1.19e-06 s chez DS
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new LruCacheHelloSample(), args);
    }
}
