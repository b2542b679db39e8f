package org.clearpost.console.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The dates of the last few bank-holiday files clearance accepted, by clearance's upload id, so the page the upload
 * redirects to (Post/Redirect/Get) can list what was uploaded. Clearance's {@code GET /calendar/bank-holidays} says
 * which years are in use and who uploaded them, not the dates. Only public gov.uk data is kept, in memory: after a
 * restart, or on another replica, the page shows clearance's summary without the list.
 */
@ApplicationScoped
public class RecentUploads {

    private static final int KEPT = 20;

    private final Map<UUID, List<BankHolidayFile.Holiday>> byUpload = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, List<BankHolidayFile.Holiday>> eldest) {
            return size() > KEPT;
        }
    };

    public synchronized void keep(UUID uploadId, List<BankHolidayFile.Holiday> holidays) {
        byUpload.put(uploadId, List.copyOf(holidays));
    }

    public synchronized Optional<List<BankHolidayFile.Holiday>> of(UUID uploadId) {
        return Optional.ofNullable(byUpload.get(uploadId));
    }
}
