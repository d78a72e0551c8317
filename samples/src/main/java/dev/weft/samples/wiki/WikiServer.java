package dev.weft.samples.wiki;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.core.ThreadKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for {@code fr.wikipedia.org}: answers the MediaWiki API's
 * {@code /w/api.php?action=query&prop=extracts&titles=...} from summaries bundled with the samples,
 * on 127.0.0.1 and an ephemeral port, each answer after a fixed latency.
 *
 * <pre>{@code
 * try (WikiServer server = WikiServer.start(Duration.ofMillis(700))) {
 *     URI api = server.baseUri();          // http://127.0.0.1:PORT
 *     // GET api/w/api.php?action=query&prop=extracts&explaintext=1&format=json&formatversion=2&titles=Coroutine
 * }
 * }</pre>
 *
 * <p>Each request is served on its own virtual thread, so requests made at the same time wait
 * their latency at the same time, as they would on the real site. Pages: {@code Coroutine},
 * {@code Threading}, {@code Multithreading}, {@code Programmation_concurrente}; any other title
 * is answered as missing.
 */
public final class WikiServer implements AutoCloseable {
    /** The time one request took in the notebook (three pages in 2.2 s, one after the other). */
    public static final Duration NOTEBOOK_LATENCY = Duration.ofMillis(700);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Duration latency;
    private final AtomicInteger requests = new AtomicInteger();

    private WikiServer(HttpServer server, ExecutorService executor, Duration latency) {
        this.server = server;
        this.executor = executor;
        this.latency = latency;
    }

    /**
     * Starts a server on 127.0.0.1 and a free port.
     *
     * @param latency how long each answer waits before it is sent
     * @return the running server; close it to stop it
     * @throws UncheckedIOException if no port can be bound
     */
    public static WikiServer start(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecutorService executor = Executors.newThreadPerTaskExecutor(ThreadKind.VIRTUAL.factory("wiki-server"));
        WikiServer server = new WikiServer(http, executor, latency);
        http.createContext("/w/api.php", server::answer);
        http.setExecutor(executor);
        http.start();
        return server;
    }

    /** {@return the address to send requests to, such as {@code http://127.0.0.1:40123}} */
    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** {@return how many requests were answered so far} */
    public int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String title = query(exchange.getRequestURI().getRawQuery()).getOrDefault("titles", "");
            String text = page(title);
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String page = text == null
                    ? "{\"title\":" + JsonStrings.quote(title) + ",\"missing\":true}"
                    : "{\"title\":" + JsonStrings.quote(title) + ",\"extract\":" + JsonStrings.quote(text) + "}";
            byte[] body = ("{\"batchcomplete\":true,\"query\":{\"pages\":[" + page + "]}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String page(String title) throws IOException {
        if (!title.matches("[\\p{L}_ -]+")) {
            return null;
        }
        try (InputStream in = WikiServer.class.getResourceAsStream(title.replace(' ', '_') + ".txt")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    /** Stops the server and waits for the requests in flight to end. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
