package org.clearpost.monitoring.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Triage's tunables (the 4.1 rules themselves are data: {@code /triage-rules}). */
@ConfigMapping(prefix = "clearpost.monitoring.triage")
public interface TriageConfig {

    /**
     * Term to valence, replacing VADER's: a regulator's routine words ("breach", "fine", "penalty") are not a
     * complaint about the body.
     */
    Map<String, Double> lexiconOverrides();

    /** A theme of at least this many mentions (in the theme window) adds REPEATED_THEME (policy 4.1 c). */
    @WithDefault("5")
    int repeatedThemeSize();

    /** Author lists whose members make a reputation risk critical (priority policy "influential author"). */
    @WithDefault("journalist,critic,stakeholder")
    List<String> influentialLists();

    /** Words hidden as abuse, matched as whole words, with suffixes (-s, -ing, ...) and obfuscations (f*ck, sh!t). */
    @WithDefault("fuck,shit,cunt,twat,wanker,bastard,bollocks,dickhead,motherfucker,arsehole,asshole,prick")
    List<String> profanity();

    Spam spam();

    /** How often each replica checks the rules and author lists for changes made through another replica. */
    @WithDefault("3s")
    Duration pollInterval();

    /**
     * Whether the author's network handle is an address for correspondence (FOIA s.8(1)(b)): the ICO accepts requests
     * made on social media, the handle being where the answer can go.
     */
    @WithDefault("true")
    boolean handleIsFoiAddress();

    interface Spam {

        /** This many links or more in one mention is spam. */
        @WithDefault("3")
        int maxLinks();

        /** The same character this many times in a row ("!!!!!!!!", "soooooooo") is spam. */
        @WithDefault("8")
        int repeatedChars();

        @WithDefault("follow back,follow for follow,f4f,follow me,check my profile,dm me for,click the link in my bio")
        List<String> phrases();

        @WithDefault("crypto,bitcoin,btc,airdrop,nft,forex,usdt,binary options,investment opportunity,giveaway")
        List<String> crypto();
    }
}
