package io.guanxi.rules;

import io.guanxi.facts.CooperationStage;
import io.guanxi.facts.CustomerFacts;
import io.guanxi.facts.LifecycleStage;
import io.guanxi.facts.RelationshipType;
import io.guanxi.facts.SegmentSize;
import io.guanxi.facts.Tier;
import io.guanxi.facts.Transition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * CRM-DOMAIN §1-§5 written out once more in plain Java, straight from the domain file, as an
 * independent oracle for the rules: where the two disagree, one of them misreads the contract.
 */
final class DomainOracle {

    /** What the contract says the advice must be; actions as "CODE<-NBA-010,NBA-030" in rank order. */
    record Expected(CooperationStage stage, Transition transition, LifecycleStage lifecycle, Tier tier,
                    RelationshipType type, List<String> flags, List<String> entitlements, List<String> actions) {
    }

    private DomainOracle() {
    }

    static Expected expect(CustomerFacts f, CooperationStage stored, BigDecimal storedShare) {
        TreeSet<String> flags = new TreeSet<>();
        CooperationStage indicated = indicated(f.getPurchaseShare());
        CooperationStage stage = indicated;
        Transition transition = Transition.NEW;
        if (stored != null) {
            int steps = indicated.ordinal() - stored.ordinal();
            transition = steps == 0 ? Transition.HELD : steps > 0 ? Transition.ADVANCED : Transition.REGRESSED;
            if (steps >= 2) {
                stage = CooperationStage.values()[stored.ordinal() + 1];
                flags.add("STAGE_SKIP_BLOCKED");
            } else if (steps <= -2) {
                flags.add("ABRUPT_REGRESSION");
            }
        }
        LifecycleStage lifecycle = lifecycle(f, stage, storedShare);
        if (f.getProfitMargin().signum() <= 0) {
            flags.add("UNPROFITABLE");
        }
        if (f.getPaymentOnTimeRate() != null && lt(f.getPaymentOnTimeRate(), "0.80")) {
            flags.add("CREDIT_RISK");
        }
        boolean capped = flags.contains("UNPROFITABLE") || flags.contains("CREDIT_RISK");
        Tier tier = tier(f, stage);
        if (tier == Tier.STRATEGIC && capped) {
            tier = Tier.KEY;
        }
        TreeSet<String> entitlements = new TreeSet<>();
        if (tier == Tier.STRATEGIC || tier == Tier.KEY) {
            entitlements.add("PRIORITY_SERVICE");
            entitlements.add("DEDICATED_ACCOUNT_MANAGER");
            if (!capped) {
                entitlements.add("PREFERENTIAL_TERMS");
            }
        }
        RelationshipType type = type(f, tier, stage);
        return new Expected(stage, transition, lifecycle, tier, type, List.copyOf(flags), List.copyOf(entitlements),
                actions(f, flags, transition, stage, lifecycle, type));
    }

    static CooperationStage indicated(BigDecimal share) {
        if (share.signum() == 0) {
            return CooperationStage.DEVELOPMENT;
        }
        return lt(share, "0.50") ? CooperationStage.INITIAL
                : lt(share, "0.80") ? CooperationStage.STABLE : CooperationStage.STRATEGIC;
    }

    private static LifecycleStage lifecycle(CustomerFacts f, CooperationStage stage, BigDecimal storedShare) {
        BigDecimal satisfaction = f.getSatisfaction();
        if (!gt(f.getRevenueTrend(), "-0.20")
                || storedShare != null && !lt(storedShare.subtract(f.getPurchaseShare()), "0.10")
                || satisfaction != null && lt(satisfaction, "2.5")
                || f.getOpenComplaints() >= 3) {
            return LifecycleStage.DECLINE;
        }
        if (f.getTenureMonths() < 6 || f.getOrderCount12m() <= 2) {
            return LifecycleStage.EXPLORATION;
        }
        boolean stableOrStrategic = stage == CooperationStage.STABLE || stage == CooperationStage.STRATEGIC;
        if (stableOrStrategic && !lt(f.getRevenueTrend(), "-0.05") && (satisfaction == null || !lt(satisfaction, "4.0"))) {
            return LifecycleStage.STABILITY;
        }
        return LifecycleStage.FORMATION;
    }

    private static Tier tier(CustomerFacts f, CooperationStage stage) {
        BigDecimal revenue = f.getAnnualRevenue();
        boolean stableOrStrategic = stage == CooperationStage.STABLE || stage == CooperationStage.STRATEGIC;
        if (!lt(revenue, "5000000") && stableOrStrategic || f.isStrategicIndustry() && !lt(revenue, "2000000")) {
            return Tier.STRATEGIC;
        }
        if (!lt(revenue, "1000000")) {
            return Tier.KEY;
        }
        return !lt(f.getRevenueTrend(), "0.30") ? Tier.GROWTH : Tier.STANDARD;
    }

