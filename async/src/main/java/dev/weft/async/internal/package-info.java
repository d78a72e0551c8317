/**
 * Internals of {@code dev.weft.async}, not exported by the module: the gather engines, the
 * bookkeeping behind {@code race}, {@code awaitTasks} and {@code Futures.gather}, and the
 * detached task used by {@code Async.ensureFuture} outside any scope. Nothing here is API.
 */
package dev.weft.async.internal;
