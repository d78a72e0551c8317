package dev.weft.samples.multi;

/**
 * The notebook's {@code calcul_lourd(x)}: for {@code k} from 1 to 49, adds
 * {@code x * x ** (1/k * k ** 1.5)} to every element of {@code x = range(n)} — numpy's vectorised
 * loop, written out.
 *
 * <pre>{@code
 * double[] resultat = CalculLourd.calculLourd(1000);   // resultat[x] for x in range(1000)
 * }</pre>
 *
 * <p>It is a static method so that a method reference to it is a serializable task a child JVM
 * can run (where Python's {@code multiprocess} needed {@code import numpy} inside the function).
 */
public final class CalculLourd {

    private CalculLourd() {
    }

    /**
     * {@code calcul_lourd(range(n))}.
     *
     * @param n the length of the range
     * @return the result for each element of the range
     */
    public static double[] calculLourd(int n) {
        double[] resultat = new double[n];
        for (int k = 1; k < 50; k++) {
            double power = 1.0 / k * Math.pow(k, 3.0 / 2);
            for (int x = 0; x < n; x++) {
                resultat[x] += x * Math.pow(x, power);
            }
        }
        return resultat;
    }
}
