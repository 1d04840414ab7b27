package org.backbone.driver;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Arrays;

/** What the API answered: status, headers and the body as JSON (a null node when empty or not JSON). */
public record Answer(String method, String path, int status, HttpHeaders headers, JsonNode body, String text) {

    /** This answer, or an exception naming the call and what came back unless the status is one of {@code expected}. */
    public Answer expect(int... expected) {
        if (Arrays.stream(expected).noneMatch(s -> s == status)) {
            throw new UnexpectedAnswer(this, expected);
        }
        return this;
    }

    /** The text at a dotted path of the body ({@code draft.version}), or null. */
    public String text(String dottedPath) {
        JsonNode node = node(dottedPath);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    public JsonNode node(String dottedPath) {
        JsonNode node = body;
        for (String step : dottedPath.split("\\.")) {
            node = step.matches("\\d+") ? node.path(Integer.parseInt(step)) : node.path(step);
        }
        return node;
    }

    /** A status other than the one expected. */
    public static final class UnexpectedAnswer extends IllegalStateException {
        private final Answer answer;

        UnexpectedAnswer(Answer answer, int[] expected) {
            super(answer.method() + " " + answer.path() + " answered " + answer.status() + " (expected "
                    + Arrays.toString(expected) + "): " + answer.text());
            this.answer = answer;
        }

        public Answer answer() {
            return answer;
        }
    }
}
