package dev.weft.reliability;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the reliability suite checked, counted as it runs: operations checked by Lincheck,
 * faults injected (interrupts, cancellations, worker kills, broken children), bad inputs tried,
 * and items lost (which every test asserts is zero). {@link FiguresExtension} writes the totals
 * to {@code target/reliability-figures.md} when the run ends.
 *
 * <pre>{@code
 * Figures.add(MyTest.class, Figures.Kind.FAULTS_INJECTED, interruptsSent);
 * }</pre>
 */
public final class Figures {
    /** The four things the suite counts. */
    public enum Kind {
        /** Operations executed by Lincheck and verified against a sequential specification. */
        OPERATIONS_CHECKED("operations checked"),
        /** Interrupts, cancellations, worker kills and misbehaving children. */
        FAULTS_INJECTED("faults injected"),
        /** Calls made with bad input (null, negative, zero, empty, closed, wrong thread). */
        INPUTS_TRIED("inputs tried"),
        /** Items, permits or results that went missing; always 0 in a passing run. */
        ITEMS_LOST("items lost");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** {@return the label used in the report} */
        public String label() {
            return label;
        }
    }

    private static final Map<String, Map<Kind, LongAdder>> BY_CLASS = new ConcurrentSkipListMap<>();

    private Figures() {
    }

    /**
     * Adds {@code n} to the count of {@code kind} for the test class {@code owner}.
     *
     * @param owner the test class that did the checking
     * @param kind what was counted
     * @param n how many
     */
    public static void add(Class<?> owner, Kind kind, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        counters(owner).get(kind).add(n);
    }

    /**
     * Makes sure {@code owner} appears in the report, even with nothing counted yet.
     *
     * @param owner the test class
     */
    public static void touch(Class<?> owner) {
        counters(owner);
    }

    private static Map<Kind, LongAdder> counters(Class<?> owner) {
        return BY_CLASS.computeIfAbsent(owner.getName().replace("dev.weft.reliability.", ""), k -> {
            Map<Kind, LongAdder> m = new java.util.EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                m.put(kind, new LongAdder());
            }
            return m;
        });
    }

    /**
     * {@return the total of {@code kind} over every class}
     *
     * @param kind what was counted
     */
    public static long total(Kind kind) {
        return BY_CLASS.values().stream().mapToLong(m -> m.get(kind).sum()).sum();
    }

    /** {@return the report as Markdown: totals, then one row per test class} */
    static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# weft reliability figures\n\n");
        sb.append("stress factor: ").append(Integer.getInteger("weft.stress.factor", 1))
                .append(", Java ").append(Runtime.version()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n\n");
        sb.append("| total | count |\n|---|---:|\n");
        for (Kind kind : Kind.values()) {
            sb.append("| ").append(kind.label()).append(" | ").append(String.format("%,d", total(kind))).append(" |\n");
        }
        sb.append("\n| test class |");
        for (Kind kind : Kind.values()) {
            sb.append(' ').append(kind.label()).append(" |");
        }
        sb.append("\n|---|");
        sb.append("---:|".repeat(Kind.values().length)).append('\n');
        BY_CLASS.forEach((name, m) -> {
            sb.append("| ").append(name).append(" |");
            for (Kind kind : Kind.values()) {
                sb.append(' ').append(String.format("%,d", m.get(kind).sum())).append(" |");
            }
            sb.append('\n');
        });
        return sb.toString();
    }
}
