package dev.weft.core;

import com.sun.tools.attach.VirtualMachine;
import dev.weft.core.internal.registry.ScopesMBean;
import java.io.PrintStream;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A command that prints the {@link Scopes#dump()} of another running JVM:
 * {@code java -cp weft-core.jar dev.weft.core.Dump <pid>} ({@code --json} for
 * {@link Scopes#dumpJson()}). It attaches to the process with the JDK's Attach API, starts its
 * local JMX agent ({@code VirtualMachine.startLocalManagementAgent()}) and calls the operation
 * {@code dump} of its MBean {@code dev.weft:type=Scopes}, the way {@code jcmd} reaches a JVM. The
 * target must run as the same user; it needs no flag.
 *
 * {@snippet class=dev.weft.core.snippets.CoreSnippets region=dump-command}
 *
 * <p>The Attach API ({@code jdk.attach}) is needed by this command only: weft-core requires it
 * {@code static}, so applications never load it. On the class path the JDK resolves it by itself;
 * on the module path run {@code java --add-modules jdk.attach -p weft-core.jar -m
 * dev.weft.core/dev.weft.core.Dump <pid>}.
 *
 * @since 0.1
 */
public final class Dump {
    /** How long a process may take to register its MBean after its first scope opened. */
    private static final long REGISTRATION_GRACE_NANOS = 5_000_000_000L;

    private Dump() {
    }

    /**
     * Prints the dump of the JVM {@code args[0]}, and exits with 0; with a bad argument, or if it
     * cannot be reached, prints why on the standard error and exits with 2.
     *
     * @param args the process id, then {@code --json} if wanted
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Does the work of {@link #main}, writing to the given streams.
     *
     * @param args the arguments of {@code main}
     * @param out where the dump goes
     * @param err where a problem is told
     * @return the exit status: 0, or 2 for a bad argument or an unreachable process
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean json = args.length == 2 && args[1].equals("--json");
        if (args.length < 1 || args.length > 2 || args.length == 2 && !json) {
            err.println("usage: java -cp weft-core.jar dev.weft.core.Dump <pid> [--json]");
            return 2;
        }
        long pid;
        try {
            pid = Long.parseLong(args[0]);
        } catch (NumberFormatException e) {
            err.println("not a process id: " + args[0]);
            return 2;
        }
        try {
            out.print(fetch(pid, json));
            out.flush();
            return 0;
        } catch (InstanceNotFoundException e) {
            err.println("process " + pid + " has no " + ScopesMBean.OBJECT_NAME
                    + ": weft is not loaded there, or has opened no scope yet");
            return 2;
        } catch (Exception e) {
            err.println("cannot reach process " + pid + ": " + e);
            return 2;
        }
    }

    /**
     * Attaches to {@code pid} and returns its dump.
     *
     * @param pid the process
     * @param json whether to ask for JSON
     * @return the dump
     * @throws Exception if the process cannot be attached, or has no weft MBean
     */
    static String fetch(long pid, boolean json) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName(ScopesMBean.OBJECT_NAME);
            // the first scope registers the MBean in the background: give a process that has just
            // opened it a moment before answering "no weft here"
            long giveUp = System.nanoTime() + REGISTRATION_GRACE_NANOS;
            while (!server.isRegistered(name) && System.nanoTime() - giveUp < 0) {
                Thread.sleep(50);
            }
            Object dump = server.invoke(name, json ? "dumpJson" : "dump",
                    new Object[0], new String[0]);
            String text = String.valueOf(dump);
            return text.endsWith("\n") ? text : text + "\n";
        }
    }
}
