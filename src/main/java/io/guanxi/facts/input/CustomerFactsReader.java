package io.guanxi.facts.input;

import io.guanxi.facts.CustomerFacts;

/**
 * Reads a customer's facts from a JSON object under exactly the rules of the HTTP request (strict
 * types, ranges, no unknown or repeated fields), for callers outside the HTTP API such as the
 * scenario tests of a rule set.
 */
public final class CustomerFactsReader {

    private CustomerFactsReader() {
    }

    /** The validated facts, or an {@link InvalidRequestException} listing every violation by field name. */
    public static CustomerFacts read(byte[] json) {
        return AdviceRequestValidator.validate(json).facts();
    }
}
