package dev.weft.samples.threading;

import dev.weft.samples.CellContext;
import java.util.concurrent.Callable;

/**
 * The {@code program} class of notebook 000, section 1.1: {@code process()} sleeps 1 to 4 seconds
 * (scaled), then adds one to the shared value while it is below 4 and prints it.
 *
 * <pre>{@code
 * Program tache = new Program(context, new Valeur(1));
 * tache.process();   // "La valeur est 2"
 * }</pre>
 *
 * <p>In the notebook's second version {@code program} extends {@code Thread}; here the same object
 * is a {@link Callable} that a {@code TaskScope} forks, which is how weft runs a thread's body.
 */
final class Program implements Callable<Void> {
    private final CellContext context;
    private final Valeur valeur;

    Program(CellContext context, Valeur valeur) {
        this.context = context;
        this.valeur = valeur;
    }

    void process() throws InterruptedException {
        context.sleepSeconds(context.randint(1, 4));
        int now = valeur.incrementIfBelow(4);
        if (now > 0) {
            context.print("La valeur est " + now);
        }
    }

    /** The thread version's {@code run()}: the same work. */
    @Override
    public Void call() throws InterruptedException {
        process();
        return null;
    }
}
