/**
 * Implementation of {@code dev.weft.core}, and the small helpers weft's other modules share:
 * {@link dev.weft.core.internal.Durations} (timeout arithmetic) and
 * {@link dev.weft.core.internal.Interruptions} (how a computation gives up after an interrupt),
 * {@link dev.weft.core.internal.ForkContext} (the context a fork inherits: MDC, registered
 * context values, deadline) and {@link dev.weft.core.internal.CancelScope} (deadlines and shields
 * on the calling thread). Exported to the modules {@code dev.weft.sync}, {@code dev.weft.async},
 * {@code dev.weft.parallel}, {@code dev.weft.decorators} and {@code dev.weft.cluster} only; not
 * API, and may change at any time.
 */
package dev.weft.core.internal;
