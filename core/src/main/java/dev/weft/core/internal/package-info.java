/**
 * Implementation of {@code dev.weft.core}, and the small helpers weft's other modules share:
 * {@link dev.weft.core.internal.Durations} (timeout arithmetic) and
 * {@link dev.weft.core.internal.Interruptions} (how a computation gives up after an interrupt).
 * Exported to the modules {@code dev.weft.sync}, {@code dev.weft.async} and
 * {@code dev.weft.parallel} only; not API, and may change at any time.
 */
package dev.weft.core.internal;
