package dev.weft.samples.threads;

import dev.weft.samples.CellContext;

/**
 * The notebook's {@code process_one} and {@code process_two}: each prints its mark three times,
 * sleeping 0.3 seconds (scaled) after each.
 *
 * <pre>{@code
 * Processes.processOne(context);   // oooooooooooo ×3
 * }</pre>
 */
final class Processes {
    static final String ONE = "oooooooooooo";
    static final String TWO = "xxxxxxxxxxxx";   // on print autre chose pour marquer la différence entre les 2 def

    private Processes() {
    }

    static Void processOne(CellContext context) throws InterruptedException {
        return repeat(context, ONE);
    }

    static Void processTwo(CellContext context) throws InterruptedException {
        return repeat(context, TWO);
    }

    private static Void repeat(CellContext context, String mark) throws InterruptedException {
        int i = 0;
        while (i < 3) {
            context.print(mark);
            context.sleepSeconds(0.3);
            i += 1;
        }
        return null;
    }
}
