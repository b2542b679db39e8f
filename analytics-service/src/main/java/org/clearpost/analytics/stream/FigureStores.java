package org.clearpost.analytics.stream;

import org.clearpost.events.figures.FigureType;

/** The state store each figure is kept in, for interactive queries. */
public final class FigureStores {

    private FigureStores() {
    }

    public static String storeName(FigureType type) {
        return "figure-" + type.figureName();
    }
}
