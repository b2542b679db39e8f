package org.clearpost.console.lead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearpost.console.gateway.Problem;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The form that declares or changes a pre-election period, as typed: kept as it was so a refused form shows it
 * again. Start and end are GOV.UK date inputs with a time beside each ({@link LondonDates}).
 */
public class PeriodForm {

    /** Clearance's field names and the ids of the inputs that show them (the date inputs' day box first). */
    static final Map<String, String> INPUTS = inputs();

    /** How each field is named on the form, leading each of clearance's messages about it. */
    static final Map<String, String> LABELS = Map.of("name", "Name", "kind", "Kind of election", "scope", "Area",
            "startsAt", "Start", "endsAt", "End");

    @RestForm
    public String name;
    @RestForm
    public String kind;
    @RestForm
    public String scope;
    @RestForm("startsAt-day")
    public String startDay;
    @RestForm("startsAt-month")
    public String startMonth;
    @RestForm("startsAt-year")
    public String startYear;
    @RestForm("startsAt-time")
    public String startTime;
    @RestForm("endsAt-day")
    public String endDay;
    @RestForm("endsAt-month")
    public String endMonth;
    @RestForm("endsAt-year")
    public String endYear;
    @RestForm("endsAt-time")
    public String endTime;

    private static Map<String, String> inputs() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("name", "name");
        inputs.put("kind", "kind");
        inputs.put("scope", "scope");
        inputs.put("startsAt", "startsAt-day");
        inputs.put("endsAt", "endsAt-day");
        return inputs;
    }

    /** An empty form, to add a period. */
    static PeriodForm empty() {
        PeriodForm form = new PeriodForm();
        form.name = form.kind = form.scope = "";
        form.fill(LondonDates.DateInput.EMPTY, LondonDates.DateInput.EMPTY);
        return form;
    }

    /** The form showing a period as declared, to change it. */
    static PeriodForm of(ClearanceViews.Period period) {
        PeriodForm form = new PeriodForm();
        form.name = period.name();
        form.kind = period.kind();
        form.scope = period.scope();
        form.fill(LondonDates.startInput(period.startsAt()), LondonDates.endInput(period.endsAt()));
        return form;
    }

    private void fill(LondonDates.DateInput start, LondonDates.DateInput end) {
        startDay = start.day();
        startMonth = start.month();
        startYear = start.year();
        startTime = start.time();
        endDay = end.day();
        endMonth = end.month();
        endYear = end.year();
        endTime = end.time();
    }

    /**
     * The request clearance takes, and the problems with the dates as typed. A date that does not read is sent as
     * null, which clearance refuses (it requires both), so one answer names every other bad field too; the
     * console's message about the date replaces clearance's "must not be null".
     */
    record Reading(Map<String, Object> request, List<Problem.Violation> typed) {

        /** Clearance's refusal with the typed dates' own messages in place of its own about those fields. */
        Problem refusal(Problem fromClearance) {
            if (fromClearance.violations().isEmpty()) {
                return fromClearance; // not about the fields (a clearer refused the lead's part, say): as it came
            }
            List<Problem.Violation> all = new ArrayList<>(typed);
            fromClearance.violations().stream()
                    .filter(v -> typed.stream().noneMatch(t -> t.field().equals(v.field())))
                    .map(v -> LeadCalls.labelled(v, LABELS)).forEach(all::add);
            return new Problem(fromClearance.status(), fromClearance.title(),
                    all.isEmpty() ? fromClearance.detail() : null, List.copyOf(all));
        }
    }

    Reading read() {
        LondonDates.Reading start = LondonDates.start(
                new LondonDates.DateInput(startDay, startMonth, startYear, startTime), "Start date");
        LondonDates.Reading end = LondonDates.end(
                new LondonDates.DateInput(endDay, endMonth, endYear, endTime), "End date");
        List<Problem.Violation> typed = new ArrayList<>();
        if (!start.ok()) {
            typed.add(new Problem.Violation("startsAt", start.problem()));
        }
        if (!end.ok()) {
            typed.add(new Problem.Violation("endsAt", end.problem()));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("kind", kind);
        request.put("scope", scope);
        request.put("startsAt", start.text());
        request.put("endsAt", end.text());
        return new Reading(request, List.copyOf(typed));
    }
}
