package dev.weft.benchmarks.parallel;

import java.util.List;

/**
 * The notebook's {@code calcul_while(x)}: count {@code x} down to zero. The Python original
 * returns nothing; here every step is folded into the result, so the JIT cannot delete the loop
 * and the work per step stays comparable.
 *
 * <pre>{@code
 * long folded = CalculWhile.run(5_000_000);
 * }</pre>
 */
public final class CalculWhile {
    /** The notebook's inputs: {@code nombres=[5000000,3000000,6000000,10000000]}. */
    public static final List<Integer> NOMBRES = List.of(5_000_000, 3_000_000, 6_000_000, 10_000_000);

    private CalculWhile() {
    }

    /**
     * Counts {@code x} down to zero, folding each value into a hash.
     *
     * @param x where to start
     * @return the folded counter
     */
    public static long run(int x) {
        long folded = 0;
        while (x > 0) {
            x -= 1;
            folded = folded * 31 + x;
        }
        return folded;
    }
}
