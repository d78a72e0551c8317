package dev.weft.cluster.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which member takes the next chunk, and how many a member holds at once: each member runs as many
 * chunks as it has workers and holds as many again (so that it never waits for its next one), the
 * next chunk goes to the member with the most free places, turning among equals, and a member seen
 * leaving takes none. A chunk lost on a member before the cluster said it left is remembered there,
 * so that the member's departure names everything it was running. Knows nothing of Hazelcast: the
 * {@link Dispatcher} keys members by their id and guards this object with its lock.
 *
 * <pre>{@code
 * SlotPolicy<UUID, Member, ClusterChunk> slots = new SlotPolicy<>();
 * slots.add(member.getUuid(), member, 4);          // 8 places
 * Member target = slots.assign(chunk);             // null when no member has a free place
 * slots.free(member.getUuid(), chunk);             // its reply came
 * slots.lost(member.getUuid(), other);             // its call failed: the member is leaving
 * Departure<ClusterChunk> gone = slots.remove(member.getUuid()); // the cluster says it left
 * }</pre>
 *
 * @param <K> a member's id
 * @param <M> a member
 * @param <C> a chunk
 */
final class SlotPolicy<K, M, C> {
    /** How many chunks a member holds per worker: one running, one waiting. */
    static final int CHUNKS_PER_WORKER = 2;

    /**
     * What a removed member was running.
     *
     * @param held the chunks it still held, in the order it took them: their attempts end now
     * @param lostBefore the chunks whose attempts on it had already ended as lost, in that order
     * @param <C> a chunk
     */
    record Departure<C>(List<C> held, List<C> lostBefore) {
        /** {@return every chunk it was running when it left: those lost before, then those held} */
        List<C> running() {
            List<C> all = new ArrayList<>(lostBefore);
            all.addAll(held);
            return all;
        }
    }

    /** The chunks one member holds. */
    private final class Slots {
        final M member;
        final int workers;
        final Set<C> held = new LinkedHashSet<>();
        /** The chunks it failed as a leaving member does, until it is removed. */
        final List<C> lost = new ArrayList<>(0);
        /** Set once the member failed a chunk as a leaving member does: it gets no more work. */
        boolean leaving;

        Slots(M member, int workers) {
            this.member = member;
            this.workers = workers;
        }

        int free() {
            return leaving ? 0 : CHUNKS_PER_WORKER * workers - held.size();
        }
    }

    private final Map<K, Slots> members = new LinkedHashMap<>();
    private int rotation;

    /**
     * Adds a member, unless it is known.
     *
     * @param id its id
     * @param member the member
     * @param workers how many chunks it runs at once; counted as at least 1
     * @return true if it was added
     */
    boolean add(K id, M member, int workers) {
        if (members.containsKey(id)) {
            return false;
        }
        members.put(id, new Slots(member, Math.max(1, workers)));
        return true;
    }

    /**
     * Removes a member.
     *
     * @param id its id
     * @return what it held and what was lost on it before; null if it was not known
     */
    Departure<C> remove(K id) {
        Slots slots = members.remove(id);
        return slots == null ? null : new Departure<>(new ArrayList<>(slots.held), List.copyOf(slots.lost));
    }

    /**
     * Gives {@code chunk} a place on the member with the most free places.
     *
     * @param chunk the chunk
     * @return the member that holds it now, or null if none has a free place
     */
    M assign(C chunk) {
        List<Slots> all = new ArrayList<>(members.values());
        Slots best = null;
        for (int i = 0; i < all.size(); i++) {
            Slots candidate = all.get((rotation + i) % all.size());
            if (candidate.free() > 0 && (best == null || candidate.free() > best.free())) {
                best = candidate;
            }
        }
        if (best == null) {
            return null;
        }
        rotation++;
        best.held.add(chunk);
        return best.member;
    }

    /**
     * Frees the place {@code chunk} held on a member, if it still does.
     *
     * @param id the member's id
     * @param chunk the chunk
     */
    void free(K id, C chunk) {
        Slots slots = members.get(id);
        if (slots != null) {
            slots.held.remove(chunk);
        }
    }

    /**
     * Records that {@code chunk}'s attempt on a member failed as a leaving member's calls do: its
     * place is freed, the member takes no more chunks and no longer counts, though it stays known
     * (and the chunk is remembered as lost there) until removed.
     *
     * @param id the member's id
     * @param chunk the chunk
     */
    void lost(K id, C chunk) {
        Slots slots = members.get(id);
        if (slots != null) {
            slots.held.remove(chunk);
            slots.lost.add(chunk);
            slots.leaving = true;
        }
    }

    /** {@return the workers of the members that take chunks: the sum of their capacities} */
    int workers() {
        return members.values().stream().filter(s -> !s.leaving).mapToInt(s -> s.workers).sum();
    }

    /** {@return the members that take chunks, in the order they were added} */
    List<M> members() {
        return members.values().stream().filter(s -> !s.leaving).map(s -> s.member).toList();
    }

    /**
     * Frees every place.
     *
     * @return the chunks the members held
     */
    List<C> releaseAll() {
        List<C> held = new ArrayList<>();
        for (Slots slots : members.values()) {
            held.addAll(slots.held);
            slots.held.clear();
        }
        return held;
    }

    /** Forgets every member. */
    void clear() {
        members.clear();
    }
}
