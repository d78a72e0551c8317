package dev.weft.async;

/**
 * When {@link Async#awaitTasks(java.util.Collection, ReturnWhen)} returns: the constants of
 * Python's {@code asyncio.wait(..., return_when=...)}, with the same meaning.
 *
 * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=return-when}
 *
 * <p>The {@code java.util.concurrent} neighbours are {@code ExecutorService.invokeAny}
 * (first success, cancels the rest: see {@link Async#race}) and {@code invokeAll} (all of them);
 * neither leaves the pending tasks running for you to decide about, as this does.
 *
 * @since 0.1
 */
public enum ReturnWhen {
    /** Return as soon as any task ends, whatever its outcome. */
    FIRST_COMPLETED,
    /**
     * Return as soon as any task fails; if none fails, when all have ended. A cancelled task is
     * not a failure here, as in asyncio.
     */
    FIRST_EXCEPTION,
    /** Return when every task has ended. */
    ALL_COMPLETED
}
