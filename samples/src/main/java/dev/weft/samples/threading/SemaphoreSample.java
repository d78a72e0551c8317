package dev.weft.samples.threading;

import dev.weft.samples.Cell;
import dev.weft.samples.CellContext;
import dev.weft.samples.Samples;
import dev.weft.sync.Semaphore;

/**
 * Notebook 000, cells 46 and 47: two threads count the shared value up to 100, each entering the
 * critical zone guarded by a weft {@link Semaphore}.
 *
 * <pre>{@code
 * Thread: 2 essais d'entrée à la zonne critique
 *
 * La valeur est 2
 * Thread: 2 sortie de la zonne critique
 * ...
 * }</pre>
 *
 * <p>{@code Semaphore()} (value 1) lets one thread at a time into the zone: {@code acquire} takes the one permit, {@code release} gives it back.
 */
public final class SemaphoreSample implements Cell {
    /** The cell's id. */
    public static final String ID = "threading.semaphore";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "2. Semaphore: deux threads, une zone critique";
    }

    @Override
    public void run(CellContext context) throws InterruptedException {
        Semaphore s = new Semaphore();
        CriticalSamples.runTwoThreads(context, "semaphore", CriticalProgram.Zone.of(s::acquire, s::release));
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.05}
     */
    public static void main(String[] args) {
        Samples.runCell(new SemaphoreSample(), args);
    }
}
