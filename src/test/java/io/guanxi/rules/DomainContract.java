package io.guanxi.rules;

import java.util.Map;
import java.util.Set;

/**
 * The closed sets of CRM-DOMAIN §5, copied from the domain file rather than read from {@code rules/},
 * so that a rule set drifting from the contract fails the tests.
 */
final class DomainContract {

    static final Set<String> FLAGS = Set.of("STAGE_SKIP_BLOCKED", "ABRUPT_REGRESSION", "UNPROFITABLE", "CREDIT_RISK");

    static final Set<String> ENTITLEMENTS = Set.of("PRIORITY_SERVICE", "DEDICATED_ACCOUNT_MANAGER", "PREFERENTIAL_TERMS");

    /** Every action of the §5 table with its Chinese label. */
    static final Map<String, String> ACTION_LABELS = Map.ofEntries(
            Map.entry("WIN_BACK", "客户挽回"),
            Map.entry("RELATIONSHIP_REPAIR", "关系修补"),
            Map.entry("COMPLAINT_RESOLUTION", "投诉处理"),
            Map.entry("CREDIT_REVIEW", "信用评估"),
            Map.entry("CUSTOMER_PLANNING", "客户规划"),
            Map.entry("PHONE_INVITATION", "电话邀约"),
            Map.entry("FIRST_VISIT", "客户拜访"),
            Map.entry("INITIAL_PROPOSAL", "初步方案"),
            Map.entry("NEEDS_ANALYSIS", "需求分析"),
            Map.entry("PRODUCT_DEMO_TRAINING", "产品演示和培训"),
            Map.entry("BUILD_TRUST", "建立信任"),
            Map.entry("UPSELL_CROSS_SELL", "增量与交叉购买"),
            Map.entry("SATISFACTION_SURVEY", "满意度调查"),
            Map.entry("LOYALTY_REWARD", "奖励计划"),
            Map.entry("REGULAR_CONTACT", "定期沟通"),
            Map.entry("JOINT_PLANNING", "共同制定发展战略"),
            Map.entry("EXECUTIVE_SPONSOR", "高层互访"),
            Map.entry("CO_DESIGN", "共同设计新产品"),
            Map.entry("FEEDBACK_CHANNEL", "开通反馈渠道"),
            Map.entry("POST_SALE_CALLBACK", "售后回访"),
            Map.entry("NEW_PRODUCT_BRIEFING", "新产品推介"));

    /** The class (1 urgent … 4 relationship) of each row of the §5 table, by the id of its rule. */
    static final Map<String, Integer> ROW_CLASS = Map.ofEntries(
            Map.entry("NBA-010", 1),
            Map.entry("NBA-020", 2), Map.entry("NBA-030", 2), Map.entry("NBA-040", 2), Map.entry("NBA-050", 2),
            Map.entry("NBA-060", 3), Map.entry("NBA-070", 3), Map.entry("NBA-080", 3), Map.entry("NBA-090", 3),
            Map.entry("NBA-100", 3),
            Map.entry("NBA-110", 4), Map.entry("NBA-120", 4), Map.entry("NBA-130", 4), Map.entry("NBA-140", 4));

    private DomainContract() {
    }
}
