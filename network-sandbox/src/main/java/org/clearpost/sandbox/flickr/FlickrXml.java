package org.clearpost.sandbox.flickr;

import jakarta.ws.rs.core.Response;

/** Flickr's REST and upload answers: {@code <rsp stat="ok">...</rsp>} or {@code <rsp stat="fail"><err/></rsp>}, HTTP 200. */
final class FlickrXml {

    private FlickrXml() {
    }

    static Response ok(String inner) {
        return xml("<rsp stat=\"ok\">\n" + inner + "\n</rsp>\n");
    }

    static Response fail(int code, String message) {
        return xml("<rsp stat=\"fail\">\n\t<err code=\"" + code + "\" msg=\"" + escape(message) + "\" />\n</rsp>\n");
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static Response xml(String body) {
        return Response.ok("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n" + body).type("text/xml; charset=utf-8")
                .build();
    }
}
