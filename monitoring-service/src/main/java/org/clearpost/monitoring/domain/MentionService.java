package org.clearpost.monitoring.domain;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.MentionState;
import org.clearpost.events.Network;
import org.clearpost.support.problem.ProblemException;

/**
 * The inbox's reads. Mentions are stored (and announced) by the pipeline ({@code pipeline.MentionStore}), never here:
 * the webhook's old one-transaction-per-delivery path is gone.
 */
@ApplicationScoped
public class MentionService {

    private static final Sort NEWEST_FIRST = Sort.descending("receivedAt", "mentionedAt", "id");

    @Transactional
    public Mention find(UUID id) {
        Mention mention = Mention.findById(id);
        if (mention == null) {
            throw ProblemException.notFound("Mention", id);
        }
        return mention;
    }

    /** One page of the inbox, newest first; a null filter matches everything. */
    @Transactional
    public List<Mention> inbox(Network network, MentionState status, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (network != null) {
            conditions.add("network = :network");
            parameters.put("network", network);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.put("status", status);
        }
        return (conditions.isEmpty() ? Mention.<Mention>findAll(NEWEST_FIRST)
                : Mention.<Mention>find(String.join(" and ", conditions), NEWEST_FIRST, parameters))
                .page(Page.of(page, size)).list();
    }
}
