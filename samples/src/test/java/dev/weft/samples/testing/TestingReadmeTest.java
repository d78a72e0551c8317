package dev.weft.samples.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Testing concurrent code" example is {@link ProducerConsumerTest}, word for word. */
class TestingReadmeTest {
    private static final String SECTION = "## Testing concurrent code\n";
    private static final String FENCE = "```java\n";

    @Test
    void theReadmeExampleIsTheTestThatRuns() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int section = readme.indexOf(SECTION);
        assertTrue(section >= 0, "README.md has no section " + SECTION.strip());
        int start = readme.indexOf(FENCE, section);
        int next = readme.indexOf("\n## ", section + SECTION.length());
        assertTrue(start >= 0 && (next < 0 || start < next), "the section has no java block");
        int end = readme.indexOf("```\n", start + FENCE.length());
        String example = readme.substring(start + FENCE.length(), end);
        String source = Files.readString(Path.of("src/test/java/dev/weft/samples/testing/ProducerConsumerTest.java"));
        assertEquals(source, example);
    }
}
