/**
 * Machinery behind {@link dev.weft.decorators}: the call chain, the wrappers, the proxies and the
 * caches. Not exported; nothing here is API.
 *
 * <p>Start with {@link dev.weft.decorators.internal.Site} (one decorated function: its name, doc,
 * decorators and the original) and {@link dev.weft.decorators.internal.Call} (one call walking
 * the chain). {@link dev.weft.decorators.internal.MemoCache} is the exact LRU cache.
 */
package dev.weft.decorators.internal;
