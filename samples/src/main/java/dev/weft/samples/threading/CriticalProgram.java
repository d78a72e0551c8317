package dev.weft.samples.threading;

import dev.weft.samples.CellContext;
import java.util.concurrent.Callable;

/**
 * The {@code program} thread of notebook 000, sections 2 and 3: until the shared value reaches
 * 100, sleep 1 to 4 seconds (scaled), then enter the critical zone, add one, print, and leave.
 * How the zone is guarded (a {@code Semaphore}, a {@code Lock}, an {@code RLock} taken three
 * times) is the {@link Zone} each cell passes in.
 *
 * <pre>{@code
 * Semaphore s = new Semaphore();
 * new CriticalProgram(context, valeur, 1, Zone.of(s::acquire, s::release)).call();
 * }</pre>
 *
 * <p>As in the notebook, the {@code valeur < 100} test is made outside the zone, so two threads
 * may both pass it at 99 and the last value printed can be 101.
 */
final class CriticalProgram implements Callable<Void> {

    /** How a thread enters and leaves the critical zone. */
    interface Zone {
        /** Enters the zone, waiting if another thread is in it. */
        void enter() throws InterruptedException;

        /** Leaves the zone. */
        void leave();

        /**
         * A zone from two method references.
         *
         * @param enter what enters
         * @param leave what leaves
         * @return the zone
         */
        static Zone of(Enter enter, Runnable leave) {
            return new Zone() {
                @Override
                public void enter() throws InterruptedException {
                    enter.run();
                }

                @Override
                public void leave() {
                    leave.run();
                }
            };
        }
    }

    /** A blocking enter, such as {@code lock::acquire}. */
    @FunctionalInterface
    interface Enter {
        void run() throws InterruptedException;
    }

    private final CellContext context;
    private final Valeur valeur;
    private final int identity;
    private final Zone zone;

    CriticalProgram(CellContext context, Valeur valeur, int identity, Zone zone) {
        this.context = context;
        this.valeur = valeur;
        this.identity = identity;
        this.zone = zone;
    }

    @Override
    public Void call() throws InterruptedException {
        while (valeur.get() < 100) {
            context.sleepSeconds(context.randint(1, 4));
            context.print("Thread: " + identity + " essais d'entrée à la zonne critique \n");
            zone.enter();
            try {
                context.print("La valeur est " + valeur.increment());
            } finally {
                zone.leave();
            }
            context.print("Thread: " + identity + " sortie de la zonne critique \n");
        }
        return null;
    }
}
