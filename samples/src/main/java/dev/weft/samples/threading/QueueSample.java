package dev.weft.samples.threading;

import dev.weft.core.TaskScope;
import dev.weft.samples.Cell;
import dev.weft.samples.CellContext;
import dev.weft.samples.Samples;
import dev.weft.sync.JoinableQueue;
import dev.weft.sync.QueueShutDownException;

/**
 * Notebook 000, section 5 (three cells): a server thread puts numbers in a queue and waits with
 * {@code join()} until the client has marked each one {@code task_done()}, so the two threads take
 * turns: added, taken, added, taken...
 *
 * <pre>{@code
 * Début de traitement au niveau serveur
 * element 42 ajouté à la liste par Thread-1
 * Passe la main au thread client
 * Début de traitement au niveau client
 * element 42 extrait de la liste par Thread-2
 * Passe la main au thread serveur
 * }</pre>
 *
 * <p><b>Fixed from the notebook:</b> both workers were {@code while True} loops that never ended
 * (and used the global {@code q} instead of their own queue), and the client's own
 * {@code q.join()} could deadlock it against the next element. Here the server puts
 * {@value #ELEMENTS} elements and then shuts the queue down ({@code Queue.shutdown()} of Python
 * 3.13, weft's {@link JoinableQueue#shutdown()}); the client's next {@code get()} throws
 * {@link QueueShutDownException} and it stops.
 */
public final class QueueSample implements Cell {
    /** The cell's id. */
    public static final String ID = "threading.queue";
    /** How many elements the server puts. */
    public static final int ELEMENTS = 3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "5. Les queues: put, get, task_done et join";
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        JoinableQueue<Integer> q = JoinableQueue.fifo();
        try (TaskScope scope = context.scope("queue").open()) {
            scope.fork("Thread-1", () -> serveur(context, q));
            context.sleepSeconds(1);                        // Serveur.__init__: start(), then sleep(1)
            scope.fork("Thread-2", () -> client(context, q));
            context.sleepSeconds(1);                        // Client.__init__: the same
            scope.join();
        }
    }

    private static Void serveur(CellContext context, JoinableQueue<Integer> q) throws InterruptedException {
        String name = Thread.currentThread().getName();
        for (int round = 0; round < ELEMENTS; round++) {
            context.print("Début de traitement au niveau serveur \n");
            int element = context.randint(0, 256);
            q.put(element);
            context.print("element " + element + " ajouté à la liste par " + name + " \n");
            context.sleepSeconds(1);
            context.print("Passe la main au thread client \n");
            q.join();
        }
        q.shutdown();                                       // the fix: no more elements will come
        return null;
    }

    private static Void client(CellContext context, JoinableQueue<Integer> q) throws InterruptedException {
        String name = Thread.currentThread().getName();
        while (true) {
            context.print("Début de traitement au niveau client\n");
            int element;
            try {
                element = q.get();
            } catch (QueueShutDownException e) {
                context.print("La queue est fermée: fin du client " + name + "\n");
                return null;
            }
            context.sleepSeconds(1);
            context.print("element " + element + " extrait de la liste par " + name + " \n");
            q.taskDone();
            context.print("Passe la main au thread serveur \n");
            // The notebook's client also called q.join() here: once the server has put the next
            // element, that join waits for the client itself, and both threads wait forever.
        }
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options
     */
    public static void main(String[] args) {
        Samples.runCell(new QueueSample(), args);
    }
}
