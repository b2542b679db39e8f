package org.clearpost.publisher.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.publisher.network.StepMemory;

/** The ledger's side of {@link StepMemory}: one row per publication, step and name, each write its own commit. */
@ApplicationScoped
public class StepMemories {

    private static final String RECALL = """
            SELECT value FROM publication_step_memory WHERE publication_id = :id AND step = :step AND name = :name""";

    private static final String REMEMBER = """
            INSERT INTO publication_step_memory (publication_id, step, name, value, saved_at)
            VALUES (:id, :step, :name, :value, :now)
            ON CONFLICT (publication_id, step, name) DO UPDATE SET value = EXCLUDED.value, saved_at = EXCLUDED.saved_at""";

    private final Clock clock;

    public StepMemories(Clock clock) {
        this.clock = clock;
    }

    /** The memory of step {@code step} (0-based) of a publication. */
    public StepMemory of(UUID publicationId, int step) {
        return new StepMemory() {
            @Override
            public Optional<String> recall(String name) {
                return StepMemories.this.recall(publicationId, step, name);
            }

            @Override
            public void remember(String name, String value) {
                StepMemories.this.remember(publicationId, step, name, value);
            }
        };
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<String> recall(UUID publicationId, int step, String name) {
        @SuppressWarnings("unchecked")
        List<String> values = Panache.getEntityManager().createNativeQuery(RECALL)
                .setParameter("id", publicationId)
                .setParameter("step", step)
                .setParameter("name", name)
                .getResultList();
        return values.stream().findFirst();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void remember(UUID publicationId, int step, String name, String value) {
        Panache.getEntityManager().createNativeQuery(REMEMBER)
                .setParameter("id", publicationId)
                .setParameter("step", step)
                .setParameter("name", name)
                .setParameter("value", value)
                .setParameter("now", clock.instant())
                .executeUpdate();
    }
}
