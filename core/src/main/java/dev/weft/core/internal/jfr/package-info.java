/**
 * weft's JDK Flight Recorder events, in the category {@code weft}: {@link ScopeEvent}
 * ({@code dev.weft.Scope}), {@link ForkEvent} ({@code dev.weft.Fork}), {@link PoolChunkEvent}
 * ({@code dev.weft.PoolChunk}), {@link WorkerDiedEvent} ({@code dev.weft.WorkerDied}) and
 * {@link LockWaitEvent} ({@code dev.weft.LockWait}); {@code jfr print --events 'dev.weft.*'}
 * shows them. Emitters check {@code isEnabled()} before doing any work, so that without a
 * recording an event costs one test. Exported to weft's modules that emit events only; not API,
 * and may change at any time.
 */
package dev.weft.core.internal.jfr;
