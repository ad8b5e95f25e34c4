package dev.mlp.cli.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures a running {@code mlp serve}: a fixed number of JSON requests of a given number of
 * rows from a few client threads, then requests per second and the 50th and 99th percentile
 * latency. Only for loopback or the project's own test hosts.
 *
 * <p>{@code java -cp ... dev.mlp.cli.serve.LoadGenerator URL FEATURES ROWS REQUESTS THREADS},
 * for example {@code http://127.0.0.1:8080/predict 2 1 20000 4}.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    /**
     * @param args URL, features per row, rows per request, requests, client threads
     * @throws Exception if a request fails
     */
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int features = Integer.parseInt(args[1]);
        int rows = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder sb = new StringBuilder("{\"rows\":[");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "[" : ",[");
            for (int f = 0; f < features; f++) {
                sb.append(f == 0 ? "" : ",").append(r.nextDouble(-1, 5));
            }
            sb.append(']');
        }
        String body = sb.append("]}").toString();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        // warm-up
        for (int i = 0; i < Math.min(2000, requests / 4 + 1); i++) {
            check(client.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] latencies = new long[requests];
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int first = t;
            done.add(pool.submit(() -> {
                for (int i = first; i < requests; i += threads) {
                    long t0 = System.nanoTime();
                    check(client.send(request, HttpResponse.BodyHandlers.ofString()));
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%d requests of %d rows from %d threads: %.0f req/s "
                + "(%.0f rows/s), p50 %.2f ms, p99 %.2f ms%n", requests, rows, threads,
                requests / seconds, requests * (double) rows / seconds,
                latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.99)] / 1e6);
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
    }
}
