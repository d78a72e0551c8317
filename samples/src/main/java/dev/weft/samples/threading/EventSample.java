package dev.weft.samples.threading;

import dev.weft.core.TaskScope;
import dev.weft.samples.Cell;
import dev.weft.samples.CellContext;
import dev.weft.samples.Samples;
import dev.weft.sync.Event;
import java.util.List;
import java.util.ArrayList;

/**
 * Notebook 000, cells 3, 4 and 5 (section 6): a server thread adds an element to a list and
 * signals an {@link Event}; the client thread waits for the event, then takes the element.
 *
 * <pre>{@code
 * Le début de traitement au niveau serveur
 * Element 149 à été ajouté au niveau de la liste par Thread-1
 * Passe la main au thread client
 * Le début de traitement au niveau client
 * Element 149 à été extrait de la liste par Thread-2
 * Passe la main au thread serveur
 * }</pre>
 *
 * <p><b>Fixed from the notebook:</b> there the server set the event <em>before</em> appending and
 * cleared it right after, and the client set the event itself, popped without waiting, and only
 * then waited — the flag synchronised nothing, and the run worked only because the server happened
 * to finish first. Here the server appends, then sets the event ("an element is ready"); the
 * client waits for it, takes the element, and clears it — the pattern the section describes:
 * waiting until something becomes true, without holding any lock.
 */
public final class EventSample implements Cell {
    /** The cell's id. */
    public static final String ID = "threading.event";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "6. Les événements: set, wait et clear";
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        Event e = new Event();
        List<Integer> liste = new ArrayList<>();
        try (TaskScope scope = context.scope("event").open()) {
            scope.fork("Thread-1", () -> {
                String name = Thread.currentThread().getName();
                context.print("Le début de traitement au niveau serveur \n");
                int element = context.randint(0, 256);
                liste.add(element);
                context.print("Element " + element + " à été ajouté au niveau de la liste par " + name + "\n");
                context.print("Passe la main au thread client \n");
                e.set();                                    // the fix: set once the element is there
                return null;
            });
            scope.fork("Thread-2", () -> {
                String name = Thread.currentThread().getName();
                context.print("Le début de traitement au niveau client \n");
                e.await();                                  // the fix: wait before taking
                int element = liste.removeLast();
                context.print("Element " + element + " à été extrait de la liste par " + name + "\n");
                e.clear();
                context.print("Passe la main au thread serveur \n");
                return null;
            });
            scope.join();
        }
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options
     */
    public static void main(String[] args) {
        Samples.runCell(new EventSample(), args);
    }
}
