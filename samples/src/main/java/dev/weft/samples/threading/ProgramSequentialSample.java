package dev.weft.samples.threading;

import dev.weft.samples.Cell;
import dev.weft.samples.CellContext;
import dev.weft.samples.Samples;
import dev.weft.samples.Stopwatch;

/**
 * Notebook 000, cells 8 and 9: the sequential {@code program} — three calls of
 * {@code process()}, one after the other, each sleeping 1 to 4 seconds.
 *
 * <pre>{@code
 * La valeur est 2
 * La valeur est 3
 * La valeur est 4
 * Ecart en secondes 7.0 s
 * }</pre>
 */
public final class ProgramSequentialSample implements Cell {
    /** The cell's id. */
    public static final String ID = "threading.sequential";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "1.1 Exemple de code qui s'exécute séquentiellement (mono tâche)";
    }

    @Override
    public void run(CellContext context) throws Exception {
        Valeur valeur = new Valeur(1);
        Program tache = new Program(context, valeur);
        Stopwatch debut = Stopwatch.start();
        for (int i = 1; i < 4; i++) {
            context.record("séquentiel: process() " + i, tache::process);
        }
        context.print("Ecart en secondes " + debut.formatted() + " s");
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new ProgramSequentialSample(), args);
    }
}
