package dev.weft.benchmarks.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the comparison's results into the README table and the SVG chart. */
final class Report {
    static final String START = "<!-- compare:start -->";
    static final String END = "<!-- compare:end -->";

    private Report() {
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Marks as errors the sides whose check value differs from the first side's. */
    static List<Compare.Result> checkAgreement(List<Compare.Result> results) {
        Map<Compare.Case, String> reference = new LinkedHashMap<>();
        List<Compare.Result> out = new ArrayList<>();
        for (Compare.Result r : results) {
            if (r.error() != null) {
                out.add(r);
                continue;
            }
            String expected = reference.putIfAbsent(r.c(), r.check());
            if (expected != null && !sameValue(expected, r.check())) {
                out.add(new Compare.Result(r.c(), r.side(), Double.NaN, r.check(), r.peakRssKb(),
                        "computed " + r.check() + ", expected " + expected));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    static boolean sameValue(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            double x = Double.parseDouble(a);
            double y = Double.parseDouble(b);
            return Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String describeMachine(String java) {
        return String.format(Locale.ROOT, "%d cores, %s %s (%s), %s, on %s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), java, command("python3", "--version"), LocalDate.now());
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return out;
        } catch (IOException e) {
            return command[0] + " not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return command[0] + " (interrupted)";
        }
    }

    static String value(Compare.Result r) {
        if (r.error() != null) {
            return "error";
        }
        return switch (r.c().unit()) {
            case "ms" -> String.format(Locale.ROOT, "%.1f ms", r.medianMillis());
            case "µs/task" -> String.format(Locale.ROOT, "%.1f µs/task (%.1f ms)", r.perOpNanos() / 1e3, r.medianMillis());
            default -> String.format(Locale.ROOT, "%.1f %s", r.perOpNanos(), r.c().unit());
        };
    }

    /** {@return a speed-up with two decimals, or three significant digits below 0.1} */
    static String ratio(double speedup) {
        return String.format(Locale.ROOT, speedup < 0.1 ? "%.3g×" : "%.2f×", speedup);
    }

    /** {@return how many times faster than the case's first (Python) side this side was} */
    static double speedup(Compare.Result base, Compare.Result r) {
        return base.medianMillis() / r.medianMillis();
    }

    static String table(List<Compare.Result> results, String machine, boolean quick) {
        StringBuilder md = new StringBuilder();
        md.append("Measured on ").append(machine).append(quick ? " — **quick mode** (small sizes, one run)" : "")
                .append(". Each cell is the median of the runs after a warm-up; \"× Python\" is how many times faster")
                .append(" than the first (Python) line of its group. Peak RSS is the measuring process's own (`VmHWM`),")
                .append(" without pool children.\n\n");
        md.append("| workload | side | median | × Python | peak RSS | check |\n|---|---|---|---|---|---|\n");
        Compare.Case current = null;
        Compare.Result base = null;
        for (Compare.Result r : results) {
            if (r.c() != current) {
                current = r.c();
                base = r;
            }
            String ratio = r.error() == null && base.error() == null
                    ? ratio(speedup(base, r)) : "—";
            md.append("| ").append(r == base ? r.c().title() : "").append(" | ").append(r.side()).append(" | ")
                    .append(value(r)).append(" | ").append(ratio).append(" | ")
                    .append(r.peakRssKb() > 0 ? String.format(Locale.ROOT, "%.0f MiB", r.peakRssKb() / 1024.0) : "—")
                    .append(" | ").append(r.error() == null ? "`" + r.check() + "`" : r.error().replace("|", "/"))
                    .append(" |\n");
        }
        return md.toString();
    }

    static void writeReadme(Path readme, List<Compare.Result> results, String machine, boolean quick) throws IOException {
        String section = START + "\n" + table(results, machine, quick) + "\n![speed relative to Python](compare-chart.svg)\n"
                + END;
        String text = Files.exists(readme) ? Files.readString(readme) : "# weft benchmarks\n\n" + START + "\n" + END + "\n";
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        if (from < 0 || to < 0) {
            text = text + "\n## Side by side with Python\n\n" + section + "\n";
        } else {
            text = text.substring(0, from) + section + text.substring(to + END.length());
        }
        Files.writeString(readme, text, StandardCharsets.UTF_8);
    }

    /** A horizontal bar chart of the speed-ups, on a log scale, one group a workload. */
    static String chart(List<Compare.Result> results) {
        int rowHeight = 16;
        int label = 330;
        int track = 420;
        List<String> rows = new ArrayList<>();
        Compare.Case current = null;
        Compare.Result base = null;
        int y = 30;
        double maxLog = 3; // 1000×
        for (Compare.Result r : results) {
            if (r.c() != current) {
                current = r.c();
                base = r;
                y += 8;
                rows.add(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-weight=\"bold\">%s</text>", y + 12,
                        escape(r.c().title())));
                y += rowHeight;
            }
            double speedup = r.error() == null && base.error() == null ? speedup(base, r) : Double.NaN;
            double center = label + track / 2.0;
            String colour = r.side().startsWith("python") ? "#4e79a7" : r.side().startsWith("weft") ? "#e15759" : "#59a14f";
            if (!Double.isNaN(speedup)) {
                double log = Math.max(-maxLog, Math.min(maxLog, Math.log10(speedup)));
                double w = Math.abs(log) / maxLog * track / 2;
                double x = log >= 0 ? center : center - w;
                rows.add(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", x, y + 2, Math.max(w, 1.0),
                        rowHeight - 4, colour));
                rows.add(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", label + track + 6, y + 12,
                        ratio(speedup)));
            }
            rows.add(String.format(Locale.ROOT, "<text x=\"24\" y=\"%d\">%s</text>", y + 12, escape(r.side())));
            y += rowHeight;
        }
        int height = y + 30;
        int width = label + track + 70;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT,
                "<text x=\"4\" y=\"16\" font-size=\"13\">Speed relative to the Python original (log scale; right of the"
                        + " line is faster)</text>%n"));
        double center = label + track / 2.0;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n",
                center, center, y));
        for (int p = -3; p <= 3; p++) {
            if (p == 0) {
                continue;
            }
            double x = center + p / maxLog * track / 2;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%d\""
                            + " text-anchor=\"middle\">%s</text>%n",
                    x, x, y, x, y + 14, p > 0 ? "×" + (int) Math.pow(10, p) : "÷" + (int) Math.pow(10, -p)));
        }
        for (String row : rows) {
            svg.append(row).append('\n');
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
