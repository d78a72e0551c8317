/**
 * The samples: every code cell of the two notebooks ported to weft, one {@link dev.weft.samples.Cell}
 * each, and the launcher {@link dev.weft.samples.Samples} that lists and runs them.
 *
 * <pre>{@code
 * ./mvnw -q -pl samples -am package exec:exec -DskipTests                       # run all, fast
 * ./mvnw -q -pl samples exec:exec -Dsamples.args="run threading.semaphore --scale 0.1"
 * }</pre>
 *
 * <p>Start with {@link dev.weft.samples.Catalogue} (the list, in the notebooks' order) and
 * {@link dev.weft.samples.CellContext} (what a cell is given: output, input, scale, timeline).
 * The cells live in one package a notebook section: {@code threading} (notebook 000),
 * {@code decorators}, {@code threads}, {@code multi} and {@code async} (notebook 003).
 */
package dev.weft.samples;
