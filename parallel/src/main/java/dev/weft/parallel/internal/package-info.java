/**
 * The machinery behind {@code dev.weft.parallel}: not exported, may change at any time.
 *
 * <p>{@link dev.weft.parallel.internal.AbstractPool} holds what both backends share (chunking,
 * jobs, the lifetime state machine); {@link dev.weft.parallel.internal.ThreadBackedPool} runs chunks
 * on a {@link java.util.concurrent.ForkJoinPool}; {@link dev.weft.parallel.internal.ProcessBackedPool}
 * sends them to {@link dev.weft.parallel.internal.ProcessWorker}s, each driving one
 * {@link dev.weft.parallel.internal.ChildJvm} whose main class is
 * {@link dev.weft.parallel.internal.WorkerMain}, over the frames of
 * {@link dev.weft.parallel.internal.Frames}.
 */
package dev.weft.parallel.internal;
