package dev.weft.samples.wiki;

import dev.weft.samples.CellContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The port of the {@code wikipedia} package the notebook used ({@code wikipedia.set_lang("fr")},
 * {@code wikipedia.page(p).content}, {@code wikipedia.summary(p)}): real HTTP requests to the
 * MediaWiki API, either of {@code fr.wikipedia.org} or of a local {@link WikiServer}.
 *
 * <pre>{@code
 * try (Wikipedia wiki = Wikipedia.open(context)) {
 *     String first = wiki.content("Multithreading").split("\\.", 2)[0];
 * }
 * }</pre>
 *
 * <p>Thread-safe: the cells call it from several threads at once.
 */
public final class Wikipedia implements AutoCloseable {
    /** The real site, used with {@code --online}. */
    public static final URI FRENCH_WIKIPEDIA = URI.create("https://fr.wikipedia.org");

    private final URI base;
    private final HttpClient http;
    private final WikiServer server;

    private Wikipedia(URI base, WikiServer server) {
        this.base = base;
        this.server = server;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Opens Wikipedia for a cell: the real French site when the context is online, else a local
     * server with the notebook's latency, scaled.
     *
     * @param context the cell's context
     * @return the client; close it to stop the local server
     */
    public static Wikipedia open(CellContext context) {
        if (context.online()) {
            return new Wikipedia(FRENCH_WIKIPEDIA, null);
        }
        WikiServer server = WikiServer.start(context.scaled(WikiServer.NOTEBOOK_LATENCY));
        return new Wikipedia(server.baseUri(), server);
    }

    /**
     * Opens a client of the API at {@code base}.
     *
     * @param base the site, such as {@link #FRENCH_WIKIPEDIA} or a {@link WikiServer#baseUri()}
     * @return the client
     */
    public static Wikipedia at(URI base) {
        return new Wikipedia(Objects.requireNonNull(base, "base"), null);
    }

    /**
     * {@code wikipedia.page(title).content}: the page's text.
     *
     * @param title the page's title
     * @return the plain text
     * @throws IOException if the request fails or the page does not exist
     * @throws InterruptedException if interrupted while waiting for the answer
     */
    public String content(String title) throws IOException, InterruptedException {
        return extract(title, false);
    }

    /**
     * {@code wikipedia.summary(title)}: the page's introduction.
     *
     * @param title the page's title
     * @return the plain text
     * @throws IOException if the request fails or the page does not exist
     * @throws InterruptedException if interrupted while waiting for the answer
     */
    public String summary(String title) throws IOException, InterruptedException {
        return extract(title, true);
    }

    private String extract(String title, boolean intro) throws IOException, InterruptedException {
        String query = "action=query&prop=extracts&explaintext=1&redirects=1&format=json&formatversion=2"
                + (intro ? "&exintro=1" : "") + "&titles=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/w/api.php?" + query))
                .header("User-Agent", "weft-samples/0.1 (notebook port; https://github.com/weft)")
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + request.uri());
        }
        return JsonStrings.field(response.body(), "extract")
                .orElseThrow(() -> new IOException("Page id \"" + title + "\" does not match any pages."));
    }

    /** Closes the HTTP client and stops the local server, if any. */
    @Override
    public void close() {
        http.close();
        if (server != null) {
            server.close();
        }
    }
}
