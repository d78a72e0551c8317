package dev.weft.samples.threading;

import dev.weft.core.TaskScope;
import dev.weft.samples.Cell;
import dev.weft.samples.CellContext;
import dev.weft.samples.Samples;
import dev.weft.sync.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * Notebook 000, cells 9, 10 and the next one (section 4): a server thread appends numbers to a
 * list and signals a {@link Condition}; a client thread takes them out.
 *
 * <pre>{@code
 * Element 149 à été ajouté au niveau de la liste par Thread-1
 * ...
 * Element 149 à été extrait de la liste par Thread-2
 * }</pre>
 *
 * <p><b>Fixed from the notebook:</b> the client popped the list without waiting, so it failed at
 * once on an empty list ({@code IndexError}), and both threads looped forever. Here the client
 * waits on the condition until the list is not empty ({@code wait_for}, weft's
 * {@link Condition#awaitUntil}), and each thread makes {@value #ELEMENTS} rounds, so the cell ends.
 */
public final class ConditionSample implements Cell {
    /** The cell's id. */
    public static final String ID = "threading.condition";
    /** How many elements go through the list (the notebook's {@code while True}, bounded). */
    public static final int ELEMENTS = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "4. Les conditions: serveur et client autour d'une liste";
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        Condition condition = new Condition();
        List<Integer> liste = new ArrayList<>();
        try (TaskScope scope = context.scope("condition").open()) {
            scope.fork("Thread-1", () -> serveur(context, liste, condition));
            scope.fork("Thread-2", () -> client(context, liste, condition));
            scope.join();
        }
    }

    private static Void serveur(CellContext context, List<Integer> liste, Condition condition)
            throws InterruptedException {
        String name = Thread.currentThread().getName();
        for (int round = 0; round < ELEMENTS; round++) {
            context.print("Le début de traitement au niveau serveur \n");
            int element = context.randint(0, 256);
            context.print("Entrée dans la zonne critique de thread serveur " + name + " \n");
            condition.acquire();
            try {
                liste.add(element);
                context.print("Element " + element + " à été ajouté au niveau de la liste par " + name + "\n");
                condition.signal();
            } finally {
                condition.release();
            }
            context.print("Sortie de la zonne critique de thread serveur " + name + " \n");
            context.print("Passe la main au thread client \n");
        }
        return null;
    }

    private static Void client(CellContext context, List<Integer> liste, Condition condition)
            throws InterruptedException {
        String name = Thread.currentThread().getName();
        for (int round = 0; round < ELEMENTS; round++) {
            context.print("Le début de traitement au niveau client \n");
            context.print("Entrée dans la zonne critique de thread client " + name + " \n");
            condition.acquire();
            try {
                condition.awaitUntil(() -> !liste.isEmpty());   // the fix: wait for an element
                int element = liste.removeLast();
                context.print("Element " + element + " à été extrait de la liste par " + name + "\n");
            } finally {
                condition.release();
            }
            context.print("Sortie de la zonne critique de thread client " + name + " \n");
            context.print("Passe la main au thread serveur \n");
        }
        return null;
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options
     */
    public static void main(String[] args) {
        Samples.runCell(new ConditionSample(), args);
    }
}
