/**
 * Notebook 003, "Multithreading et multiprocessing (DS)": {@code name()} and {@code calcul(5)} in
 * sequence and in threads, the Wikipedia pages in sequence and in threads, {@code calcul_lourd}
 * and {@code calcul_while} in sequence, on a {@code Pool} of child JVMs, and one child JVM a number.
 *
 * <pre>{@code
 * java -cp ... dev.weft.samples.multi.CalculWhilePoolSample --scale 0.1
 * }</pre>
 */
package dev.weft.samples.multi;
