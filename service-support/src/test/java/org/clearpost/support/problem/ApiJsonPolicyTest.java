package org.clearpost.support.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clearpost.support.json.ApiJsonCustomizer;
import org.clearpost.support.json.InputText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiJsonPolicyTest {

    record Target(String network, boolean pinned) {
    }

    record Body(String text, Instant startsAt, LocalDate endsOn, int count, List<Target> targets) {
    }

    private static final ObjectMapper MAPPER = ApiJsonCustomizer.apply(new ObjectMapper()
            .registerModule(new JavaTimeModule()));

    @Test
    void readsAWellFormedBody() throws Exception {
        Body body = MAPPER.readValue("""
                {"text":"Hello 😀","startsAt":"2026-03-01T09:00:00Z","endsOn":"2026-03-02","count":2,
                 "targets":[{"network":"X","pinned":true}]}""", Body.class);
        assertThat(body.text()).isEqualTo("Hello 😀");
        assertThat(body.startsAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(body.targets()).containsExactly(new Target("X", true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            duplicate key               | {"text":"a","text":"b"}                                      | text
            nested duplicate key        | {"targets":[{"network":"X","network":"Y"}]}                  | targets[0].network
            unknown field               | {"text":"a","colour":"red"}                                  | colour
            NUL                         | {"text":"a\\u0000b"}                                         | text
            lone high surrogate         | {"text":"a\\ud800b"}                                         | text
            lone low surrogate          | {"targets":[{"network":"\\udc00"}]}                          | targets[0].network
            number for text             | {"text":12}                                                  | text
            number for date             | {"startsAt":1700000000}                                      | startsAt
            huge year                   | {"startsAt":"+999999999-01-01T00:00:00Z"}                    | startsAt
            year 10000                  | {"endsOn":"+10000-01-01"}                                    | endsOn
            text for number             | {"count":"2"}                                                | count
            fraction for integer        | {"count":2.5}                                                | count
            number for boolean          | {"targets":[{"pinned":1}]}                                   | targets[0].pinned
            text for boolean            | {"targets":[{"pinned":"true"}]}                              | targets[0].pinned
            """)
    void refusesNamingTheField(String what, String json, String field) {
        assertThatThrownBy(() -> MAPPER.readValue(json, Body.class))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> {
                    var response = JsonProblemMapper.toResponse((JsonProcessingException) e);
                    assertThat(response.getStatus()).as(what).isEqualTo(400);
                    Problem problem = (Problem) response.getEntity();
                    assertThat(problem.violations()).as(what).extracting(Problem.Violation::field).containsExactly(field);
                });
    }

    @Test
    void cleansNetworkTextKeepingPairsAndCutsBetweenCharacters() {
        assertThat(InputText.clean("a\u0000b\ud800c\udc00d😀")).isEqualTo("abcd😀");
        assertThat(InputText.cleanAndCut("ab😀", 3)).isEqualTo("ab");
        assertThat(InputText.problem("fine 😀")).isEmpty();
    }
}
