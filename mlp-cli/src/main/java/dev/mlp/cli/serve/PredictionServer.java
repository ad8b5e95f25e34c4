package dev.mlp.cli.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves predictions of one or more saved models over HTTP, on the JDK's
 * {@code com.sun.net.httpserver}.
 *
 * <p>Endpoints: {@code GET /health}; {@code GET /models} (the names);
 * {@code GET /models/NAME} (what the model file holds, as {@code mlp inspect} shows it) and
 * {@code POST /models/NAME/predict}; with a single model also {@code GET /model} and
 * {@code POST /predict}. A prediction request is JSON ({@code {"rows": [{"feature": value, ...}]}}
 * or {@code {"rows": [[...], ...]}}) or CSV ({@code Content-Type: text/csv}, a header row of
 * feature names); the answer is JSON, or CSV in the columns of {@code mlp predict} if the
 * request says {@code Accept: text/csv}.
 *
 * <p>Every refused request gets a 4xx answer with a JSON body {@code {"error": "...",
 * "status": N}} naming the problem (and a 503 while the server shuts down). Requests are
 * handled on a fixed pool of threads; the models are shared by them, read-only.
 */
public final class PredictionServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PredictionServer.class);

    private static final String JSON_TYPE = "application/json";
    private static final String CSV_TYPE = "text/csv";

    /**
     * How to run the server.
     *
     * @param host the address to listen on, such as {@code 127.0.0.1}
     * @param port the port; 0 for any free one
     * @param threads the number of threads handling requests, at least 1
     * @param maxBodyBytes the largest request body accepted, in bytes; larger ones get a 413
     */
    public record Config(String host, int port, int threads, long maxBodyBytes) {

        /** Checks the ranges. */
        public Config {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in [0, 65535], found " + port);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, found "
                        + threads);
            }
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("the body limit must be at least 1 byte, "
                        + "found " + maxBodyBytes);
            }
        }
    }

    private final Map<String, ServedModel> models;
    private final Config config;
    private final HttpServer server;
    private final ExecutorService pool;
    /** Requests being handled. */
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean stopping;

    private PredictionServer(Map<String, ServedModel> models, Config config, HttpServer server,
                             ExecutorService pool) {
        this.models = models;
        this.config = config;
        this.server = server;
        this.pool = pool;
    }

    /**
     * Starts serving.
     *
     * @param models the models by name, at least one
     * @param config where and how
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static PredictionServer start(Map<String, ServedModel> models, Config config)
            throws IOException {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model to serve");
        }
        jdkServerSettings(null);
        HttpServer server = HttpServer.create(new InetSocketAddress(config.host(),
                config.port()), 0);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "mlp-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), threads);
        PredictionServer s = new PredictionServer(new LinkedHashMap<>(models), config, server,
                pool);
        server.createContext("/", s::handle);
        server.setExecutor(pool);
        server.start();
        LOG.info("serving {} on {}", s.models.keySet(), s.address());
        return s;
    }

    /**
     * Sets what the JDK's server reads from system properties once, when the first server of the
     * process is made (so call this before); a property already set (with {@code -D}) is kept.
     * Answers are sent without waiting to fill packets ({@code TCP_NODELAY}): the server writes
     * an answer's header and body separately, and Nagle's algorithm with delayed
     * acknowledgements would hold each answer back for tens of milliseconds.
     *
     * @param requestTimeoutSeconds how long a request may take to arrive and its answer to be
     *        sent before the connection is closed, or {@code null} to leave the JDK's default
     *        (no limit)
     */
    public static void jdkServerSettings(Long requestTimeoutSeconds) {
        var p = System.getProperties();
        p.putIfAbsent("sun.net.httpserver.nodelay", "true");
        if (requestTimeoutSeconds != null) {
            p.putIfAbsent("sun.net.httpserver.maxReqTime", requestTimeoutSeconds.toString());
            p.putIfAbsent("sun.net.httpserver.maxRspTime", requestTimeoutSeconds.toString());
        }
    }

    /** @return the address the server listens on (with the actual port if 0 was asked) */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** @return the models served, by name */
    public Map<String, ServedModel> models() {
        return java.util.Collections.unmodifiableMap(models);
    }

    /**
     * Lets the requests under way finish (for at most {@code grace}; requests that arrive
     * meanwhile get 503), then closes the connections and stops the threads.
     *
     * @param grace how long to wait for requests under way
     */
    public void stop(Duration grace) {
        // not HttpServer.stop(grace) alone: on Java 17 it waits the whole grace period even
        // when no request is under way
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (active.get() > 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped serving on {}", address());
    }

    /** Stops at once, without waiting for requests under way. */
    @Override
    public void close() {
        stop(Duration.ZERO);
    }

    // ---------------------------------------------------------------- routing

    private void handle(HttpExchange ex) {
        active.incrementAndGet();
        try (ex) {
            try {
                if (stopping) {
                    ex.getResponseHeaders().set("Connection", "close");
                    throw new ApiException(503, "the server is shutting down");
                }
                route(ex);
            } catch (ApiException e) {
                LOG.debug("{} {}: {} {}", ex.getRequestMethod(), ex.getRequestURI(), e.status(),
                        e.getMessage());
                if (e.header() != null) {
                    ex.getResponseHeaders().set(e.header(), e.headerValue());
                }
                sendError(ex, e.status(), e.getMessage());
            } catch (IOException e) {
                // the client went away or broke the connection; nothing to answer
                LOG.debug("{} {}: {}", ex.getRequestMethod(), ex.getRequestURI(), e.toString());
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
                sendError(ex, 500, "internal error: " + e);
            }
        } finally {
            active.decrementAndGet();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        switch (path) {
            case "/health" -> {
                method(ex, "GET");
                sendJson(ex, 200, g -> {
                    g.writeStartObject();
                    g.writeStringField("status", "ok");
                    g.writeArrayFieldStart("models");
                    for (String name : models.keySet()) {
                        g.writeString(name);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
                return;
            }
            case "/models" -> {
                method(ex, "GET");
                sendJson(ex, 200, g -> {
                    g.writeStartObject();
                    g.writeArrayFieldStart("models");
                    for (ServedModel m : models.values()) {
                        g.writeStartObject();
                        g.writeStringField("name", m.name());
                        g.writeStringField("task", m.classification() ? "classification"
                                : "regression");
                        g.writeStringField("predict", "/models/" + m.name() + "/predict");
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
                return;
            }
            case "/model" -> {
                method(ex, "GET");
                sendJson(ex, 200, g -> ModelJson.write(g, only("/model")));
                return;
            }
            case "/predict" -> {
                method(ex, "POST");
                predict(ex, only("/predict"));
                return;
            }
            default -> {
                // below
            }
        }
        if (path.startsWith("/models/")) {
            String rest = path.substring("/models/".length());
            int slash = rest.indexOf('/');
            String name = decode(slash < 0 ? rest : rest.substring(0, slash));
            String tail = slash < 0 ? "" : rest.substring(slash);
            ServedModel m = models.get(name);
            if (m == null) {
                throw new ApiException(404, "no model named '" + name + "'; served: "
                        + String.join(", ", models.keySet()));
            }
            if (tail.isEmpty()) {
                method(ex, "GET");
                sendJson(ex, 200, g -> ModelJson.write(g, m));
                return;
            }
            if (tail.equals("/predict")) {
                method(ex, "POST");
                predict(ex, m);
                return;
            }
        }
        throw new ApiException(404, "no such endpoint: " + path + "; try " + endpoints());
    }

    private String endpoints() {
        StringBuilder sb = new StringBuilder("GET /health, GET /models");
        if (models.size() == 1) {
            sb.append(", GET /model, POST /predict");
        }
        String first = models.keySet().iterator().next();
        sb.append(", GET /models/").append(first).append(", POST /models/").append(first)
                .append("/predict");
        return sb.toString();
    }

    private ServedModel only(String path) {
        if (models.size() != 1) {
            throw new ApiException(404, path + " needs a model name when several are served: "
                    + "use /models/NAME" + (path.equals("/predict") ? "/predict" : "")
                    + " with NAME one of " + String.join(", ", models.keySet()));
        }
        return models.values().iterator().next();
    }

    private static void method(HttpExchange ex, String allowed) {
        if (!ex.getRequestMethod().equals(allowed)) {
            throw new ApiException(405, ex.getRequestMethod() + " is not allowed on "
                    + ex.getRequestURI().getRawPath() + "; use " + allowed, "Allow", allowed);
        }
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad escape in the path: " + s);
        }
    }

    // ---------------------------------------------------------------- predict

    private void predict(HttpExchange ex, ServedModel m) throws IOException {
        String type = mediaType(ex.getRequestHeaders().getFirst("Content-Type"));
        if (!type.equals(JSON_TYPE) && !type.equals(CSV_TYPE)) {
            throw new ApiException(415, (type.isEmpty() ? "no Content-Type"
                    : "Content-Type " + type + " is not supported")
                    + "; send application/json or text/csv");
        }
        boolean csvAnswer = wantsCsv(ex.getRequestHeaders().get("Accept"));
        byte[] body = readBody(ex);
        List<String> written;
        double[][] x;
        Map<String, Integer> unseen = Map.of();
        if (m.takesRawColumns()) {
            RawRows.Encoded e = type.equals(CSV_TYPE)
                    ? RawRows.fromCsv(RequestRows.text(body), m)
                    : RawRows.fromJson(RequestRows.rowsNode(body), m);
            x = e.inputs();
            written = e.written();
            unseen = e.unseen();
        } else {
            written = type.equals(CSV_TYPE) ? new java.util.ArrayList<>() : null;
            x = type.equals(CSV_TYPE) ? RequestRows.fromCsv(body, m, written)
                    : RequestRows.fromJson(body, m);
        }
        double[][] p = m.model().predict(x);
        if (!unseen.isEmpty()) {
            // the count of categories not seen in training, per column, as a response header
            StringBuilder sb = new StringBuilder();
            unseen.forEach((c, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(c)
                    .append('=').append(n));
            ex.getResponseHeaders().add("X-Unseen-Categories", sb.toString());
        }
        Map<String, Integer> unseenCounts = unseen;
        if (csvAnswer) {
            byte[] csv = PredictionWriter.csv(m, x, written, p).getBytes(StandardCharsets.UTF_8);
            send(ex, 200, CSV_TYPE + "; charset=utf-8", csv);
        } else {
            sendJson(ex, 200, g -> PredictionWriter.json(g, m, p, unseenCounts));
        }
    }

    /** Whether the client asks for CSV; refuses (406) an Accept header that allows neither. */
    static boolean wantsCsv(List<String> accept) {
        if (accept == null || accept.isEmpty()) {
            return false;
        }
        for (String header : accept) {
            for (String range : header.split(",")) {
                String t = mediaType(range);
                if (t.equals(JSON_TYPE) || t.equals("*/*") || t.equals("application/*")
                        || t.isEmpty()) {
                    return false;
                }
                if (t.equals(CSV_TYPE) || t.equals("text/*")) {
                    return true;
                }
            }
        }
        throw new ApiException(406, "cannot answer in " + String.join(", ", accept)
                + "; accept application/json or text/csv");
    }

    private static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).strip()
                .toLowerCase(Locale.ROOT);
    }

    /** The most bytes of a refused body read and dropped before answering 413. */
    private static final long DRAIN_LIMIT = 64L << 20;

    private byte[] readBody(HttpExchange ex) throws IOException {
        long limit = config.maxBodyBytes();
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new ApiException(400, "Content-Length '" + length + "' is not a number");
            }
            if (declared > limit) {
                drain(ex.getRequestBody(), declared);
                throw tooLarge(limit);
            }
        }
        InputStream in = ex.getRequestBody();
        ByteArrayOutputStream buf = new ByteArrayOutputStream(
                length == null ? 8192 : (int) Math.min(limit, Long.parseLong(length.strip())));
        byte[] chunk = new byte[8192];
        long total = 0;
        for (int r; (r = in.read(chunk)) >= 0; ) {
            total += r;
            if (total > limit) {
                drain(in, Long.MAX_VALUE);
                throw tooLarge(limit);
            }
            buf.write(chunk, 0, r);
        }
        return buf.toByteArray();
    }

    /**
     * Reads and drops the rest of a refused body, up to {@link #DRAIN_LIMIT} bytes, so that a
     * client still sending it receives the 413 instead of a reset connection. A longer body is
     * left unread: the connection is then closed after the answer.
     */
    private static void drain(InputStream in, long declared) throws IOException {
        if (declared > DRAIN_LIMIT) {
            return;
        }
        byte[] chunk = new byte[8192];
        long total = 0;
        for (int r; total <= DRAIN_LIMIT && (r = in.read(chunk)) >= 0; ) {
            total += r;
        }
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "the request body is larger than the limit of " + limit
                + " bytes; send fewer rows per request or start the server with a larger "
                + "--max-body");
    }

    // ---------------------------------------------------------------- answers

    /** Writes a JSON value. */
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static void sendJson(HttpExchange ex, int status, JsonBody body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        try (JsonGenerator g = RequestRows.JSON.getFactory().createGenerator(buf)) {
            body.write(g);
        }
        buf.write('\n');
        send(ex, status, JSON_TYPE, buf.toByteArray());
    }

    private static void sendError(HttpExchange ex, int status, String message) {
        try {
            sendJson(ex, status, g -> {
                g.writeStartObject();
                g.writeStringField("error", message);
                g.writeNumberField("status", status);
                g.writeEndObject();
            });
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not send the {} answer: {}", status, e.toString());
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
