package org.clearpost.publisher.network;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;
import org.clearpost.publisher.tokens.OAuth1Signer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Flickr with the account's OAuth 1.0a access token and token secret ({@code AccessToken(value, secret)}), every call
 * signed with HMAC-SHA1 under the app's secret ({@code clearpost.networks.flickr.api-key}/{@code api-secret}, from
 * the environment) by {@link OAuth1Signer}: {@code GET /services/rest?method=flickr.test.login} (the account's NSID,
 * for the photo URL {@code https://www.flickr.com/photos/<nsid>/<photo-id>}), then the upload API
 * {@code POST /services/upload/} (multipart {@code photo}, {@code title}: the text's first line, {@code description}:
 * the text). Flickr has no alt text: the image's alt text, when there is one, is appended to the description after
 * a blank line as "Image description: ..." so it still reaches people using screen readers.
 *
 * <p>Reconciliation: {@link NetworkConnector.Reconciliation#LOOKUP}, because Flickr's upload takes no idempotency
 * key: {@code flickr.people.getPhotos} with {@code user_id=me&extras=description} lists the account's 100 most recent
 * photos, and one with this step's exact title and description is the one the lost answer was about. Not among them:
 * the upload certainly did not happen, so it is tried again.
 *
 * <p>One photo (or video) per step, as the upload API takes one file. Replies, thread parts and shares are refused
 * (Failed, with the reason): a Flickr photo has no thread to answer into.
 */
@ApplicationScoped
public class FlickrConnector implements NetworkConnector {

    private static final int LOOKUP_PHOTOS = 100;

    private final NetworkHttp http;
    private final MediaFetcher media;
    private final URI rest;
    private final URI upload;
    private final Optional<OAuth1Signer> signer;

    public FlickrConnector(NetworkHttp http, MediaFetcher media, NetworksConfig config) {
        this.http = http;
        this.media = media;
        this.rest = NetworkHttp.endpoint(config.flickr().baseUrl(), "/services/rest");
        this.upload = NetworkHttp.endpoint(config.flickr().uploadUrl(), "/services/upload/");
        this.signer = config.flickr().apiKey().flatMap(key -> config.flickr().apiSecret()
                .map(secret -> new OAuth1Signer(key, secret)));
    }

    @Override
    public Network network() {
        return Network.FLICKR;
    }

    @Override
    public Reconciliation reconciliation() {
        return Reconciliation.LOOKUP;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        try {
            Photo photo = photo(request);
            String nsid = nsid(request);
            byte[] bytes = media.fetch(photo.item());
            Multipart form = new Multipart().field("title", photo.title()).field("description", photo.description());
            form.file("photo", photo.item().mediaId() + XConnector.extension(photo.item().contentType()),
                    photo.item().contentType(), bytes);
            String authorization = sign(request, "POST", upload, List.of(Map.entry("title", photo.title()),
                    Map.entry("description", photo.description())));
            HttpRequest.Builder call = HttpRequest.newBuilder(upload).header("Authorization", authorization)
                    .header("Content-Type", form.contentType()).POST(form.publisher());
            return http.send("Flickr", call, response -> {
                try {
                    Element rsp = answer(response, request.account(), "the photo");
                    String id = text(rsp, "photoid");
                    if (id.isEmpty()) {
                        return new PublishResult.Unknown(PublishResult.outcomeUnknown(
                                "Flickr answered stat=ok without a photoid"), null);
                    }
                    return new PublishResult.Published(id, photoUrl(nsid, id), null);
                } catch (CallFailed e) {
                    return e.result();
                }
            });
        } catch (CallFailed e) {
            return e.result();
        }
    }

    @Override
    public PublishResult reconcile(PublishRequest request) {
        try {
            Photo photo = photo(request);
            String nsid = nsid(request);
            Element rsp = answer(restCall(request, "flickr.people.getPhotos", "user_id", "me", "extras",
                    "description", "per_page", Integer.toString(LOOKUP_PHOTOS)), request.account(),
                    "the look-up of recent photos");
            NodeList photos = rsp.getElementsByTagName("photo");
            for (int i = 0; i < photos.getLength(); i++) {
                Element p = (Element) photos.item(i);
                if (photo.title().equals(p.getAttribute("title")) && photo.description().equals(text(p,
                        "description"))) {
                    return new PublishResult.Published(p.getAttribute("id"), photoUrl(nsid, p.getAttribute("id")),
                            null);
                }
            }
            return new PublishResult.Retry("Flickr holds no photo titled \"" + photo.title() + "\" with this step's "
                    + "description among the account's " + LOOKUP_PHOTOS + " most recent: it was not published", null);
        } catch (CallFailed e) {
            // A look-up that did not work out says nothing about the upload: asked again later, never re-sent.
            PublishResult result = e.result();
            return result instanceof PublishResult.Retry retry ? new PublishResult.Unknown(PublishResult
                    .outcomeUnknown("the look-up did not work out: " + retry.reason()), retry.accountPausedUntil())
                    : result;
        }
    }

    /** What the step uploads: one image or video, its title and description. */
    private record Photo(MediaItem item, String title, String description) {
    }

    private Photo photo(PublishRequest request) throws CallFailed {
        if (signer.isEmpty()) {
            throw new CallFailed(new PublishResult.Failed("Flickr is not configured: set "
                    + "CLEARPOST_NETWORKS_FLICKR_API_KEY and CLEARPOST_NETWORKS_FLICKR_API_SECRET", null));
        }
        if (!(request.step() instanceof PublishStep.Post post)) {
            throw new CallFailed(new PublishResult.Failed("Flickr takes photos only: a reply, thread part or share "
                    + "is not published to Flickr (a photo there has no thread to answer into)", null));
        }
        if (post.media().size() != 1 || post.media().get(0).kind() == MediaKind.AUDIO) {
            throw new CallFailed(new PublishResult.Failed("a Flickr post needs exactly one photo or video (it has "
                    + post.media().size() + " media item(s))", null));
        }
        MediaItem item = post.media().get(0);
        String text = post.text() == null ? "" : post.text().strip();
        String description = item.altText() == null || item.altText().isBlank() ? text
                : text + (text.isEmpty() ? "" : "\n\n") + "Image description: " + item.altText().strip();
        String title = post.title() != null && !post.title().isBlank() ? post.title().strip()
                : TextParts.firstLine(text);
        return new Photo(item, title.isEmpty() ? TextParts.firstLine(item.caption()) : title, description);
    }

    /** The account's NSID ({@code flickr.test.login}); nothing is public yet, so a lost answer is tried again. */
    private String nsid(PublishRequest request) throws CallFailed {
        Element rsp = answer(restCall(request, "flickr.test.login"), request.account(),
                "the look-up of the account");
        NodeList users = rsp.getElementsByTagName("user");
        String id = users.getLength() == 0 ? "" : ((Element) users.item(0)).getAttribute("id");
        if (id.isEmpty()) {
            throw new CallFailed(new PublishResult.Retry("Flickr answered flickr.test.login without a user id",
                    null));
        }
        return id;
    }

    private HttpResponse<String> restCall(PublishRequest request, String method, String... params)
            throws CallFailed {
        StringBuilder query = new StringBuilder("?method=").append(OAuth1Signer.encode(method));
        for (int i = 0; i < params.length; i += 2) {
            query.append('&').append(OAuth1Signer.encode(params[i])).append('=')
                    .append(OAuth1Signer.encode(params[i + 1]));
        }
        URI uri = URI.create(rest + query.toString());
        return http.exchangeBeforePosting("Flickr", HttpRequest.newBuilder(uri)
                .header("Authorization", sign(request, "GET", uri, List.of())).GET());
    }

    private String sign(PublishRequest request, String method, URI uri, List<Map.Entry<String, String>> form) {
        return signer.orElseThrow().authorization(method, uri, new ArrayList<>(form), request.token().value(),
                request.token().secret(), Map.of());
    }

    /** The {@code <rsp>} of a {@code stat="ok"} answer; anything else becomes what it means for the publication. */
    private Element answer(HttpResponse<String> response, String account, String what) throws CallFailed {
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new CallFailed(new PublishResult.Retry("Flickr answered " + status + " to " + what, null));
        }
        Element rsp = parse(response.body());
        if (rsp == null) {
            throw new CallFailed(new PublishResult.Retry("Flickr answered " + status + " to " + what + " with "
                    + NetworkHttp.message(null, response.body()), null));
        }
        if ("ok".equals(rsp.getAttribute("stat"))) {
            return rsp;
        }
        NodeList errors = rsp.getElementsByTagName("err");
        Element err = errors.getLength() == 0 ? null : (Element) errors.item(0);
        String code = err == null ? "?" : err.getAttribute("code");
        String message = NetworkHttp.message(err == null ? null : err.getAttribute("msg"), response.body());
        throw new CallFailed(switch (code) {
            // 98: the token is unknown or revoked; 99: it lacks the write permission. Either way: connect again.
            case "98", "99" -> new PublishResult.NeedsReconnect("Flickr did not accept the access token of account "
                    + account + " (code " + code + " " + message + "): an admin must connect it again", null);
            case "105", "106" -> new PublishResult.Retry("Flickr could not take " + what + " now (code " + code
                    + " " + message + ")", null);
            default -> new PublishResult.Failed("Flickr refused " + what + " (code " + code + "): " + message, null);
        });
    }

    private static Element parse(String xml) {
        if (xml == null || xml.isBlank()) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A network's answer is data: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement();
            return "rsp".equals(root.getTagName()) ? root : null;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    static URI photoUrl(String nsid, String photoId) {
        // NSIDs such as 12345678@N00 appear as they are in Flickr's photo page URLs.
        return URI.create("https://www.flickr.com/photos/" + nsid + "/" + photoId);
    }
}
