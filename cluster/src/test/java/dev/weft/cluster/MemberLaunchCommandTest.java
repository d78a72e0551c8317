package dev.weft.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cluster.internal.MemberCommandLine;
import dev.weft.parallel.internal.LaunchLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cluster member in a child JVM starts as parallel's children do: one command line, parallel's
 * {@link LaunchLayout} (the black-box run of such members is {@link ChildJvmMemberTest}, on the
 * class path); here, the command lines of {@link ClusterMember#main} on the class path and on the
 * module path.
 */
class MemberLaunchCommandTest {
    private static final List<String> MEMBER_ARGS = List.of("--cluster-name", "farm", "--workers", "2");

    @Test
    void onTheClassPathAMemberIsStartedByItsMainClassWithThisJvmsClassPath() {
        List<String> command = LaunchLayout.current().command(List.of(), List.of("-Xmx128m"), ClusterMember.class,
                MEMBER_ARGS);
        int main = command.indexOf(ClusterMember.class.getName());
        assertEquals(MEMBER_ARGS, command.subList(main + 1, command.size()));
        assertEquals(System.getProperty("java.class.path"), command.get(command.indexOf("-cp") + 1));
        assertEquals("farm", MemberCommandLine.parse(MEMBER_ARGS.toArray(String[]::new)).options().clusterName(),
                "the member reads back what it was given");
    }

    @Test
    void onTheModulePathAMemberRunsFromTheClusterModuleWithTheAppAndTheParentsFlags() {
        LaunchLayout modular = new LaunchLayout("/jdk/bin/java", "", "mods", "", "app",
                List.of("--add-opens", "java.base/java.lang=com.hazelcast.core", "-agentlib:jdwp=transport=dt_socket"));
        List<String> command = modular.command(List.of(), List.of("-Xmx128m"), "dev.weft.cluster",
                ClusterMember.class.getName(), MEMBER_ARGS);
        assertEquals(List.of("/jdk/bin/java", "--add-opens=java.base/java.lang=com.hazelcast.core", "-Xmx128m",
                "--module-path", "mods", "--add-modules", "app", "-m", "dev.weft.cluster/dev.weft.cluster.ClusterMember",
                "--cluster-name", "farm", "--workers", "2"), command);
        assertTrue(command.stream().noneMatch(a -> a.startsWith("-agentlib")), "no debug agent");
    }
}
