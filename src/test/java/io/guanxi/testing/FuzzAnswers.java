package io.guanxi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guanxi.platform.web.Problem;
import io.guanxi.testing.FuzzedService.Answer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What every answer of the service must be, whatever was sent: never a server error, never an
 * internal detail (stack trace, Java class, SQL), and every refusal a problem+json with its title
 * and status, naming the fields at fault when there are any.
 */
public final class FuzzAnswers {

    /** Internal details no caller should ever read: Java names, stack frames, SQL and driver words. */
    private static final Pattern LEAK = Pattern.compile(
            "java\\.|\\w+\\.\\w+\\(\\)|javax\\.|io\\.guanxi\\.|io\\.micronaut\\.|org\\.mariadb|Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\."
                    + "|SQL|SELECT |INSERT INTO|\\bWHERE |decision_record|customer_state|Duplicate entry|syntax to use");

    private final JsonMapper json;

    public FuzzAnswers(JsonMapper json) {
        this.json = json;
    }

    /** No 5xx and no internal detail, whatever the status. */
    public void assertSafe(String asked, Answer answer) {
        assertTrue(answer.status() < 500, () -> asked + " -> " + answer);
        String body = answer.body() == null ? "" : answer.body();
        assertFalse(LEAK.matcher(body).find(), () -> asked + " -> internal detail in " + answer);
    }

    /** A refusal with its status: problem+json with type, title, status and detail; returns the problem. */
    public JsonNode assertProblem(String asked, Answer answer, int status) {
        assertSafe(asked, answer);
        assertEquals(status, answer.status(), () -> asked + " -> " + answer);
        assertNotNull(answer.contentType(), () -> asked + " -> no content type: " + answer);
        assertTrue(answer.contentType().startsWith(Problem.CONTENT_TYPE), () -> asked + " -> " + answer);
        JsonNode problem = parse(asked, answer);
        assertTrue(problem.get("type").getStringValue().startsWith("urn:guanxi:problem:"), () -> asked + " -> " + answer);
        assertFalse(problem.get("title").getStringValue().isBlank(), () -> asked + " -> " + answer);
        assertEquals(status, problem.get("status").getIntValue(), () -> asked + " -> " + answer);
        assertNotNull(problem.get("detail"), () -> asked + " -> " + answer);
        return problem;
    }

    /** A 400 whose {@code errors} name exactly these fields (none: the body or request as a whole). */
    public void assertInvalid(String asked, Answer answer, Set<String> fields) {
        JsonNode problem = assertProblem(asked, answer, 400);
        assertEquals(new TreeSet<>(fields), fieldsOf(problem), () -> asked + " -> " + answer);
    }

    public JsonNode parse(String asked, Answer answer) {
        try {
            return json.readValue(answer.body(), JsonNode.class);
        } catch (IOException e) {
            throw new AssertionError(asked + " -> not JSON: " + answer, e);
        }
    }

    private static Set<String> fieldsOf(JsonNode problem) {
        JsonNode errors = problem.get("errors");
        assertNotNull(errors, "a 400 lists its errors: " + problem);
        Set<String> fields = new TreeSet<>();
        for (JsonNode error : errors.values()) {
            fields.add(error.get("field").getStringValue());
            assertFalse(error.get("message").getStringValue().isBlank(), () -> "error without message: " + problem);
        }
        return fields;
    }

    /** For messages: a body shortened to what a reader can take in. */
    public static String shown(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
    }
}
