package org.clearpost.console.gateway;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body for a service (drafting's {@code POST /media}): the console's own upload form is
 * read there and sent on as the person's call, since the gateway forwards JSON only. A file part is streamed from the
 * file the upload was stored in, never held whole in memory (videos run to hundreds of megabytes).
 */
public final class Multipart {

    private final String boundary = "clearpost-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public Multipart field(String name, String value) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n");
        return this;
    }

    public Multipart file(String name, String fileName, String contentType, Path file) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"; filename=\""
                + quoted(fileName) + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        try {
            parts.add(HttpRequest.BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("the uploaded file is gone: " + file, e);
        }
        text("\r\n");
        return this;
    }

    /** The whole body, closed by the last boundary. */
    public HttpRequest.BodyPublisher body() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** A name or file name inside quotes: no quote, backslash or line break can end it early. */
    static String quoted(String value) {
        return value.replaceAll("[\"\\\\\r\n]", "_");
    }

    private void text(String text) {
        parts.add(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    }
}
