package org.clearpost.monitoring.youtube;

/** YouTube's {@code textDisplay} (HTML: links, {@code <br>}, entities) as plain text, when {@code textOriginal} is absent. */
final class Html {

    private Html() {
    }

    static String toPlain(String html) {
        if (html == null) {
            return "";
        }
        String text = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("<[^>]*>", "");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").strip();
    }
}
