package io.guanxi.decisionlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.guanxi.facts.CustomerFacts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The canonical form of a validated input, as stored in the decision record: every field in a fixed
 * order, defaults applied, decimals exact and without trailing zeros ({@code 0.50} is {@code 0.5}).
 * Two requests carry the same facts exactly when their canonical forms are equal.
 */
public final class DecisionInput {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private DecisionInput() {
    }

    public static String canonicalJson(CustomerFacts f) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("customerId", f.getCustomerId());
            number(g, "purchaseShare", f.getPurchaseShare());
            number(g, "annualRevenue", f.getAnnualRevenue());
            number(g, "profitMargin", f.getProfitMargin());
            number(g, "revenueTrend", f.getRevenueTrend());
            g.writeNumberField("orderCount12m", f.getOrderCount12m());
            g.writeNumberField("tenureMonths", f.getTenureMonths());
            g.writeStringField("segmentSize", f.getSegmentSize().code());
            number(g, "satisfaction", f.getSatisfaction());
            g.writeNumberField("openComplaints", f.getOpenComplaints());
            number(g, "paymentOnTimeRate", f.getPaymentOnTimeRate());
            g.writeBooleanField("strategicIndustry", f.isStrategicIndustry());
            g.writeStringField("industry", f.getIndustry());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The exact decimal as stored: plain notation, no trailing zeros. */
    public static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static void number(JsonGenerator g, String name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(plain(value));
        }
    }
}
