package dev.weft.samples.multi;

import dev.weft.samples.CellContext;
import java.math.BigInteger;

/**
 * The functions of notebook 003's cell 23: {@code name()} waits 10 seconds, asks for "Donna" and
 * prints both names; {@code calcul(x)} raises {@code x} to the millionth power (scaled) and prints
 * the first two digits.
 *
 * <pre>{@code
 * NameCalcul.name(context);      // Ecrivez le prénom Donna:  Donna / Daniel & Donna
 * NameCalcul.calcul(context, 5); // 10
 * }</pre>
 */
public final class NameCalcul {
    /** The notebook's exponent: {@code x**1000000}. */
    public static final int EXPONENT = 1_000_000;

    private NameCalcul() {
    }

    /**
     * {@code name()}.
     *
     * @param context the cell's context
     * @throws InterruptedException if interrupted while sleeping
     */
    public static void name(CellContext context) throws InterruptedException {
        context.sleepSeconds(10);
        String name1 = "Daniel";
        String name2 = context.input("Ecrivez le prénom Donna: ", "Donna");
        context.print(name1, "&", name2);
    }

    /**
     * {@code calcul(x)}: prints the first two digits of {@code x} to the power of
     * {@link #EXPONENT} scaled.
     *
     * @param context the cell's context
     * @param x the base
     */
    public static void calcul(CellContext context, int x) {
        context.print(firstTwoDigits(x, context.size(EXPONENT)));   // On affiche les deux premiers chiffres seulement
    }

    /**
     * {@code int(str(x**exponent)[:2])}: the costly part is the decimal conversion, as in Python.
     *
     * @param x the base
     * @param exponent the exponent
     * @return the first two digits
     */
    public static int firstTwoDigits(int x, int exponent) {
        String digits = BigInteger.valueOf(x).pow(exponent).toString();
        return Integer.parseInt(digits.substring(0, Math.min(2, digits.length())));
    }
}
