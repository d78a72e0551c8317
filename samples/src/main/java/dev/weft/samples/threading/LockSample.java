package dev.weft.samples.threading;

import dev.weft.samples.Cell;
import dev.weft.samples.CellContext;
import dev.weft.samples.Samples;
import dev.weft.sync.Lock;

/**
 * Notebook 000, cells 53 and 54: two threads count the shared value up to 100, each entering the
 * critical zone guarded by a weft {@link Lock}.
 *
 * <pre>{@code
 * Thread: 2 essais d'entrée à la zonne critique
 *
 * La valeur est 2
 * Thread: 2 sortie de la zonne critique
 * ...
 * }</pre>
 *
 * <p>A {@code Lock} is a mutex: held by one thread at a time, and like Python's any thread may release it.
 */
public final class LockSample implements Cell {
    /** The cell's id. */
    public static final String ID = "threading.lock";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "3. Mutex: utilisation de Lock (verrouillage)";
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        Lock s = new Lock();
        CriticalSamples.runTwoThreads(context, "lock", CriticalProgram.Zone.of(s::acquire, s::release));
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.05}
     */
    public static void main(String[] args) {
        Samples.runCell(new LockSample(), args);
    }
}
