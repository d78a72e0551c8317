package dev.weft.samples.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TaskScope;
import dev.weft.core.Timeline;
import dev.weft.samples.CellHarness;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WikiServerTest {

    @Test
    void servesTheBundledPagesOverHttpOnLoopback() throws Exception {
        try (WikiServer server = WikiServer.start(Duration.ZERO);
             Wikipedia wiki = Wikipedia.at(server.baseUri())) {
            assertEquals("127.0.0.1", server.baseUri().getHost());
            assertTrue(wiki.content("Multithreading")
                    .startsWith("Un processeur est dit multithread s'il est capable d'exécuter efficacement"));
            assertTrue(wiki.summary("Threading").startsWith("Hyper-threading (officiellement appelée"));
            assertTrue(wiki.summary("Coroutine").contains("Melvin Conway en 1958"));
            assertTrue(wiki.summary("Programmation_concurrente")
                    .startsWith("La programmation concurrente est un paradigme de programmation"));
            assertEquals(4, server.requests());
        }
    }

    @Test
    void aMissingPageFailsAndTheClientGoesOn() throws Exception {
        try (WikiServer server = WikiServer.start(Duration.ZERO);
             Wikipedia wiki = Wikipedia.at(server.baseUri())) {
            IOException e = assertThrows(IOException.class, () -> wiki.summary("Pas_une_page"));
            assertTrue(e.getMessage().contains("Pas_une_page"));
            assertThrows(IOException.class, () -> wiki.summary("../Coroutine"));
            assertTrue(wiki.summary("Coroutine").startsWith("Dans un programme"));
        }
    }

    @Test
    void requestsMadeTogetherWaitTheirLatencyTogether() throws Exception {
        Timeline timeline;
        try (WikiServer server = WikiServer.start(Duration.ofMillis(300));
             Wikipedia wiki = Wikipedia.at(server.baseUri())) {
            wiki.summary("Coroutine");   // opens the connection pool outside the measure
            timeline = Timeline.start();
            try (TaskScope scope = TaskScope.builder().timeline(timeline).open()) {
                for (String page : new String[] {"Coroutine", "Threading", "Multithreading"}) {
                    scope.fork("get " + page, () -> wiki.summary(page));
                }
                scope.join();
            }
        }
        // Served one after the other, no two requests would overlap; three at once, two of them
        // overlap unless stalls keep every pair apart, which one stall cannot.
        assertEquals(3, timeline.spans().size(), timeline.spans().toString());
        assertTrue(CellHarness.overlapped(timeline, "get "), timeline.renderAscii(40));
    }

    @Test
    void jsonStringsRoundTrip() {
        String text = "l'été \"chaud\"\n\\ \u0001 œ";
        assertEquals(Optional.of(text), JsonStrings.field("{\"a\":1,\"extract\": " + JsonStrings.quote(text) + "}", "extract"));
        assertEquals(Optional.of("é"), JsonStrings.field("{\"extract\":\"\\u00e9\"}", "extract"));
        assertEquals(Optional.empty(), JsonStrings.field("{\"missing\":true}", "extract"));
        assertEquals(Optional.empty(), JsonStrings.field("{\"extract\":3}", "extract"));
        assertThrows(IllegalArgumentException.class, () -> JsonStrings.field("{\"extract\":\"abc", "extract"));
    }
}
