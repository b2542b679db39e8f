package org.clearpost.clearance.duty;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Whether a clearer is on duty for live-event quick posts. */
@Entity
@Table(name = "clearer_duty")
public class ClearerDuty extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "on_duty")
    public boolean onDuty;

    @Column(name = "changed_at")
    public Instant changedAt;
}
