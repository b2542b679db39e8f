package org.clearpost.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The start page: what each of the signed-in person's roles can do, and the signed-out page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance signedOut();
    }

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
