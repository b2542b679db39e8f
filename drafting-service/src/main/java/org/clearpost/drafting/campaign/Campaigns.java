package org.clearpost.drafting.campaign;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/** Campaigns, and the {@code CampaignDefined} event each change sends to the other services. */
@ApplicationScoped
public class Campaigns {

    private final Outbox outbox;
    private final Clock clock;

    public Campaigns(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The campaign with this slug, with its accounts loaded. */
    @Transactional
    public Optional<Campaign> find(String slug) {
        return Campaign.find("slug", slug).firstResultOptional();
    }

    @Transactional
    public List<Campaign> list() {
        return Campaign.listAll(Sort.descending("startsOn").and("slug"));
    }

    @Transactional
    public Campaign create(CampaignRequest request, String by) {
        validate(request);
        if (Campaign.count("slug", request.slug()) > 0) {
            throw ProblemException.conflict("Slug taken", "A campaign with slug " + request.slug()
                    + " already exists");
        }
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.slug = request.slug();
        apply(campaign, request, by);
        campaign.persist();
        outbox.append(campaign.defined());
        return campaign;
    }

    @Transactional
    public Campaign update(String slug, CampaignRequest request, String by) {
        Campaign campaign = find(slug).orElseThrow(() -> ProblemException.notFound("Campaign", slug));
        validate(request);
        if (!slug.equals(request.slug())) {
            throw ProblemException.badRequest("A campaign's slug cannot change", List.of(
                    new Problem.Violation("slug", "must stay " + slug)));
        }
        apply(campaign, request, by);
        outbox.append(campaign.defined());
        return campaign;
    }

    private void apply(Campaign campaign, CampaignRequest request, String by) {
        campaign.name = request.name().strip();
        campaign.startsOn = request.startsOn();
        campaign.endsOn = request.endsOn();
        campaign.audience = Accounts.blankToNull(request.audience());
        campaign.hashtag = Accounts.hashtag(request.hashtag());
        campaign.accounts.clear();
        campaign.accounts.addAll(Accounts.toAccounts(request.accounts()));
        campaign.shareAccounts.clear();
        campaign.shareAccounts.addAll(Accounts.toAccounts(request.shareAccounts()));
        campaign.definedBy = by;
        campaign.definedAt = clock.instant();
    }

    private static void validate(CampaignRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.endsOn().isBefore(request.startsOn())) {
            violations.add(new Problem.Violation("endsOn", "must not be before startsOn " + request.startsOn()));
        }
        violations.addAll(Accounts.repeated("accounts", request.accounts()));
        violations.addAll(Accounts.repeated("shareAccounts", request.shareAccounts()));
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The campaign is not valid", violations);
        }
    }
}
