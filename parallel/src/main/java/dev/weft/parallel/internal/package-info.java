/**
 * The machinery behind {@code dev.weft.parallel}: for weft's own pool backends, not for
 * applications; exported to the module {@code dev.weft.cluster} only, and may change at any time.
 *
 * <p>{@link dev.weft.parallel.internal.AbstractPool} holds what both backends share (chunking,
 * jobs, the lifetime state machine); {@link dev.weft.parallel.internal.ThreadBackedPool} runs chunks
 * on a {@link java.util.concurrent.ForkJoinPool}; {@link dev.weft.parallel.internal.ProcessBackedPool}
 * sends them to {@link dev.weft.parallel.internal.ProcessWorker}s, each driving one
 * {@link dev.weft.parallel.internal.ChildJvm} whose main class is
 * {@link dev.weft.parallel.internal.WorkerMain}, over the frames of
 * {@link dev.weft.parallel.internal.Frames}; every child's command line comes from
 * {@link dev.weft.parallel.internal.LaunchLayout}, and a function's classes that exist only in the
 * parent travel with it ({@code ShippedClasses}). The cluster module's pool extends
 * {@link dev.weft.parallel.internal.AbstractPool} with its own {@link
 * dev.weft.parallel.internal.WorkChunk}s, and sends functions, inputs and errors as
 * {@link dev.weft.parallel.internal.JavaSerialization}, {@link dev.weft.parallel.internal.ValueArrays}
 * and {@link dev.weft.parallel.internal.ErrorPayload} do here.
 */
package dev.weft.parallel.internal;
