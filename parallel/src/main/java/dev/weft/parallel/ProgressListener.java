package dev.weft.parallel;

/**
 * Told how far a {@link Pool#map(SerializableFunction, Iterable, ProgressListener) map} has got:
 * after each chunk of inputs ends, it receives how many inputs have ended and how many there are.
 * Python's {@code multiprocessing} has no such hook (people wrap {@code imap} in {@code tqdm});
 * it is the callback form of {@link java.util.concurrent.ExecutorCompletionService}.
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=progress-listener}
 *
 * <p>Calls are never concurrent and {@code done} grows from one call to the next until it equals
 * {@code total}; they run on a thread of the pool, so the listener must be quick and must not
 * block. A listener that throws is logged and ignored.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Reports progress.
     *
     * @param done how many inputs have ended (successfully or not), from 1 to {@code total}
     * @param total how many inputs the map has
     */
    void progress(int done, int total);
}
