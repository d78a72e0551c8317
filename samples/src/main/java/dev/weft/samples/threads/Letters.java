package dev.weft.samples.threads;

import dev.weft.samples.CellContext;

/**
 * The ABC loop of notebook 003, cells 20 and 21: three rounds of printing {@code A}, {@code B} and
 * {@code C}, sleeping 0.3 seconds (scaled) after each letter.
 *
 * <pre>{@code
 * Letters.round(context);   // A, B, C
 * }</pre>
 */
final class Letters {
    static final String LETTERS = "ABC";
    static final int ROUNDS = 3;

    private Letters() {
    }

    /** One round: the three letters, one a line. */
    static void round(CellContext context) throws InterruptedException {
        for (char lt : LETTERS.toCharArray()) {   // on demande ici d'afficher 1 lettre, 1 à 1 de letters
            context.print(lt);
            context.sleepSeconds(0.3);
        }
    }
}
