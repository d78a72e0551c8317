package dev.weft.samples.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.CellHarness;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PipelineSampleTest {
    private static final Pattern PRICED = Pattern.compile("étape 2: commande (\\d+) chiffrée par (worker-\\d): (\\d+) €");
    private static final Pattern CASHED = Pattern.compile("étape 3: commande (\\d+) encaissée, total (\\d+) €");

    @Test
    void everyOrderGoesThroughTheThreeStagesOnce() throws Exception {
        var result = CellHarness.run(new PipelineSample());
        int expected = IntStream.rangeClosed(1, PipelineSample.ORDERS).map(PipelineSample::price).sum();
        assertEquals(PipelineSample.ORDERS, result.count(l -> l.startsWith("étape 1: commande ")));
        Set<Integer> priced = new HashSet<>();
        List<Integer> cashed = new ArrayList<>();
        for (String line : result.nonBlank()) {
            Matcher p = PRICED.matcher(line);
            if (p.matches()) {
                assertTrue(priced.add(Integer.parseInt(p.group(1))), line);
                assertEquals(PipelineSample.price(Integer.parseInt(p.group(1))), Integer.parseInt(p.group(3)));
            }
            Matcher c = CASHED.matcher(line);
            if (c.matches()) {
                cashed.add(Integer.parseInt(c.group(1)));
            }
        }
        assertEquals(PipelineSample.ORDERS, priced.size());
        assertEquals(PipelineSample.ORDERS, cashed.size());
        assertEquals(priced, new HashSet<>(cashed));
        assertTrue(result.nonBlank().contains("total de " + PipelineSample.ORDERS + " commandes: " + expected + " €"),
                result.text());
    }
}
