package dev.weft.samples.threading;

import dev.weft.core.TaskScope;
import dev.weft.samples.CellContext;

/**
 * What the Semaphore, Lock and RLock cells share: two {@link CriticalProgram} threads, numbered 1
 * and 2, counting the shared value from 1 to 100 through the same zone.
 *
 * <pre>{@code
 * CriticalSamples.runTwoThreads(context, "semaphore", Zone.of(s::acquire, s::release));
 * }</pre>
 *
 * <p>The notebook starts the threads and returns without joining them (they go on printing under
 * the next cells); here they are forked in a scope that the cell joins, so the cell ends with them.
 */
final class CriticalSamples {

    private CriticalSamples() {
    }

    static void runTwoThreads(CellContext context, String name, CriticalProgram.Zone zone)
            throws InterruptedException {
        Valeur valeur = new Valeur(1);
        try (TaskScope scope = context.scope(name).open()) {
            for (int i = 1; i < 3; i++) {
                scope.fork("Thread: " + i, new CriticalProgram(context, valeur, i, zone));
            }
            scope.join();
        }
    }
}
