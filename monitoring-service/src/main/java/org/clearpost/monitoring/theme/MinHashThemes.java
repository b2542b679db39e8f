package org.clearpost.monitoring.theme;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** SEAM SKELETON (issue 11): the themes helper replaces this body with shingles/MinHash grouping. */
@ApplicationScoped
public class MinHashThemes implements ThemeAssigner {

    @Override
    public List<ThemeMembership> assign(Connection connection, List<ThemeInput> mentions, Instant now) {
        return Collections.nCopies(mentions.size(), ThemeMembership.NONE);
    }
}
