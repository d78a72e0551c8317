package dev.weft.core.internal.registry;

import java.util.List;

/**
 * A live pool as the scope dump shows it: a pool module registers one with
 * {@link LiveScopes#addPool} when its workers start and removes it when it closes.
 */
public interface PoolSource {
    /** {@return the pool's name} */
    String name();

    /** {@return its backend: {@code threads}, {@code processes}, {@code cluster}} */
    String backend();

    /** {@return its workers now} */
    List<Worker> workers();

    /**
     * One worker.
     *
     * @param id {@code pid N}, a thread's or a member's name
     * @param state its state, as its pool names it
     * @param chunk the chunk it runs now, or the empty string
     * @param tasksDone how many inputs it has answered
     */
    record Worker(String id, String state, String chunk, long tasksDone) {
    }
}