    private static final RelationshipType[][] MATRIX = {
            {RelationshipType.BASIC, RelationshipType.REACTIVE, RelationshipType.ACCOUNTABLE},
            {RelationshipType.REACTIVE, RelationshipType.ACCOUNTABLE, RelationshipType.PROACTIVE},
            {RelationshipType.ACCOUNTABLE, RelationshipType.PROACTIVE, RelationshipType.PARTNERSHIP}};

    private static RelationshipType type(CustomerFacts f, Tier tier, CooperationStage stage) {
        int margin = lt(f.getProfitMargin(), "0.10") ? 0 : lt(f.getProfitMargin(), "0.30") ? 1 : 2;
        int row = f.getSegmentSize() == SegmentSize.MANY ? 0 : f.getSegmentSize() == SegmentSize.MEDIUM ? 1 : 2;
        RelationshipType type = MATRIX[row][margin];
        if (tier == Tier.STRATEGIC && type.ordinal() < RelationshipType.PROACTIVE.ordinal()) {
            type = RelationshipType.PROACTIVE;
        }
        if (stage == CooperationStage.STRATEGIC && margin == 2) {
            type = RelationshipType.PARTNERSHIP;
        }
        return type;
    }

    /** The §5 table read top to bottom; rows within a class are already in table order. */
    private static List<String> actions(CustomerFacts f, TreeSet<String> flags, Transition transition,
                                        CooperationStage stage, LifecycleStage lifecycle, RelationshipType type) {
        List<String[]> rows = new ArrayList<>();
        row(rows, flags.contains("ABRUPT_REGRESSION"), "NBA-010", "WIN_BACK");
        row(rows, transition == Transition.REGRESSED, "NBA-020", "RELATIONSHIP_REPAIR");
        row(rows, lifecycle == LifecycleStage.DECLINE, "NBA-030", "WIN_BACK");
        row(rows, f.getOpenComplaints() > 0, "NBA-040", "COMPLAINT_RESOLUTION");
        row(rows, flags.contains("CREDIT_RISK"), "NBA-050", "CREDIT_REVIEW");
        row(rows, stage == CooperationStage.DEVELOPMENT, "NBA-060",
                "CUSTOMER_PLANNING", "PHONE_INVITATION", "FIRST_VISIT", "INITIAL_PROPOSAL");
        row(rows, stage == CooperationStage.INITIAL || lifecycle == LifecycleStage.EXPLORATION, "NBA-070",
                "NEEDS_ANALYSIS", "PRODUCT_DEMO_TRAINING", "BUILD_TRUST");
        row(rows, lifecycle == LifecycleStage.FORMATION, "NBA-080", "UPSELL_CROSS_SELL", "SATISFACTION_SURVEY");
        row(rows, lifecycle == LifecycleStage.STABILITY, "NBA-090", "LOYALTY_REWARD", "REGULAR_CONTACT");
        row(rows, stage == CooperationStage.STRATEGIC, "NBA-100", "JOINT_PLANNING", "EXECUTIVE_SPONSOR", "CO_DESIGN");
        row(rows, type == RelationshipType.REACTIVE, "NBA-110", "FEEDBACK_CHANNEL");
        row(rows, type == RelationshipType.ACCOUNTABLE, "NBA-120", "POST_SALE_CALLBACK");
        row(rows, type == RelationshipType.PROACTIVE, "NBA-130", "NEW_PRODUCT_BRIEFING");
        row(rows, type == RelationshipType.PARTNERSHIP, "NBA-140", "JOINT_PLANNING");
        Map<String, List<String>> merged = new LinkedHashMap<>();
        rows.forEach(r -> merged.computeIfAbsent(r[1], c -> new ArrayList<>()).add(r[0]));
        return merged.entrySet().stream().map(e -> e.getKey() + "<-" + String.join(",", e.getValue())).toList();
    }

    private static void row(List<String[]> rows, boolean when, String id, String... codes) {
        if (when) {
            for (String code : codes) {
                rows.add(new String[] {id, code});
            }
        }
    }

    private static boolean lt(BigDecimal value, String limit) {
        return value.compareTo(new BigDecimal(limit)) < 0;
    }

    private static boolean gt(BigDecimal value, String limit) {
        return value.compareTo(new BigDecimal(limit)) > 0;
    }
}
