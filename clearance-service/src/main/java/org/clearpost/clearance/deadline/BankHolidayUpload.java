package org.clearpost.clearance.deadline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Bank holiday data an admin uploaded in gov.uk's format; the newest is the one in use. */
@Entity
@Table(name = "bank_holiday_upload")
public class BankHolidayUpload extends PanacheEntityBase {

    @Id
    public UUID id;

    public String content;

    @Column(name = "first_year")
    public int firstYear;

    @Column(name = "last_year")
    public int lastYear;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;
}
