package org.clearpost.clearance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostRejected;
import org.clearpost.events.Target;
import org.clearpost.support.problem.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One post version waiting for, or having had, a clearance decision. */
@Entity
@Table(name = "clearance_case")
public class ClearanceCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "post_id")
    public UUID postId;

    public int version;

    @Column(name = "content_hash")
    public String contentHash;

    public String author;

    public String text;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Target> targets;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_comment")
    public String decisionComment;

    @Column(name = "decided_at")
    public Instant decidedAt;

    protected ClearanceCase() {
    }

    public static ClearanceCase open(PostDrafted drafted) {
        ClearanceCase clearance = new ClearanceCase();
        clearance.id = UUID.randomUUID();
        clearance.postId = drafted.postId();
        clearance.version = drafted.version();
        clearance.contentHash = drafted.contentHash();
        clearance.author = drafted.author();
        clearance.text = drafted.text();
        clearance.targets = List.copyOf(drafted.targets());
        clearance.scheduledAt = drafted.scheduledAt();
        clearance.submittedAt = drafted.submittedAt();
        clearance.status = CaseStatus.PENDING;
        return clearance;
    }

    public PostCleared approve(String clearer, String comment, Instant now) {
        decide(CaseStatus.CLEARED, clearer, comment, now);
        return new PostCleared(postId, version, contentHash, author, "normal", clearer, comment, text, targets,
                scheduledAt, null, null, null, null, now);
    }

    public PostRejected reject(String clearer, String comment, Instant now) {
        decide(CaseStatus.REJECTED, clearer, comment, now);
        return new PostRejected(postId, version, contentHash, clearer, comment, now);
    }

    void withdraw() {
        if (status == CaseStatus.PENDING) {
            status = CaseStatus.WITHDRAWN;
        }
    }

    private void decide(CaseStatus outcome, String clearer, String comment, Instant now) {
        if (status != CaseStatus.PENDING) {
            throw ProblemException.conflict("Case is " + status, "Clearance case " + id + " is " + status
                    + " and can no longer be decided");
        }
        status = outcome;
        decidedBy = clearer;
        decisionComment = comment;
        decidedAt = now;
    }
}
