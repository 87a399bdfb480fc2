package io.guanxi.facts.input;

import io.guanxi.facts.CustomerFacts;

/** A validated advice request: the customer's facts and the caller's optional idempotency key. */
public record AdviceRequest(CustomerFacts facts, String requestId) {
}
