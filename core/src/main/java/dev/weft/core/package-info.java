/**
 * The ground every weft module stands on: handles of running work and the structure that
 * bounds their lifetime.
 *
 * <p>Start with {@link dev.weft.core.TaskScope}: open one in a try-with-resources block,
 * {@linkplain dev.weft.core.TaskScope#fork fork} tasks into it, {@linkplain
 * dev.weft.core.TaskScope#join join} them. Each fork returns a {@link dev.weft.core.Task}, whose
 * end is an {@link dev.weft.core.Outcome}. A {@link dev.weft.core.Timeline} records what ran when
 * and draws it, also from a JDK Flight Recorder file of weft's events;
 * {@link dev.weft.core.Scopes} shows the scopes open now, and {@link dev.weft.core.Dump} prints
 * them for another JVM.
 *
 * {@snippet class=dev.weft.core.snippets.CoreSnippets region=core-package}
 *
 * <table class="striped">
 *   <caption>Python names and their weft counterparts</caption>
 *   <thead><tr><th>Python</th><th>weft</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@code asyncio.Task}, {@code concurrent.futures.Future}</td><td>{@link dev.weft.core.Task}</td></tr>
 *     <tr><td>{@code asyncio.TaskGroup}, Trio nursery</td><td>{@link dev.weft.core.TaskScope}</td></tr>
 *     <tr><td>{@code gather(..., return_exceptions=True)} element</td><td>{@link dev.weft.core.Outcome}</td></tr>
 *     <tr><td>{@code add_done_callback}</td><td>{@link dev.weft.core.Task#onDone}</td></tr>
 *     <tr><td>{@code asyncio.timeout()}</td><td>{@link dev.weft.core.TaskScope.Builder#deadline}</td></tr>
 *   </tbody>
 * </table>
 */
@NullMarked
package dev.weft.core;

import org.jspecify.annotations.NullMarked;
