package dev.weft.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a list of spans as an SVG Gantt chart; {@link Timeline#writeSvg} is the public door. */
final class TimelineSvg {
    private static final String[] PALETTE = {
        "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
    };
    private static final int ROW = 26;
    private static final int BAR = 18;
    private static final int TRACK = 600;
    private static final int TOP = 10;

    private final List<Timeline.Span> spans;
    private final Duration elapsed;

    TimelineSvg(List<Timeline.Span> spans, Duration elapsed) {
        this.spans = spans;
        this.elapsed = elapsed;
    }

    String render() {
        int labelWidth = 8 + 7 * spans.stream().mapToInt(s -> s.name().length()).max().orElse(4);
        int width = labelWidth + TRACK + 80;
        int height = TOP + ROW * spans.size() + 40;
        double total = Math.max(1, elapsed.toNanos());
        Map<String, String> colours = new LinkedHashMap<>();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"monospace\" font-size=\"12\">%n", width, height, width, height));
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        int row = 0;
        for (Timeline.Span span : spans) {
            int y = TOP + row * ROW;
            double x = labelWidth + span.start().toNanos() / total * TRACK;
            double w = Math.max(1.0, span.duration().toNanos() / total * TRACK);
            String colour = colours.computeIfAbsent(span.thread(), t -> PALETTE[colours.size() % PALETTE.length]);
            svg.append(String.format(Locale.ROOT,
                    "  <text x=\"4\" y=\"%d\">%s</text>%n", y + BAR - 4, escape(span.name())));
            svg.append(String.format(Locale.ROOT,
                    "  <rect class=\"span\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\""
                            + " data-name=\"%s\" data-thread=\"%s\" data-start-ms=\"%.3f\" data-end-ms=\"%.3f\">"
                            + "<title>%s on %s: %.3f s</title></rect>%n",
                    x, y, w, BAR, colour, escape(span.name()), escape(span.thread()),
                    span.start().toNanos() / 1e6, span.end().toNanos() / 1e6,
                    escape(span.name()), escape(span.thread()), span.duration().toNanos() / 1e9));
            row++;
        }
        int axisY = TOP + row * ROW + 6;
        svg.append(String.format(Locale.ROOT,
                "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                labelWidth, axisY, labelWidth + TRACK, axisY));
        for (int tick = 0; tick <= 4; tick++) {
            double x = labelWidth + tick * TRACK / 4.0;
            svg.append(String.format(Locale.ROOT,
                    "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f s</text>%n",
                    x, axisY + 16, tick * total / 4 / 1e9));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
