package dev.weft.samples.wiki;

import java.util.Optional;

/**
 * The two bits of JSON the Wikipedia cells need: writing a string literal, and reading the string
 * value of one field out of an API answer. Not a JSON library: just enough for
 * {@code {"query":{"pages":[{"title":"...","extract":"..."}]}}}.
 *
 * <pre>{@code
 * String json = "{\"extract\":" + JsonStrings.quote("l'été \"chaud\"") + "}";
 * JsonStrings.field(json, "extract");   // Optional[l'été "chaud"]
 * }</pre>
 */
final class JsonStrings {

    private JsonStrings() {
    }

    /**
     * Writes {@code text} as a JSON string literal, quotes included.
     *
     * @param text the text
     * @return the literal
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Finds the first {@code "name": "..."} in {@code json} and decodes its string value.
     *
     * @param json the JSON text
     * @param name the field's name
     * @return the decoded value, or empty when the field is absent or not a string
     * @throws IllegalArgumentException if the string is not terminated or has a bad escape
     */
    static Optional<String> field(String json, String name) {
        String key = "\"" + name + "\"";
        int at = json.indexOf(key);
        if (at < 0) {
            return Optional.empty();
        }
        int i = at + key.length();
        while (i < json.length() && (json.charAt(i) == ':' || Character.isWhitespace(json.charAt(i)))) {
            i++;
        }
        if (i >= json.length() || json.charAt(i) != '"') {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (i++; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return Optional.of(out.toString());
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= json.length()) {
                break;
            }
            char e = json.charAt(i);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 >= json.length()) {
                        throw new IllegalArgumentException("truncated \\u escape in field " + name);
                    }
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("bad escape \\" + e + " in field " + name);
            }
        }
        throw new IllegalArgumentException("unterminated string in field " + name);
    }
}
