package dev.weft.samples.threading;

import dev.weft.samples.Cell;
import dev.weft.samples.CellContext;
import dev.weft.samples.Samples;
import dev.weft.sync.RLock;

/**
 * Notebook 000, cells 55 and the next one: two threads count the shared value up to 100, each entering the
 * critical zone guarded by a weft {@link RLock}.
 *
 * <pre>{@code
 * Thread: 2 essais d'entrée à la zonne critique
 *
 * La valeur est 2
 * Thread: 2 sortie de la zonne critique
 * ...
 * }</pre>
 *
 * <p>An {@code RLock} is reentrant: the thread that holds it may take it again (here three times) and must release it as often; a plain {@code Lock} taken twice by one thread would wait for itself forever.
 */
public final class RLockSample implements Cell {
    /** The cell's id. */
    public static final String ID = "threading.rlock";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "3. Mutex: RLock acquis trois fois";
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        RLock s = new RLock();
        CriticalProgram.Zone threeTimes = CriticalProgram.Zone.of(() -> {
            s.acquire();
            s.acquire();
            s.acquire();
        }, () -> {
            s.release();
            s.release();
            s.release();
        });
        CriticalSamples.runTwoThreads(context, "rlock", threeTimes);
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.05}
     */
    public static void main(String[] args) {
        Samples.runCell(new RLockSample(), args);
    }
}
