package dev.weft.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SlotPolicy}: which member takes the next chunk, and how many each holds; no Hazelcast. */
class SlotPolicyTest {
    private final SlotPolicy<String, String, String> slots = new SlotPolicy<>();

    @Test
    void aMemberHoldsTwoChunksPerWorkerThenNoMore() {
        slots.add("a", "member-a", 2);
        for (int i = 0; i < 4; i++) {
            assertEquals("member-a", slots.assign("chunk-" + i));
        }
        assertNull(slots.assign("chunk-4"), "4 places, all taken");
        slots.free("a", "chunk-1");
        assertEquals("member-a", slots.assign("chunk-4"));
    }

    @Test
    void noMemberNoPlace() {
        assertNull(slots.assign("chunk"));
        assertEquals(0, slots.workers());
        assertEquals(List.of(), slots.members());
    }

    @Test
    void theMemberWithTheMostFreePlacesTakesTheChunk() {
        slots.add("small", "small", 1);
        slots.add("big", "big", 3);
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            targets.add(slots.assign("chunk-" + i));
        }
        Map<String, Integer> counts = new HashMap<>();
        targets.forEach(t -> counts.merge(t, 1, Integer::sum));
        assertEquals(Map.of("small", 2, "big", 6), counts);
        assertEquals("big", targets.get(0), "6 free places before 2");
        assertNull(slots.assign("chunk-8"));
    }

    @Test
    void equalMembersTakeTurns() {
        slots.add("a", "a", 4);
        slots.add("b", "b", 4);
        slots.add("c", "c", 4);
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            targets.add(slots.assign("chunk-" + i));
        }
        for (String member : List.of("a", "b", "c")) {
            assertEquals(2, targets.stream().filter(member::equals).count(), targets.toString());
        }
    }

    @Test
    void aMemberCountsAtLeastOneWorker() {
        slots.add("zero", "zero", 0);
        assertEquals(1, slots.workers());
        assertEquals("zero", slots.assign("c1"));
        assertEquals("zero", slots.assign("c2"));
        assertNull(slots.assign("c3"));
    }

    @Test
    void aKnownMemberIsNotAddedTwice() {
        assertTrue(slots.add("a", "a", 2));
        assertFalse(slots.add("a", "a", 5));
        assertEquals(2, slots.workers());
    }

    @Test
    void aMemberThatLostAChunkTakesNothingAndNoLongerCounts() {
        slots.add("a", "a", 2);
        slots.add("b", "b", 1);
        assertEquals("a", slots.assign("x"));
        slots.lost("a", "x");
        assertEquals(1, slots.workers());
        assertEquals(List.of("b"), slots.members());
        assertEquals("b", slots.assign("y"));
        assertEquals("b", slots.assign("z"));
        assertNull(slots.assign("w"), "a leaves, b is full");
        slots.lost("unknown", "v"); // nothing happens
        assertEquals(List.of("b"), slots.members());
    }

    @Test
    void removingAMemberGivesBackWhatItHeldInOrder() {
        slots.add("a", "a", 2);
        slots.assign("c0");
        slots.assign("c1");
        slots.assign("c2");
        slots.free("a", "c1");
        SlotPolicy.Departure<String> departure = slots.remove("a");
        assertEquals(List.of("c0", "c2"), departure.held());
        assertEquals(List.of(), departure.lostBefore());
        assertEquals(List.of("c0", "c2"), departure.running());
        assertNull(slots.remove("a"), "already removed");
        assertNull(slots.assign("c3"));
        slots.free("a", "c0"); // an unknown member: nothing happens
    }

    @Test
    void aRemovedMemberNamesTheChunksLostOnItBeforeAsWellAsThoseItHeld() {
        slots.add("a", "a", 2);
        slots.assign("c0");
        slots.assign("c1");
        slots.assign("c2");
        slots.lost("a", "c1");
        slots.lost("a", "c0");
        SlotPolicy.Departure<String> departure = slots.remove("a");
        assertEquals(List.of("c2"), departure.held(), "the lost chunks' places were freed");
        assertEquals(List.of("c1", "c0"), departure.lostBefore(), "in the order they were lost");
        assertEquals(List.of("c1", "c0", "c2"), departure.running());
        slots.add("a", "a", 1);
        assertEquals(List.of(), slots.remove("a").lostBefore(), "a member that comes back starts afresh");
    }

    @Test
    void releaseAllFreesEveryPlaceAndKeepsTheMembers() {
        slots.add("a", "a", 1);
        slots.add("b", "b", 1);
        for (int i = 0; i < 4; i++) {
            slots.assign("c" + i);
        }
        List<String> held = slots.releaseAll();
        assertEquals(4, held.size());
        assertEquals(List.of(), slots.releaseAll());
        assertTrue(List.of("a", "b").contains(slots.assign("again")), "places are free again");
        slots.clear();
        assertEquals(0, slots.workers());
        assertNull(slots.assign("after"));
    }
}
