package org.clearpost.console.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeFormTest {

    private static Map<String, List<String>> form(String... namesAndValues) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.computeIfAbsent(namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void theFormBecomesDraftingsRequestWithBlankPartsAndEmptyFieldsLeftOut() {
        ComposeForm form = ComposeForm.parse(form("text", "Our guidance is out", "threadPart", "Part two",
                "threadPart", " ", "target", "X/clearpost_demo", "target", "FACEBOOK/100200300400",
                "override.FACEBOOK/100200300400", "A longer text for Facebook", "override.X/clearpost_demo", "  ",
                "mediaId", "m-1", "mediaAlt", "A chart", "campaign", "", "liveEventId", "",
                "scheduledDay", "28", "scheduledMonth", "3", "scheduledYear", "2027", "scheduledTime", "9:30"));

        Map<String, Object> request = form.request();
        assertThat(request).containsEntry("text", "Our guidance is out")
                .containsEntry("threadParts", List.of("Part two")).containsEntry("scheduledFor", "2027-03-28T09:30")
                .doesNotContainKeys("campaign", "liveEventId");
        assertThat(request.get("targets")).isEqualTo(List.of(
                Map.of("network", "X", "account", "clearpost_demo", "mediaIds", List.of("m-1")),
                Map.of("network", "FACEBOOK", "account", "100200300400", "text", "A longer text for Facebook",
                        "mediaIds", List.of("m-1"))));
        assertThat(form.media()).containsExactly(new ComposeForm.Media("m-1", "A chart"));
    }

    @Test
    void anotherAccountTypedInIsChosenOnceAndKnownAccountsAreOfferedUnticked() {
        ComposeForm form = ComposeForm.parse(form("text", "Hello", "target", "X/a", "otherNetwork", "BLUESKY",
                "otherAccount", " ico.bsky.social ")).offering(List.of(
                        new ComposeForm.Choice("X", "a", false, null), new ComposeForm.Choice("X", "b", false, null)));

        assertThat(form.accounts()).extracting(ComposeForm.Choice::key, ComposeForm.Choice::chosen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("X/a", true),
                        org.assertj.core.groups.Tuple.tuple("BLUESKY/ico.bsky.social", true),
                        org.assertj.core.groups.Tuple.tuple("X/b", false));
        assertThat(form.chosen()).hasSize(2);
    }

    @Test
    void theLondonTimeIsAllOrNothingAndARealDate() {
        assertThat(ComposeForm.parse(form("text", "t")).scheduledFor()).isEmpty();
        assertThatThrownBy(() -> ComposeForm.parse(form("scheduledDay", "28", "scheduledTime", "09:30"))
                .scheduledFor()).hasMessageContaining("day, month, year and time");
        assertThatThrownBy(() -> ComposeForm.parse(form("scheduledDay", "31", "scheduledMonth", "2",
                "scheduledYear", "2027", "scheduledTime", "09:30")).scheduledFor()).hasMessageContaining("real date");
        assertThatThrownBy(() -> ComposeForm.parse(form("scheduledDay", "1", "scheduledMonth", "2",
                "scheduledYear", "2027", "scheduledTime", "25:00")).scheduledFor()).hasMessageContaining("real date");
        // Drafting decides about the clocks changing (a time in the spring gap): the console sends it as typed.
        assertThat(ComposeForm.parse(form("scheduledDay", "28", "scheduledMonth", "3", "scheduledYear", "2027",
                "scheduledTime", "01.30")).scheduledFor()).contains("2027-03-28T01:30");
    }

    @Test
    void eachFieldDraftingNamesHasTheInputThatShowsIt() {
        ComposeForm form = ComposeForm.parse(form("text", "t", "threadPart", "", "threadPart", "second",
                "target", "X/a", "target", "FACEBOOK/b", "override.FACEBOOK/b", "own"))
                .offering(List.of(new ComposeForm.Choice("LINKEDIN", "c", false, null)));
        Map<String, String> inputs = form.inputs();

        assertThat(inputs).containsEntry("text", "text")
                // the blank first part is not sent, so drafting's threadParts[0] is the second box
                .containsEntry("threadParts[0]", "thread-part-1")
                // X has no text of its own: a problem in what it publishes is a problem in the post text
                .containsEntry("targets[0].text", "text").containsEntry("targets[1].text", "override-1")
                .containsEntry("targets[1]", "account-1").containsEntry("scheduledFor", "scheduledDay")
                .doesNotContainKey("targets[2]");
        assertThat(inputs.keySet().iterator().next()).isEqualTo("text");
    }

    @Test
    void aSavedPostIsShownForEditingAsItWasWritten() throws Exception {
        ComposeForm form = ComposeForm.of(new ObjectMapper().readTree("""
                {"text":"Base","threadParts":["Two"],"campaign":"sar-week","liveEventId":null,
                 "scheduledFor":"2027-03-28T09:05:00",
                 "targets":[{"network":"X","account":"a","text":null,"mediaIds":["m1"]},
                            {"network":"FACEBOOK","account":"b","text":"Own","mediaIds":["m1"]}]}"""));
        assertThat(form.text()).isEqualTo("Base");
        assertThat(form.threadParts()).containsExactly("Two");
        assertThat(form.chosen()).extracting(ComposeForm.Choice::override).containsExactly(null, "Own");
        assertThat(form.media()).extracting(ComposeForm.Media::id).containsExactly("m1");
        assertThat(List.of(form.day(), form.month(), form.year(), form.time()))
                .containsExactly("28", "3", "2027", "09:05");
        assertThat(form.request()).containsEntry("scheduledFor", "2027-03-28T09:05").containsEntry("campaign",
                "sar-week");
    }
}
