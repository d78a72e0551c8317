package dev.weft.reliability;

/**
 * The size knob of the suite: {@code -Pstress} sets {@code weft.stress.factor=10}, and every
 * iteration count here is multiplied by it.
 *
 * <pre>{@code
 * int rounds = Stress.times(50);   // 50 by default, 500 under -Pstress
 * }</pre>
 */
public final class Stress {
    private Stress() {
    }

    /** {@return the factor: 1 by default, 10 under {@code -Pstress}} */
    public static int factor() {
        return Math.max(1, Integer.getInteger("weft.stress.factor", 1));
    }

    /**
     * {@return {@code n} times the factor}
     *
     * @param n the default size
     */
    public static int times(int n) {
        return Math.multiplyExact(n, factor());
    }
}
