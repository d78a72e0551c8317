/**
 * Python's decorators and {@code functools} caches for Java functions and interfaces: wrap a
 * call with behaviour (print, time, check, memoize, retry, time out, bound its concurrency or
 * its rate, break the circuit) without touching the function.
 *
 * <p>Start with {@link dev.weft.decorators.Decorate}, which applies decorators to a lambda
 * ({@code function}, {@code biFunction}, {@code supplier}, {@code callable}, {@code runnable},
 * {@code recursive}) or to an interface ({@code proxy}, and {@code annotated}, which reads the
 * decorator annotations of the interface's methods). The stock decorators are in
 * {@link dev.weft.decorators.Decorators}; write your own as a
 * {@link dev.weft.decorators.Decorator} lambda over an {@link dev.weft.decorators.Invocation}.
 * The first decorator listed is the outermost, like the top {@code @} line.
 *
 * {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=decorators-package}
 *
 * <p>The caches follow {@code functools.lru_cache} exactly (hits, misses, LRU order, a bound of
 * 0) and go further: concurrent calls for one key compute it once, and a memoized function may
 * recurse into its own cache without the "Recursive update" of
 * {@code ConcurrentHashMap.computeIfAbsent}.
 *
 * <table class="striped">
 *   <caption>Python names and their weft counterparts</caption>
 *   <thead><tr><th>Python</th><th>weft</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@code def deco(f): def wrapper(*args): ...}</td><td>{@link dev.weft.decorators.Decorator} ({@code call -> ... call.proceed() ...})</td></tr>
 *     <tr><td>{@code @deco} above {@code def f}</td><td>{@link dev.weft.decorators.Decorate#function Decorate.function("f", f, deco)}</td></tr>
 *     <tr><td>{@code @a @b def f} (stacked)</td><td>{@code Decorate.function("f", f, a, b)} ({@code a} outermost)</td></tr>
 *     <tr><td>{@code functools.wraps}, {@code __name__}, {@code __doc__}, {@code __wrapped__}</td><td>built in; {@link dev.weft.decorators.Decorated}</td></tr>
 *     <tr><td>{@code print_before_execution}, {@code print_after_execution}</td><td>{@link dev.weft.decorators.Decorators#printBefore(String, java.util.function.Consumer) Decorators.printBefore}, {@link dev.weft.decorators.Decorators#printAfter(String, java.util.function.Consumer) printAfter}</td></tr>
 *     <tr><td>{@code affiche_doc}</td><td>{@link dev.weft.decorators.Decorators#showDoc Decorators.showDoc}</td></tr>
 *     <tr><td>{@code temps_execution}</td><td>{@link dev.weft.decorators.Decorators#timed() Decorators.timed}</td></tr>
 *     <tr><td>{@code entree_contient('.csv')}</td><td>{@link dev.weft.decorators.Decorators#requireArg Decorators.requireArg}, {@link dev.weft.decorators.RequireArg @RequireArg}</td></tr>
 *     <tr><td>{@code @lru_cache(maxsize, typed)}, {@code @cache}</td><td>{@link dev.weft.decorators.Decorators#lruCache(int, boolean) Decorators.lruCache}, {@link dev.weft.decorators.Decorators#cache() Decorators.cache}</td></tr>
 *     <tr><td>{@code f.cache_info()}, {@code f.cache_clear()}</td><td>{@link dev.weft.decorators.CacheDecorator#info() cache.info()} → {@link dev.weft.decorators.CacheInfo}, {@link dev.weft.decorators.CacheDecorator#clear() cache.clear()}</td></tr>
 *     <tr><td>tenacity's {@code @retry(stop=stop_after_attempt(n), wait=..., retry=...)}</td><td>{@link dev.weft.decorators.Decorators#retry Decorators.retry}({@link dev.weft.decorators.RetryPolicy}), {@link dev.weft.decorators.Retry @Retry}</td></tr>
 *     <tr><td>{@code async with asyncio.timeout(s)} around the body</td><td>{@link dev.weft.decorators.Decorators#timeout Decorators.timeout}, {@link dev.weft.decorators.Timeout @Timeout}</td></tr>
 *     <tr><td>a {@code BoundedSemaphore} held around the body</td><td>{@link dev.weft.decorators.Decorators#bulkhead(int) Decorators.bulkhead}, {@link dev.weft.decorators.Bulkhead @Bulkhead}, {@link dev.weft.decorators.BulkheadFullException}</td></tr>
 *     <tr><td>{@code ratelimit}'s {@code @sleep_and_retry @limits(calls, period)}</td><td>{@link dev.weft.decorators.Decorators#rateLimit(int, java.time.Duration) Decorators.rateLimit}, {@link dev.weft.decorators.RateLimit @RateLimit}, {@link dev.weft.decorators.RateLimitExceededException}</td></tr>
 *     <tr><td>{@code pybreaker.CircuitBreaker(fail_max, reset_timeout)}</td><td>{@link dev.weft.decorators.Decorators#circuitBreaker Decorators.circuitBreaker} → {@link dev.weft.decorators.CircuitBreaker}, {@link dev.weft.decorators.CircuitOpenException}</td></tr>
 *     <tr><td>decorators on methods of a class</td><td>{@link dev.weft.decorators.Decorate#proxy Decorate.proxy}, {@link dev.weft.decorators.Decorate#annotated Decorate.annotated} with {@link dev.weft.decorators.Timed @Timed}, {@link dev.weft.decorators.LruCache @LruCache}, {@link dev.weft.decorators.PrintBefore @PrintBefore}, {@link dev.weft.decorators.ShowDoc @ShowDoc}, {@link dev.weft.decorators.Doc @Doc}</td></tr>
 *   </tbody>
 * </table>
 */
@NullMarked
package dev.weft.decorators;

import org.jspecify.annotations.NullMarked;
