/**
 * Notebook 003, part B, "Décorateurs": the notebook's decorators ({@code print_before_execution},
 * {@code affiche_doc}, {@code temps_execution}, {@code entree_contient}, ...) rebuilt on weft's
 * {@code Decorate} and {@code Decorators}, and every cell that runs them.
 *
 * <pre>{@code
 * java -cp ... dev.weft.samples.decorators.LruCacheHelloSample --scale 0.1
 * }</pre>
 *
 * <p>Start with {@link dev.weft.samples.decorators.NotebookDecorators}: one factory method a
 * notebook decorator.
 */
package dev.weft.samples.decorators;
