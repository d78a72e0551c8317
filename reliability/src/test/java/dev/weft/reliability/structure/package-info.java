/**
 * Structured concurrency across modules: pool work ({@code dev.weft.parallel}) started inside an
 * {@code async} {@code TaskGroup} or {@code Async.run} belongs to it, and ends with it.
 */
package dev.weft.reliability.structure;
