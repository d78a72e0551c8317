/**
 * Notebook 003, part C, "Multi-Threading et Multi-Processing": two processes run one after the
 * other then as threads, a thread "subclass", and the ABC letters printed without and with a lock.
 *
 * <pre>{@code
 * java -cp ... dev.weft.samples.threads.LettersLockedSample --scale 0.1
 * }</pre>
 */
package dev.weft.samples.threads;
