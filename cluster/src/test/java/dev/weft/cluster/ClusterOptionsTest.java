package dev.weft.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cluster.internal.MemberCommandLine;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ClusterOptions} and the command line of {@link ClusterMember#main}: defaults and bad input. */
class ClusterOptionsTest {

    @Test
    void defaultsAreSafe() {
        ClusterOptions options = ClusterOptions.builder().build();
        assertTrue(options.clusterName().matches("weft-[0-9a-f]{8}"), options.clusterName());
        assertEquals("127.0.0.1", options.bindAddress());
        assertEquals(List.of("127.0.0.1"), options.members());
        assertEquals(5701, options.port());
        assertTrue(options.workersPerMember().isEmpty());
        assertEquals(3, options.maxAttempts());
        assertEquals(Duration.ofSeconds(30), options.connectTimeout());
        assertEquals(Map.of(), options.properties());
        assertNotEquals(options.clusterName(), ClusterOptions.builder().build().clusterName(),
                "each build makes a cluster of its own");
    }

    @Test
    void everySettingIsKept() {
        ClusterOptions options = ClusterOptions.builder()
                .clusterName("farm").bindAddress("10.0.0.5").members(List.of("10.0.0.5", "10.0.0.6:5702"))
                .port(5801).workersPerMember(8).maxAttempts(5).connectTimeout(Duration.ofSeconds(3))
                .property("hazelcast.max.no.heartbeat.seconds", "10")
                .build();
        assertEquals("farm", options.clusterName());
        assertEquals("10.0.0.5", options.bindAddress());
        assertEquals(List.of("10.0.0.5", "10.0.0.6:5702"), options.members());
        assertEquals(5801, options.port());
        assertEquals(8, options.workersPerMember().getAsInt());
        assertEquals(5, options.maxAttempts());
        assertEquals(Duration.ofSeconds(3), options.connectTimeout());
        assertEquals(Map.of("hazelcast.max.no.heartbeat.seconds", "10"), options.properties());
        assertTrue(options.toString().contains("clusterName=farm"));
    }

    @Test
    void membersDefaultToTheBindAddress() {
        assertEquals(List.of("10.0.0.9"), ClusterOptions.builder().bindAddress("10.0.0.9").build().members());
    }

    @Test
    void badValuesAreRefusedAndTheBuilderGoesOn() {
        ClusterOptions.Builder builder = ClusterOptions.builder();
        NullPointerException npe = assertThrows(NullPointerException.class, () -> builder.clusterName(null));
        assertEquals("clusterName", npe.getMessage());
        assertThrows(NullPointerException.class, () -> builder.members(null));
        assertThrows(NullPointerException.class, () -> builder.members(Arrays.asList("a", null)));
        assertThrows(NullPointerException.class, () -> builder.bindAddress(null));
        assertThrows(NullPointerException.class, () -> builder.connectTimeout(null));
        assertThrows(NullPointerException.class, () -> builder.property(null, "v"));
        assertThrows(NullPointerException.class, () -> builder.property("k", null));
        assertThrows(IllegalArgumentException.class, () -> builder.clusterName(" "));
        assertThrows(IllegalArgumentException.class, () -> builder.members(List.of()));
        assertThrows(IllegalArgumentException.class, () -> builder.members(List.of("")));
        assertThrows(IllegalArgumentException.class, () -> builder.port(0));
        assertThrows(IllegalArgumentException.class, () -> builder.port(65_536));
        assertThrows(IllegalArgumentException.class, () -> builder.workersPerMember(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(Duration.ofSeconds(-1)));
        assertEquals("ok", builder.clusterName("ok").build().clusterName());
    }

    @Test
    void eachSettingIsGivenOnce() {
        ClusterOptions.Builder builder = ClusterOptions.builder()
                .clusterName("a").members(List.of("h")).bindAddress("127.0.0.1").port(1).workersPerMember(1)
                .maxAttempts(1).connectTimeout(Duration.ofSeconds(1)).property("p", "1");
        assertThrows(IllegalStateException.class, () -> builder.clusterName("b"));
        assertThrows(IllegalStateException.class, () -> builder.members(List.of("h")));
        assertThrows(IllegalStateException.class, () -> builder.bindAddress("127.0.0.1"));
        assertThrows(IllegalStateException.class, () -> builder.port(2));
        assertThrows(IllegalStateException.class, () -> builder.workersPerMember(2));
        assertThrows(IllegalStateException.class, () -> builder.maxAttempts(2));
        assertThrows(IllegalStateException.class, () -> builder.connectTimeout(Duration.ofSeconds(2)));
        assertThrows(IllegalStateException.class, () -> builder.property("p", "2"));
        assertEquals(builder.build().clusterName(), builder.build().clusterName(), "build() may be called again");
    }

    @Test
    void theMemberCommandLineBecomesOptions() {
        MemberCommandLine line = MemberCommandLine.parse(new String[] {"--cluster-name", "farm", "--members",
            "10.0.0.5,10.0.0.6", "--bind", "10.0.0.5", "--port", "5801", "--workers", "4", "--property", "a.b=c=d",
            "--stop-on-stdin-close"});
        assertEquals("farm", line.options().clusterName());
        assertEquals(List.of("10.0.0.5", "10.0.0.6"), line.options().members());
        assertEquals("10.0.0.5", line.options().bindAddress());
        assertEquals(5801, line.options().port());
        assertEquals(4, line.options().workersPerMember().getAsInt());
        assertEquals(Map.of("a.b", "c=d"), line.options().properties());
        assertTrue(line.stopOnStdinClose());
        assertFalse(MemberCommandLine.parse(new String[] {"--cluster-name", "x"}).stopOnStdinClose());
    }

    @Test
    void aWrongCommandLineSaysWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MemberCommandLine.parse(new String[0]))
                .getMessage().contains("--cluster-name is required"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MemberCommandLine.parse(new String[] {"--cluster-name", "x", "--colour", "red"}))
                .getMessage().contains("unknown option --colour"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MemberCommandLine.parse(new String[] {"--cluster-name"}))
                .getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MemberCommandLine.parse(new String[] {"--cluster-name", "x", "--port", "many"}))
                .getMessage().contains("--port needs a number"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MemberCommandLine.parse(new String[] {"--cluster-name", "x", "--property", "novalue"}))
                .getMessage().contains("NAME=VALUE"));
        assertThrows(NullPointerException.class, () -> MemberCommandLine.parse(null));
    }
}
