package org.clearpost.publisher.domain;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.publisher.tokens.TokenCipher;
import org.clearpost.support.problem.ProblemException;
import org.jboss.logging.Logger;

/** The accounts the publisher may post to, and their access tokens, kept sealed at rest. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final TokenCipher cipher;
    private final Clock clock;

    public AccountService(TokenCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Connects the account, or replaces its token. */
    @Transactional
    public ConnectedAccount connect(Network network, String account, AccessToken token, String by) {
        Optional<ConnectedAccount> existing = find(network, account);
        ConnectedAccount connected = existing.orElseGet(() -> new ConnectedAccount(network, account));
        connected.connect(cipher.seal(token, ConnectedAccount.owner(network, account)), by, clock.instant());
        if (existing.isEmpty()) {
            connected.persist();
        }
        LOG.infof("%s connected %s account %s", by, network, account);
        return connected;
    }

    @Transactional
    public List<ConnectedAccount> list() {
        return ConnectedAccount.listAll(Sort.by("network").and("account"));
    }

    @Transactional
    public void disconnect(Network network, String account, String by) {
        if (!ConnectedAccount.deleteById(new ConnectedAccount.Key(network, account))) {
            throw ProblemException.notFound(network + " account", account);
        }
        LOG.infof("%s disconnected %s account %s", by, network, account);
    }

    /** The account's token in the clear, for one call; empty when the account is not connected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AccessToken> token(Network network, String account) {
        return find(network, account).map(a -> cipher.open(a.token(), ConnectedAccount.owner(network, account)));
    }

    private static Optional<ConnectedAccount> find(Network network, String account) {
        return ConnectedAccount.findByIdOptional(new ConnectedAccount.Key(network, account));
    }
}
