package dev.mlp.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlp serve} in its own process: a request that stalls is cut off by the request
 * timeout, and SIGTERM lets a request under way finish before the process exits with 0.
 */
class ServeProcessTest {

    @TempDir
    Path dir;

    @Test
    void stalledRequestsTimeOutAndSigtermFinishesTheRequestUnderWay() throws Exception {
        Path model = ServeFixture.trainClassifier(dir);
        Process p = ServeFixture.start(dir.resolve("serve.err"), "serve", "-m", model.toString(),
                "--port", "0", "--request-timeout", "2", "--grace", "20");
        try {
            int port = ServeFixture.listeningPort(p);
            assertTrue(port > 0, "the server did not say where it listens");
            assertEquals(200, ServeFixture.get(URI.create("http://127.0.0.1:" + port + "/health"))
                    .statusCode());

            // a request whose body never comes is closed after the timeout, not kept forever
            try (Socket stalled = new Socket("127.0.0.1", port)) {
                stalled.setSoTimeout(30_000);
                stalled.getOutputStream().write(head(100).getBytes(StandardCharsets.US_ASCII));
                stalled.getOutputStream().flush();
                long start = System.nanoTime();
                try {
                    int got = stalled.getInputStream().read();
                    assertEquals(-1, got, "expected the connection to be closed");
                } catch (SocketException reset) {
                    // closed by the server: as good
                } catch (SocketTimeoutException e) {
                    fail("a stalled request was kept open for 30 s");
                }
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(25));
            }

            // SIGTERM while a request is under way: the request is answered, then exit 0
            String body = "{\"rows\":[[0.1,0.2],[4,0.1]]}";
            try (Socket inFlight = new Socket("127.0.0.1", port)) {
                inFlight.setSoTimeout(30_000);
                OutputStream o = inFlight.getOutputStream();
                o.write((head(body.length()) + body.substring(0, 10))
                        .getBytes(StandardCharsets.US_ASCII));
                o.flush();
                Thread.sleep(500);
                p.destroy();
                Thread.sleep(500);
                o.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
                o.flush();
                String answer = readAll(inFlight.getInputStream());
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                assertTrue(answer.contains("\"label\":\"red\""), answer);
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server did not stop");
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    private static String head(int length) {
        return "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: " + length + "\r\n\r\n";
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[4096];
        try {
            for (int n; (n = in.read(b)) >= 0; ) {
                buf.write(b, 0, n);
            }
        } catch (SocketException closed) {
            // what came before the close is the answer
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
