package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Timeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CellContextTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printJoinsPartsWithSpacesLikePython() {
        CellContext context = CellContext.builder().out(out).build();
        context.print("Daniel", "&", "Donna");
        context.print("\n", "Coroutine", " : ", "texte", "\n");
        context.print((Object) null);
        assertEquals("Daniel & Donna\n\n Coroutine  :  texte \n\nNone\n", printed().replace("\r\n", "\n"));
    }

    @Test
    void inputUsesTheAnswerOrFallsBackAndEchoes() {
        CellContext context = CellContext.builder().out(out).input(LineSource.of("donna")).build();
        assertEquals("donna", context.input("Ecrivez le prénom Donna:", "Donna"));
        assertEquals("Donna", context.input("Ecrivez le prénom Donna:", "Donna"));
        assertEquals(2, printed().lines().filter(l -> l.startsWith("Ecrivez le prénom Donna: ")).count());
    }

    @Test
    void pipedInputIsReadAndAnEmptyStreamNeverBlocks() {
        LineSource piped = LineSource.from(new ByteArrayInputStream("donna\n".getBytes(StandardCharsets.UTF_8)), false);
        assertEquals(Optional.of("donna"), piped.readLine());
        assertEquals(Optional.empty(), piped.readLine());
        assertEquals(Optional.empty(), LineSource.from(InputStream.nullInputStream(), false).readLine());
        assertEquals(Optional.empty(), LineSource.none().readLine());
    }

    @Test
    void scaleShortensSleepsAndWorkloads() {
        CellContext context = CellContext.builder().scale(0.01).build();
        assertEquals(Duration.ofMillis(100), context.scaled(Duration.ofSeconds(10)));
        assertEquals(10_000, context.size(1_000_000));
        assertEquals(1, context.size(5));
        assertThrows(IllegalArgumentException.class, () -> CellContext.builder().scale(0));
        assertThrows(IllegalArgumentException.class, () -> CellContext.builder().scale(Double.NaN));
    }

    @Test
    void randintStaysInItsBoundsAndFollowsTheSeed() {
        CellContext a = CellContext.builder().seed(1).build();
        CellContext b = CellContext.builder().seed(1).build();
        for (int i = 0; i < 100; i++) {
            int x = a.randint(1, 4);
            assertTrue(x >= 1 && x <= 4);
            assertEquals(x, b.randint(1, 4));
        }
    }

    @Test
    void recordAddsASpanOnlyWithATimeline() throws Exception {
        Timeline timeline = Timeline.start();
        CellContext context = CellContext.builder().timeline(timeline).build();
        context.record("séquentiel: a", () -> { });
        assertEquals("séquentiel: a", timeline.spans().getFirst().name());
        int[] ran = {0};
        CellContext.builder().build().record("b", () -> ran[0]++);
        assertEquals(1, ran[0]);
        assertTrue(CellContext.builder().build().timeline().isEmpty());
    }

    @Test
    void progressBarOnlyGrows() {
        ProgressBar bar = new ProgressBar(out, "map");
        bar.update(1, 4);
        bar.update(0, 4);
        bar.update(4, 4);
        assertEquals("map [#####...............] 1/4\nmap [####################] 4/4\n",
                printed().replace("\r\n", "\n"));
        assertThrows(IllegalArgumentException.class, () -> bar.update(5, 4));
    }
}
