package io.guanxi.facts.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.guanxi.platform.web.Problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact words and order of every kind of violation the request contract reports: callers show
 * them to people and match on them, so a refactoring of the contract must not change a character.
 */
class AdviceRequestMessagesTest {

    @Test
    void everyWrongTypeIsNamedWithWhatWasExpectedInContractOrder() {
        assertEquals(List.of(
                "colour: is not a known field",
                "customerId: must be a string, not a number",
                "purchaseShare: must be a number, not a string",
                "annualRevenue: must be a number, not true",
                "profitMargin: must be a number, not an array",
                "revenueTrend: must be a number, not an object",
                "orderCount12m: must be a whole number, not 2.5",
                "tenureMonths: must be a whole number, not a string",
                "segmentSize: must be one of FEW, MEDIUM, MANY, not a number",
                "satisfaction: must be a number, not false",
                "openComplaints: must be a whole number, not a string",
                "paymentOnTimeRate: must be a number, not a string",
                "strategicIndustry: must be true or false, not a string",
                "industry: must be a string, not a number",
                "requestId: must be a string, not an array"),
                violations("{\"colour\":1,\"customerId\":7,\"purchaseShare\":\"0.5\",\"annualRevenue\":true,"
                        + "\"profitMargin\":[],\"revenueTrend\":{},\"orderCount12m\":2.5,\"tenureMonths\":\"6\","
                        + "\"segmentSize\":3,\"satisfaction\":false,\"openComplaints\":\"0\",\"paymentOnTimeRate\":\"1\","
                        + "\"strategicIndustry\":\"yes\",\"industry\":7,\"requestId\":[]}"));
    }

    @Test
    void everyValueOutOfRangeIsNamedWithTheRangeInPlainNumbers() {
        assertEquals(List.of(
                "customerId: must be 1 to 64 characters of A-Z a-z 0-9 . _ : -",
                "purchaseShare: must be between 0 and 1, not 1.5",
                "annualRevenue: must be between 0 and 1000000000000000, not 1e16",
                "profitMargin: must be between -1 and 1, not -1.01",
                "revenueTrend: must be between -1 and 10, not 10.5",
                "orderCount12m: must be between 0 and 1000000, not 1000001",
                "tenureMonths: must be between 0 and 1200, not -1",
                "segmentSize: must be one of FEW, MEDIUM, MANY, not \"many\"",
                "satisfaction: must be between 1 and 5, not 0.5",
                "openComplaints: must be between 0 and 10000, not 10001",
                "paymentOnTimeRate: must have at most 100 decimal places",
                "industry: must be at most 100 characters",
                "requestId: must be 1 to 64 characters of A-Z a-z 0-9 . _ : -"),
                violations("{\"customerId\":\"a b\",\"purchaseShare\":1.5,\"annualRevenue\":1e16,\"profitMargin\":-1.01,"
                        + "\"revenueTrend\":10.5,\"orderCount12m\":1000001,\"tenureMonths\":-1,\"segmentSize\":\"many\","
                        + "\"satisfaction\":0.5,\"openComplaints\":10001,\"paymentOnTimeRate\":0." + "1".repeat(101) + ","
                        + "\"industry\":\"" + "x".repeat(101) + "\",\"requestId\":\"\"}"));
    }

    @Test
    void missingRequiredFactsAreNamedAndRepeatedOnesAreNamedFirst() {
        assertEquals(List.of(
                "industry: is given more than once",
                "customerId: is required",
                "purchaseShare: is required",
                "annualRevenue: is required",
                "profitMargin: is required",
                "revenueTrend: is required",
                "orderCount12m: is required",
                "tenureMonths: is required",
                "segmentSize: is required"),
                violations("{\"industry\":\"a\",\"industry\":\"b\",\"customerId\":null,\"satisfaction\":null}"));
    }

    private static List<String> violations(String body) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> AdviceRequestValidator.validate(body.getBytes(StandardCharsets.UTF_8)));
        return refused.errors().stream().map(AdviceRequestMessagesTest::line).toList();
    }

    private static String line(FieldError error) {
        return error.field() + ": " + error.message();
    }
}
