package dev.weft.samples.decorators;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The notebook's {@code factorial} and {@code boucle}: factorials computed by plain recursion,
 * and a loop that stores {@code factorial(k)} for {@code k} from 1 to {@code n - 1}.
 *
 * <pre>{@code
 * Factorials.boucle(Factorials::factorial, 5);   // [1, 2, 6, 24]
 * }</pre>
 */
final class Factorials {

    private Factorials() {
    }

    /**
     * {@code factorial(n)}, by recursion, undecorated.
     *
     * @param n from 1
     * @return {@code n!}
     */
    static BigInteger factorial(int n) {
        return n == 1 ? BigInteger.ONE : BigInteger.valueOf(n).multiply(factorial(n - 1));
    }

    /**
     * The recursion step shared by the plain and the cached factorial: {@code self} is the
     * function that computes {@code (n - 1)!}, decorated or not.
     *
     * @param self the factorial function to recurse through
     * @param n from 1
     * @return {@code n!}
     */
    static BigInteger step(Function<Integer, BigInteger> self, int n) {
        return n == 1 ? BigInteger.ONE : BigInteger.valueOf(n).multiply(self.apply(n - 1));
    }

    /**
     * {@code boucle(n)}: the factorials of 1 to {@code n - 1}.
     *
     * @param factorial the factorial function to call
     * @param n the bound, excluded
     * @return the list
     */
    static List<BigInteger> boucle(Function<Integer, BigInteger> factorial, int n) {
        List<BigInteger> l = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            l.add(factorial.apply(k));
        }
        return l;
    }
}
