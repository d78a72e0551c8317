/**
 * weft async: Python's {@code asyncio} on virtual threads. Start with {@link dev.weft.async.Async}
 * ({@code run}, {@code gather}, {@code ensureFuture}, {@code sleep}, {@code waitFor},
 * {@code asCompleted}, {@code race}, {@code awaitTasks}), then {@link dev.weft.async.TaskGroup}
 * ({@code TaskGroup.run(group -> ...)} or {@code TaskGroup.open()}) for a block of tasks that ends
 * together, and {@link dev.weft.async.Futures} to gather
 * {@code CompletableFuture}s without blocking.
 *
 * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=async-package}
 *
 * <p>Each task runs on its own virtual thread: a coroutine becomes a {@link java.util.concurrent.Callable},
 * {@code await asyncio.sleep} a plain {@code Thread.sleep} (or {@code Async.sleep}), and
 * {@code task.cancel()} an interrupt. Where asyncio's event loop runs one coroutine at a time, tasks
 * here also run in parallel on every core. Every call that starts tasks and waits for them leaves
 * none running when it returns or throws (a {@link dev.weft.core.TaskScope} underneath), and a
 * failure cancels the rest instead of being left to run, which is where weft deliberately differs
 * from {@code asyncio.gather}.
 *
 * <table>
 *   <caption>asyncio → weft</caption>
 *   <tr><th>asyncio</th><th>weft</th></tr>
 *   <tr><td>{@code asyncio.run(main())}</td><td>{@code Async.run(main)}</td></tr>
 *   <tr><td>{@code asyncio.gather(*aws)}</td><td>{@code Async.gather(tasks...)} (fails fast)</td></tr>
 *   <tr><td>{@code gather(..., return_exceptions=True)}</td><td>{@code Async.gatherOutcomes(tasks...)}</td></tr>
 *   <tr><td>{@code ensure_future}, {@code create_task}</td><td>{@code Async.ensureFuture}, {@code Async.createTask}</td></tr>
 *   <tr><td>{@code asyncio.sleep}, {@code wait_for}</td><td>{@code Async.sleep}, {@code Async.waitFor}</td></tr>
 *   <tr><td>{@code async with asyncio.timeout(d)}, Trio {@code move_on_after}</td><td>{@code Async.timeout},
 *       {@code Async.moveOnAfter}</td></tr>
 *   <tr><td>{@code asyncio.shield}</td><td>{@code Async.shield}</td></tr>
 *   <tr><td>{@code contextvars} copied into each task</td><td>the SLF4J MDC and Micrometer
 *       {@code ContextRegistry} values, copied into every task</td></tr>
 *   <tr><td>{@code as_completed}</td><td>{@code Async.asCompleted} → {@link dev.weft.async.CompletionOrder}</td></tr>
 *   <tr><td>{@code asyncio.wait(aws, return_when=...)}</td><td>{@code Async.awaitTasks(tasks, ReturnWhen...)}</td></tr>
 *   <tr><td>{@code async with TaskGroup() as g}, {@code ExceptionGroup}</td><td>{@code TaskGroup.run(g -> ...)}
 *       or {@code try (var g = TaskGroup.open())}, {@code TaskGroupException}</td></tr>
 * </table>
 */
@NullMarked
package dev.weft.async;

import org.jspecify.annotations.NullMarked;
