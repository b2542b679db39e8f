package org.clearpost.monitoring.query;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.TrackedQueryDefined;
import org.clearpost.events.TrackedQueryDefined.Purpose;

/** A query monitors keep for the body, its head or an initiative; retired ones stay, inactive. */
@Entity
@Table(name = "tracked_query")
public class TrackedQuery extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    public String query;

    public boolean active;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    TrackedQueryDefined defined() {
        return new TrackedQueryDefined(id, name, purpose, query, changedBy, changedAt);
    }
}
