package dev.weft.cluster.internal;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often a pool sent a function's bytes to each member, and how often a member answered that it
 * lacked a function ({@link FunctionCache#MISSING}): a chunk sent by key alone counts in neither.
 * Tests read it to check that a function travels once per job and per member.
 *
 * <pre>{@code
 * long sent = shipments.shippedTo(member.getUuid());
 * }</pre>
 */
final class FunctionShipments {
    private final ConcurrentHashMap<UUID, LongAdder> shipped = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, LongAdder> missing = new ConcurrentHashMap<>();

    /** A chunk carried its function's bytes to {@code member}. */
    void shipped(UUID member) {
        shipped.computeIfAbsent(member, ignored -> new LongAdder()).increment();
    }

    /** {@code member} answered that it lacked a chunk's function. */
    void missing(UUID member) {
        missing.computeIfAbsent(member, ignored -> new LongAdder()).increment();
    }

    /** {@code member} left: its counts go. */
    void left(UUID member) {
        shipped.remove(member);
        missing.remove(member);
    }

    /** {@return how many chunks carried their function's bytes to {@code member}} */
    long shippedTo(UUID member) {
        LongAdder count = shipped.get(member);
        return count == null ? 0 : count.sum();
    }

    /** {@return how many times {@code member} answered that it lacked a chunk's function} */
    long missingFrom(UUID member) {
        LongAdder count = missing.get(member);
        return count == null ? 0 : count.sum();
    }
}
