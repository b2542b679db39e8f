package org.clearpost.events.figures;

import java.time.Instant;
import java.time.LocalDate;
import org.clearpost.events.Network;

/**
 * Posts per London day, network, account and campaign: how many target versions were drafted (submitted), cleared,
 * rejected, sent back for changes, published and failed. A post for two accounts counts once for each; each new
 * version submitted counts again. Decisions count on the day they were taken.
 *
 * @param campaign the campaign slug, else {@code null}
 */
public record PostActivity(LocalDate day, Network network, String account, String campaign, long drafted,
        long cleared, long rejected, long changesRequested, long published, long failed, Instant asOf)
        implements Figure {

    @Override
    public String key() {
        return Figure.key(day, network, account, campaign);
    }
}
