/**
 * Wikipedia for the cells that fetched it: a client of the MediaWiki API and a local server that
 * answers the same API from bundled summaries, with the latency the notebook measured.
 *
 * <pre>{@code
 * try (Wikipedia wiki = Wikipedia.open(context)) {      // local server unless --online
 *     String text = wiki.summary("Coroutine");
 * }
 * }</pre>
 */
package dev.weft.samples.wiki;
