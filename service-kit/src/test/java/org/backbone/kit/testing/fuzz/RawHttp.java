package org.backbone.kit.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket, one connection per request. A fuzzer needs what the JDK's
 * client refuses to send: a malformed {@code %} in a path, any {@code Host}, a body sent chunked
 * without {@code Content-Length}, a request line of any length.
 */
public final class RawHttp {

    public record Response(int status, Map<String, String> headers, byte[] body, long nanos) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;

    public RawHttp(URI base, int timeoutMillis) {
        this.host = base.getHost();
        this.port = base.getPort() == -1 ? 80 : base.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends {@code target} (already encoded, may be malformed on purpose) and reads the whole answer. */
    public Response send(String method, String target, Map<String, String> headers, byte[] body, boolean chunked)
            throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Host"))) {
                head.append("Host: ").append(host).append(':').append(port).append("\r\n");
            }
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Connection: close\r\n");
            if (body != null) {
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                if (chunked) {
                    for (int offset = 0; offset < body.length; offset += 8192) {
                        int length = Math.min(8192, body.length - offset);
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, offset, length);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(body);
                }
            }
            out.flush();
            Response response = read(new java.io.BufferedInputStream(socket.getInputStream()));
            return new Response(response.status(), response.headers(), response.body(), System.nanoTime() - started);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        byte[] terminator = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < terminator.length) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("no complete response head (" + headBytes.size() + " bytes)");
            }
            headBytes.write(b);
            matched = b == terminator[matched] ? matched + 1 : b == terminator[0] ? 1 : 0;
        }
        byte[] head = headBytes.toByteArray();
        String[] lines = new String(head, 0, head.length - 4, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        if (status == 200 && headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
            // a stream that opened stays open: its answer is judged by its start
            return new Response(status, headers, new byte[0], 0);
        }
        byte[] body = readAll(in);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body, 0);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), position);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, position, lineEnd - position, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            position = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
