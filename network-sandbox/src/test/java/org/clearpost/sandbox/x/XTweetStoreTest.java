package org.clearpost.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XTweetStoreTest {

    @Test
    void findsThePositionAfterAnIdAndKeepsOriginals() {
        XTweetStore store = new XTweetStore(10_000);
        for (int i = 0; i < 3000; i++) {
            store.append(100 + i * 2L, i % 20 == 19 ? 100 + (i - 1) * 2L : 100 + i * 2L);
        }
        assertThat(store.first()).isZero();
        assertThat(store.end()).isEqualTo(3000);
        assertThat(store.after(99)).isZero();
        assertThat(store.after(100)).isEqualTo(1);
        assertThat(store.after(101)).isEqualTo(1);
        assertThat(store.after(100 + 2999 * 2L)).isEqualTo(3000);
        assertThat(store.id(2999)).isEqualTo(100 + 2999 * 2L);
        assertThat(store.original(19)).isEqualTo(store.id(18));
        assertThat(store.original(18)).isEqualTo(store.id(18));
    }

    @Test
    void forgetsTheOldestBeyondItsCap() {
        XTweetStore store = new XTweetStore(1500);
        for (int i = 1; i <= 4000; i++) {
            store.append(i, i);
        }
        assertThat(store.first()).isEqualTo(2500);
        assertThat(store.end()).isEqualTo(4000);
        assertThat(store.id(2500)).isEqualTo(2501);
        assertThat(store.id(3999)).isEqualTo(4000);
        assertThat(store.after(0)).isEqualTo(2500);
        assertThat(store.after(3000)).isEqualTo(3000);
        assertThatThrownBy(() -> store.id(2499)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesIdsThatDoNotIncrease() {
        XTweetStore store = new XTweetStore(10);
        store.append(5, 5);
        assertThatThrownBy(() -> store.append(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clearStartsAgainFromPositionZero() {
        XTweetStore store = new XTweetStore(10);
        store.append(5, 5);
        store.clear();
        assertThat(store.end()).isZero();
        assertThat(store.append(6, 6)).isZero();
    }
}
