/**
 * Notebook 003, part D, "Fonctions asynchrones": the coroutine object that runs only when awaited,
 * {@code nom} against {@code nom_async} with {@code gather}, {@code name}/{@code calculation} with
 * {@code ensure_future}, and {@code wiki} against {@code wiki_async} — on weft's {@code Async},
 * where every task is a virtual thread.
 *
 * <pre>{@code
 * java -cp ... dev.weft.samples.async.NomGatherSample --scale 0.1
 * }</pre>
 */
package dev.weft.samples.async;
