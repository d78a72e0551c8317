package dev.weft.samples.threading;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared {@code valeur = [1]} of notebook 000: a one-element list that the threads of a cell
 * read and increment. Python's GIL made {@code if valeur[0] < 4: valeur[0] += 1} hard to break;
 * Java threads run truly in parallel, so the check and the increment happen as one atomic step.
 *
 * <pre>{@code
 * Valeur valeur = new Valeur(1);
 * valeur.incrementIfBelow(4);   // 2
 * valeur.incrementIfBelow(2);   // -1: already at the limit
 * }</pre>
 */
final class Valeur {
    private final AtomicInteger value;

    Valeur(int initial) {
        this.value = new AtomicInteger(initial);
    }

    /** {@return the current value} */
    int get() {
        return value.get();
    }

    /** {@return the value after adding one} */
    int increment() {
        return value.incrementAndGet();
    }

    /**
     * Adds one if the value is below {@code limit}.
     *
     * @param limit the bound
     * @return the new value, or -1 if it was already at the limit
     */
    int incrementIfBelow(int limit) {
        int before = value.getAndUpdate(v -> v < limit ? v + 1 : v);
        return before < limit ? before + 1 : -1;
    }
}
