package org.clearpost.sandbox.flickr;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clearpost.sandbox.flickr.FlickrSignatures.Refusal;
import org.clearpost.sandbox.flickr.FlickrSignatures.Signed;
import org.clearpost.sandbox.flickr.FlickrSignatures.TokenKind;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Flickr's REST endpoint, signed with an access token: {@code flickr.test.login}, {@code flickr.people.getPhotos} and
 * {@code flickr.photos.search} with {@code user_id=me} (newest first, {@code extras=description} adds it,
 * {@code per_page} up to 500), {@code flickr.photos.getInfo}. Parameters in the query (GET) or a urlencoded form
 * (POST); answers in Flickr's XML.
 */
@Path("/flickr/services/rest")
@Tag(name = "Flickr", description = "REST API")
public class FlickrRestResource {

    private final FlickrSignatures signatures;
    private final FlickrAccounts accounts;

    FlickrRestResource(FlickrSignatures signatures, FlickrAccounts accounts) {
        this.signatures = signatures;
        this.accounts = accounts;
    }

    @GET
    public Response get(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return call("GET", uri, FlickrOAuthResource.query(uri), authorization);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        List<Map.Entry<String, String>> params = new java.util.ArrayList<>(FlickrOAuthResource.query(uri));
        form.forEach((name, values) -> values.forEach(v -> params.add(Map.entry(name, v))));
        return call("POST", uri, params, authorization);
    }

    private Response call(String method, UriInfo uri, List<Map.Entry<String, String>> params,
            String authorization) {
        Object checked = signatures.check(method, uri.getAbsolutePath(), params, authorization, TokenKind.ACCESS);
        if (checked instanceof Refusal refusal) {
            return FlickrXml.fail(refusal.code(), refusal.message());
        }
        Signed signed = (Signed) checked;
        FlickrAccounts.Grant grant = signed.grant().orElseThrow();
        Map<String, String> p = signed.params();
        String name = p.getOrDefault("method", "");
        return switch (name) {
            case "flickr.test.login" -> FlickrXml.ok("\t<user id=\"" + FlickrXml.escape(grant.nsid())
                    + "\">\n\t\t<username>" + FlickrXml.escape(grant.username()) + "</username>\n\t</user>");
            case "flickr.people.getPhotos", "flickr.photos.search" -> photos(grant, p);
            case "flickr.photos.getInfo" -> info(p.get("photo_id"));
            default -> FlickrXml.fail(112, "Method \"" + name + "\" not found");
        };
    }

    private Response photos(FlickrAccounts.Grant grant, Map<String, String> p) {
        String user = p.get("user_id");
        if (user == null || user.isBlank()) {
            return FlickrXml.fail(1, "User not found");
        }
        String nsid = user.equals("me") ? grant.nsid() : user;
        int perPage;
        try {
            perPage = Integer.parseInt(p.getOrDefault("per_page", "100"));
        } catch (NumberFormatException e) {
            perPage = 100;
        }
        perPage = Math.max(1, Math.min(500, perPage));
        boolean withDescription = List.of(p.getOrDefault("extras", "").split(",")).contains("description");
        List<FlickrAccounts.Photo> all = accounts.photosOf(nsid);
        String items = all.stream().limit(perPage).map(photo -> "\t\t<photo id=\"" + photo.id() + "\" owner=\""
                + FlickrXml.escape(photo.owner()) + "\" secret=\"" + photo.media().sha256().substring(0, 10)
                + "\" server=\"65535\" farm=\"66\" title=\"" + FlickrXml.escape(photo.title())
                + "\" ispublic=\"1\" isfriend=\"0\" isfamily=\"0\"" + (withDescription
                        ? ">\n\t\t\t<description>" + FlickrXml.escape(photo.description())
                                + "</description>\n\t\t</photo>"
                        : " />"))
                .collect(Collectors.joining("\n"));
        int pages = all.isEmpty() ? 0 : (all.size() + perPage - 1) / perPage;
        return FlickrXml.ok("\t<photos page=\"1\" pages=\"" + pages + "\" perpage=\"" + perPage + "\" total=\""
                + all.size() + "\">\n" + items + "\n\t</photos>");
    }

    private Response info(String photoId) {
        Optional<FlickrAccounts.Photo> found = photoId == null ? Optional.empty() : accounts.photo(photoId);
        if (found.isEmpty()) {
            return FlickrXml.fail(1, "Photo \"" + photoId + "\" not found (invalid ID)");
        }
        FlickrAccounts.Photo photo = found.get();
        return FlickrXml.ok("\t<photo id=\"" + photo.id() + "\" secret=\"" + photo.media().sha256().substring(0, 10)
                + "\" server=\"65535\" farm=\"66\" dateuploaded=\"" + photo.uploadedAt().getEpochSecond()
                + "\">\n\t\t<owner nsid=\"" + FlickrXml.escape(photo.owner()) + "\" />\n\t\t<title>"
                + FlickrXml.escape(photo.title()) + "</title>\n\t\t<description>"
                + FlickrXml.escape(photo.description()) + "</description>\n\t\t<visibility ispublic=\"1\" "
                + "isfriend=\"0\" isfamily=\"0\" />\n\t\t<urls>\n\t\t\t<url type=\"photopage\">" + photo.url()
                + "</url>\n\t\t</urls>\n\t</photo>");
    }
}
