/**
 * Python's {@code threading} and {@code queue} primitives for Java, with CPython's semantics:
 * locks, conditions, semaphores, events, barriers, timers and a joinable queue with shutdown.
 *
 * <p>Start with {@link dev.weft.sync.Lock} and its {@link dev.weft.sync.Guard}, the
 * try-with-resources form of Python's {@code with lock:}; then {@link dev.weft.sync.JoinableQueue}
 * for producer/consumer work, or {@link dev.weft.sync.Channel} and {@link dev.weft.sync.Select} for
 * Go/Kotlin-style channels that close, fan in and fan out. Every blocking call with a Python name is interruptible and has a
 * {@link java.time.Duration} overload where a zero or negative timeout means "do not wait".
 * {@code Lock}, {@code RLock} and {@code Condition} also implement
 * {@link java.util.concurrent.locks.Lock} and {@link java.util.concurrent.locks.Condition}, whose
 * {@code lock()} and {@code awaitUninterruptibly()} are, as their names say, not interruptible.
 * Everything is built on {@code java.util.concurrent.locks}, never on intrinsic object
 * monitors, so virtual threads park without pinning their carrier.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=sync-package}
 *
 * <table class="striped">
 *   <caption>Python names and their weft counterparts</caption>
 *   <thead><tr><th>Python</th><th>weft</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@code threading.Lock}</td><td>{@link dev.weft.sync.Lock}</td></tr>
 *     <tr><td>{@code threading.RLock}</td><td>{@link dev.weft.sync.RLock}</td></tr>
 *     <tr><td>{@code with lock:}</td><td>{@code try (Guard g = lock.hold())}</td></tr>
 *     <tr><td>{@code threading.Condition}: {@code wait}, {@code wait_for}, {@code notify(n)},
 *         {@code notify_all}</td><td>{@link dev.weft.sync.Condition}: {@code await},
 *         {@code awaitUntil}, {@code signal(n)}, {@code signalAll}</td></tr>
 *     <tr><td>{@code threading.Semaphore}</td><td>{@link dev.weft.sync.Semaphore}</td></tr>
 *     <tr><td>{@code threading.BoundedSemaphore}</td><td>{@link dev.weft.sync.BoundedSemaphore}</td></tr>
 *     <tr><td>{@code threading.Event}: {@code wait}</td><td>{@link dev.weft.sync.Event}: {@code await}</td></tr>
 *     <tr><td>{@code threading.Barrier}, {@code BrokenBarrierError}</td><td>{@link dev.weft.sync.Barrier},
 *         {@link dev.weft.sync.BrokenBarrierError}</td></tr>
 *     <tr><td>{@code threading.Timer}</td><td>{@link dev.weft.sync.Timer}</td></tr>
 *     <tr><td>{@code queue.Queue}, {@code LifoQueue}, {@code PriorityQueue}</td>
 *         <td>{@link dev.weft.sync.JoinableQueue#fifo()}, {@code lifo()}, {@code priority()}; each is
 *         also a {@link java.util.concurrent.BlockingQueue}</td></tr>
 *     <tr><td>{@code put_nowait}, {@code get_nowait}, {@code queue.Full}, {@code queue.Empty}</td>
 *         <td>{@code tryPut} ({@code false}), {@code tryGet} (empty {@code Optional})</td></tr>
 *     <tr><td>(Go {@code chan}, Kotlin {@code Channel}, Trio memory channels)</td>
 *         <td>{@link dev.weft.sync.Channel}: {@code rendezvous()}, {@code buffered(n)},
 *         {@code unbounded()}, {@code close()}, {@code fail(cause)}, {@link dev.weft.sync.ChannelClosedException};
 *         {@code Channel.produce} (Kotlin's {@code produce})</td></tr>
 *     <tr><td>(Go {@code select}, Kotlin {@code select {}}, Ox {@code selectOrClosed})</td>
 *         <td>{@link dev.weft.sync.Select#of}, {@link dev.weft.sync.Select#orClosed}</td></tr>
 *     <tr><td>{@code queue.ShutDown}</td><td>{@link dev.weft.sync.QueueShutDownException}</td></tr>
 *     <tr><td>{@code RuntimeError} (release, wait, notify misuse)</td><td>{@link java.lang.IllegalStateException},
 *         {@link java.lang.IllegalMonitorStateException}</td></tr>
 *     <tr><td>{@code ValueError} (bad argument, over-release, {@code task_done})</td>
 *         <td>{@link java.lang.IllegalArgumentException}, {@link java.lang.IllegalStateException}</td></tr>
 *     <tr><td>(none)</td><td>{@link dev.weft.sync.Locks#ordered(String)}: lock-order deadlock detection</td></tr>
 *   </tbody>
 * </table>
 */
@NullMarked
package dev.weft.sync;

import org.jspecify.annotations.NullMarked;
