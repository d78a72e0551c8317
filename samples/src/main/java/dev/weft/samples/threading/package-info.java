/**
 * Notebook 000, "Le threading &amp; coroutine": the sequential {@code program} and its threads,
 * {@code Semaphore}, {@code Lock}, {@code RLock}, {@code Condition}, {@code queue}, {@code Event}
 * and the {@code asyncio.gather} counter, each as a runnable cell.
 *
 * <pre>{@code
 * java -cp ... dev.weft.samples.threading.SemaphoreSample --scale 0.05
 * }</pre>
 */
package dev.weft.samples.threading;
