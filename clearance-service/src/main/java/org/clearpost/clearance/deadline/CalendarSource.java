package org.clearpost.clearance.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.clearpost.calendar.BankHolidays;
import org.clearpost.calendar.BusinessCalendar;
import org.clearpost.calendar.Division;
import org.clearpost.calendar.MalformedBankHolidaysException;
import org.clearpost.calendar.OfficeHours;
import org.clearpost.clearance.audit.AuditAction;
import org.clearpost.clearance.audit.AuditLog;
import org.clearpost.clearance.config.CalendarConfig;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/**
 * The business calendar in use: configured office hours with the newest uploaded bank holidays, or the copy shipped
 * with business-calendar until an admin uploads one. Every instance checks the newest upload's id, so an upload
 * reaches all of them.
 */
@ApplicationScoped
public class CalendarSource {

    /** Where the bank holidays in use came from. */
    public record Source(String division, UUID uploadId, String uploadedBy, Instant uploadedAt, int firstYear,
            int lastYear) {
    }

    private record Loaded(UUID uploadId, BusinessCalendar calendar, Source source) {
    }

    private final Division division;
    private final OfficeHours hours;
    private final AuditLog auditLog;
    private final Clock clock;
    private volatile Loaded loaded;

    public CalendarSource(CalendarConfig config, AuditLog auditLog, Clock clock) {
        this.division = Division.fromKey(config.division());
        this.hours = new OfficeHours(config.opens(), config.closes(), EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY), OfficeHours.LONDON);
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional
    public BusinessCalendar calendar() {
        return current().calendar();
    }

    @Transactional
    public Source source() {
        return current().source();
    }

    /** Validates gov.uk-format JSON with BankHolidays' own parser; stores it only if it is usable from today. */
    @Transactional
    public Source upload(String json, String actor) {
        BankHolidays holidays = parse(json == null ? "" : json);
        int thisYear = clock.instant().atZone(OfficeHours.LONDON).getYear();
        if (!holidays.covers(clock.instant().atZone(OfficeHours.LONDON).toLocalDate())) {
            throw ProblemException.badRequest("The bank holidays must cover this year",
                    List.of(new Problem.Violation("events", "cover " + holidays.firstYear() + "-"
                            + holidays.lastYear() + ", not " + thisYear)));
        }
        BankHolidayUpload upload = new BankHolidayUpload();
        upload.id = UUID.randomUUID();
        upload.content = json;
        upload.firstYear = holidays.firstYear();
        upload.lastYear = holidays.lastYear();
        upload.uploadedBy = actor;
        upload.uploadedAt = clock.instant();
        upload.persist();
        auditLog.append(actor, AuditAction.BANK_HOLIDAYS_UPLOADED, null, null, Map.of("uploadId", upload.id,
                "division", division.key(), "firstYear", upload.firstYear, "lastYear", upload.lastYear));
        return sourceOf(upload);
    }

    private Loaded current() {
        UUID newest = BankHolidayUpload.getEntityManager()
                .createQuery("select u.id from BankHolidayUpload u order by u.uploadedAt desc", UUID.class)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        Loaded now = loaded;
        if (now != null && Objects.equals(now.uploadId(), newest)) {
            return now;
        }
        if (newest == null) {
            BankHolidays bundled = BankHolidays.bundled(division);
            now = new Loaded(null, new BusinessCalendar(hours, bundled), new Source(division.key(), null, null, null,
                    bundled.firstYear(), bundled.lastYear()));
        } else {
            BankHolidayUpload upload = BankHolidayUpload.findById(newest);
            now = new Loaded(newest, new BusinessCalendar(hours, parse(upload.content)), sourceOf(upload));
        }
        loaded = now;
        return now;
    }

    private Source sourceOf(BankHolidayUpload upload) {
        return new Source(division.key(), upload.id, upload.uploadedBy, upload.uploadedAt, upload.firstYear,
                upload.lastYear);
    }

    private BankHolidays parse(String json) {
        try {
            return BankHolidays.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), division);
        } catch (MalformedBankHolidaysException e) {
            throw ProblemException.badRequest(e.getMessage(), List.of(new Problem.Violation("body", e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
