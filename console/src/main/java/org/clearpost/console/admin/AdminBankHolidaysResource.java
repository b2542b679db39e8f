package org.clearpost.console.admin;

import org.clearpost.console.web.LondonTime;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.clearpost.console.gateway.Service;
import org.clearpost.console.gateway.ServiceClient;
import org.clearpost.console.gateway.ServiceResponse;
import org.clearpost.console.web.Errors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The bank holidays clearance counts deadlines with (clearance {@code /calendar/bank-holidays}), and the upload of
 * gov.uk's newer bank-holidays.json: the file goes to clearance as it is, and clearance alone says whether it is good.
 */
@Path("/admin/bank-holidays")
@Produces(MediaType.TEXT_HTML)
public class AdminBankHolidaysResource {

    /** gov.uk's file is about 20 kB; anything far larger is not it. */
    static final long LARGEST = 1024 * 1024;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bankHolidays(CalendarInUse inUse, List<BankHolidayFile.Holiday> uploaded,
                boolean justUploaded, Errors errors);
    }

    private final ServiceClient services;
    private final RecentUploads recent;

    private final Clock clock;

    public AdminBankHolidaysResource(ServiceClient services, RecentUploads recent, Clock clock) {
        this.services = services;
        this.recent = recent;
        this.clock = clock;
    }

    @GET
    public TemplateInstance bankHolidays(@QueryParam("uploaded") String uploaded) {
        CalendarInUse inUse = inUse();
        // The banner and the list only for the upload that is still the one in use.
        boolean justUploaded = inUse.isUploaded() && inUse.uploadId().toString().equals(uploaded);
        List<BankHolidayFile.Holiday> dates = justUploaded ? recent.of(inUse.uploadId()).orElse(List.of())
                : List.of();
        return Templates.bankHolidays(inUse, dates, justUploaded, Errors.none());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return refused(400, Errors.one("file", "file", "Select the bank-holidays.json file from gov.uk"));
        }
        if (file.size() == 0) {
            return refused(400, Errors.one("file", "file", "The selected file is empty"));
        }
        if (file.size() > LARGEST) {
            return refused(413, Errors.one("file", "file", "The selected file must be smaller than 1 MB"));
        }
        byte[] json = read(file);
        ServiceResponse answer = services.send(Service.CLEARANCE, "PUT", "/calendar/bank-holidays",
                "application/json", json);
        if (!answer.ok()) {
            return refused(answer.status(), OneField.errors(answer.problem(), "file", "file"));
        }
        CalendarInUse inUse = CalendarInUse.of(answer.json());
        UUID uploadId = inUse.uploadId();
        LocalDate thisYear = LocalDate.now(clock.withZone(LondonTime.ZONE)).withDayOfYear(1);
        recent.keep(uploadId, BankHolidayFile.holidays(json, inUse.division(), thisYear));
        return Response.seeOther(URI.create("/admin/bank-holidays" + ServiceClient.query("uploaded", uploadId)))
                .build();
    }

    private Response refused(int status, Errors errors) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.bankHolidays(inUse(), List.of(), false, errors)).build();
    }

    private CalendarInUse inUse() {
        return CalendarInUse.of(services.read(Service.CLEARANCE, "/calendar/bank-holidays"));
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
