package dev.weft.cluster.internal;

import dev.weft.cluster.ClusterOptions;
import java.util.Arrays;
import java.util.Objects;

/**
 * The command line of {@code ClusterMember.main}: turns its arguments into {@link ClusterOptions}.
 *
 * @param options the member's options
 * @param stopOnStdinClose whether the member shuts down when its standard input ends
 */
public record MemberCommandLine(ClusterOptions options, boolean stopOnStdinClose) {

    /**
     * Parses the arguments.
     *
     * @param args the arguments of {@code main}
     * @return what they say
     * @throws IllegalArgumentException for an unknown option, a missing value or a missing
     *     {@code --cluster-name}
     */
    public static MemberCommandLine parse(String[] args) {
        Objects.requireNonNull(args, "args");
        ClusterOptions.Builder builder = ClusterOptions.builder();
        boolean named = false;
        boolean stopOnStdinClose = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--stop-on-stdin-close")) {
                stopOnStdinClose = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--cluster-name" -> {
                    builder.clusterName(value);
                    named = true;
                }
                case "--members" -> builder.members(Arrays.asList(value.split(",")));
                case "--bind" -> builder.bindAddress(value);
                case "--port" -> builder.port(number(option, value));
                case "--workers" -> builder.workersPerMember(number(option, value));
                case "--property" -> {
                    int equals = value.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--property needs NAME=VALUE: " + value);
                    }
                    builder.property(value.substring(0, equals), value.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + option + "; known: --cluster-name,"
                        + " --members, --bind, --port, --workers, --property, --stop-on-stdin-close");
            }
        }
        if (!named) {
            throw new IllegalArgumentException("--cluster-name is required: a member must know which cluster to join");
        }
        return new MemberCommandLine(builder.build(), stopOnStdinClose);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + value, e);
        }
    }
}
