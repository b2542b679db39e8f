package org.clearpost.clearance.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.clearpost.clearance.deadline.CalendarSource;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The bank holidays deadlines are counted with: the shipped copy until an admin uploads gov.uk's newer file. */
@Path("/calendar/bank-holidays")
@SecurityRequirement(name = "SecurityScheme")
public class CalendarResource {

    private final CalendarSource calendar;
    private final SecurityIdentity identity;

    public CalendarResource(CalendarSource calendar, SecurityIdentity identity) {
        this.calendar = calendar;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public CalendarSource.Source bankHolidaySource() {
        return calendar.source();
    }

    /** The body is gov.uk's bank-holidays.json as downloaded; a malformed file is a 400 and changes nothing. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public CalendarSource.Source uploadBankHolidays(String governmentJson) {
        return calendar.upload(governmentJson, identity.getPrincipal().getName());
    }
}
