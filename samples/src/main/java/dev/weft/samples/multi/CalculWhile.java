package dev.weft.samples.multi;

import dev.weft.samples.CellContext;
import java.util.List;

/**
 * The notebook's {@code calcul_while(x)}: counts {@code x} down to zero, one step at a time.
 *
 * <pre>{@code
 * CalculWhile.calculWhile(5_000_000L);
 * }</pre>
 *
 * <p>Java's JIT compiler would turn an empty countdown into a single assignment, so each step
 * also folds {@code x} into a hash that is returned: the loop really runs {@code x} times, as
 * Python's does. Static, so that a method reference to it can travel to a child JVM.
 */
public final class CalculWhile {
    /** On définit la liste d'arguments. */
    public static final List<Long> NOMBRES = List.of(5_000_000L, 3_000_000L, 6_000_000L, 10_000_000L);

    private CalculWhile() {
    }

    /**
     * {@code calcul_while(x)}.
     *
     * @param x how many steps
     * @return a hash of every step, so that none can be skipped
     */
    public static long calculWhile(long x) {
        long hash = 0;
        while (x > 0) {
            x -= 1;
            hash = hash * 31 + x;
        }
        return hash;
    }

    /**
     * The notebook's numbers, scaled.
     *
     * @param context the cell's context
     * @return the numbers, each at least 1
     */
    static List<Long> nombres(CellContext context) {
        return NOMBRES.stream().map(n -> (long) context.size(n.intValue())).toList();
    }
}
