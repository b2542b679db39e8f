package org.clearpost.sandbox.flickr;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PublishFaults;
import org.clearpost.sandbox.flickr.FlickrSignatures.Refusal;
import org.clearpost.sandbox.flickr.FlickrSignatures.Signed;
import org.clearpost.sandbox.flickr.FlickrSignatures.TokenKind;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * Flickr's upload API ({@code up.flickr.com/services/upload/}): a multipart POST with the file as {@code photo} and
 * optional {@code title}, {@code description}, signed with OAuth 1.0a over every field but the file. Answers
 * {@code <rsp stat="ok"><photoid>..</photoid></rsp>}, or {@code stat="fail"} with Flickr's upload codes (2 no photo,
 * 4 empty file, 5 file type not recognised, 96/97/98/100 signature, token and key).
 */
@Path("/flickr-upload/services/upload")
@Tag(name = "Flickr", description = "Upload API")
public class FlickrUploadResource {

    private final FlickrSignatures signatures;
    private final FlickrAccounts accounts;
    private final PublishFaults faults;

    FlickrUploadResource(FlickrSignatures signatures, FlickrAccounts accounts, PublishFaults faults) {
        this.signatures = signatures;
        this.accounts = accounts;
        this.faults = faults;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest request, MultipartFormDataInput input) throws IOException {
        List<Map.Entry<String, String>> params = new ArrayList<>(FlickrOAuthResource.query(uri));
        FormValue photo = null;
        for (Map.Entry<String, java.util.Collection<FormValue>> field : input.getValues().entrySet()) {
            for (FormValue value : field.getValue()) {
                if (value.isFileItem()) {
                    if (field.getKey().equals("photo")) {
                        photo = value;
                    }
                } else {
                    params.add(Map.entry(field.getKey(), value.getValue()));
                }
            }
        }
        Object checked = signatures.check("POST", uri.getAbsolutePath(), params, authorization, TokenKind.ACCESS);
        if (checked instanceof Refusal refusal) {
            return FlickrXml.fail(refusal.code(), refusal.message());
        }
        if (photo == null) {
            return FlickrXml.fail(2, "No photo specified");
        }
        byte[] bytes;
        try (java.io.InputStream in = photo.getFileItem().getInputStream()) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            return FlickrXml.fail(4, "Filesize was zero");
        }
        String contentType = photo.getHeaders().getFirst("Content-Type");
        if (contentType == null || !(contentType.startsWith("image/") || contentType.startsWith("video/"))) {
            return FlickrXml.fail(5, "Filetype was not recognised");
        }
        Signed signed = (Signed) checked;
        FlickrAccounts.Photo made = accounts.addPhoto(signed.grant().orElseThrow(),
                signed.params().getOrDefault("title", ""), signed.params().getOrDefault("description", ""),
                contentType, bytes);
        faults.afterAccept(Network.FLICKR, request);
        return FlickrXml.ok("\t<photoid>" + made.id() + "</photoid>");
    }
}
