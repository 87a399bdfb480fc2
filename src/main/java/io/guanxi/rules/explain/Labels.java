package io.guanxi.rules.explain;

import io.guanxi.facts.Coded;
import io.guanxi.facts.FactField;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The values a firing read, as an auditor reads them: decimals exactly and in plain notation, codes
 * as codes (their Chinese labels added on reading), each binding named by the fact it holds (in
 * English and Chinese).
 */
public final class Labels {

    /**
     * Chinese names of the bindings the rules use: a binding named after a fact has the fact's label,
     * the others are listed here; a binding not listed is shown by its name alone.
     */
    private static final Map<String, String> LABELS = labels(Map.ofEntries(
            Map.entry("share", FactField.PURCHASE_SHARE.label()),
            Map.entry("previousShare", "上次采购份额"),
            Map.entry("drop", "份额降幅"),
            Map.entry("indicated", "份额所示合作阶段"),
            Map.entry("previous", "上次合作阶段"),
            Map.entry("cooperationStage", "合作阶段"),
            Map.entry("transition", "阶段变化"),
            Map.entry("lifecycleStage", "生命周期阶段"),
            Map.entry("revenueTier", "分级表等级"),
            Map.entry("tier", "大客户等级"),
            Map.entry("flag", "警示"),
            Map.entry("marginLevel", "利润率水平"),
            Map.entry("matrixType", "矩阵关系类型"),
            Map.entry("relationshipType", "关系类型")));

    /**
     * Chinese labels of the flag and entitlement codes of the domain contract, which are plain
     * strings in the rules. Both sets are open (a rule file may add a code), so a code not listed
     * here reads as itself.
     */
    private static final Map<String, String> CODE_LABELS = Map.of(
            "STAGE_SKIP_BLOCKED", "阶段跨越受阻", "ABRUPT_REGRESSION", "关系急剧倒退",
            "UNPROFITABLE", "无利润", "CREDIT_RISK", "信用风险",
            "PRIORITY_SERVICE", "优先服务", "DEDICATED_ACCOUNT_MANAGER", "专属客户经理",
            "PREFERENTIAL_TERMS", "优惠条件");

    private Labels() {
    }

    private static Map<String, String> labels(Map<String, String> bindings) {
        Map<String, String> labels = new HashMap<>(bindings);
        Arrays.stream(FactField.values()).forEach(f -> labels.put(f.jsonName(), f.label()));
        return Map.copyOf(labels);
    }

    static String codeLabel(String code) {
        return CODE_LABELS.getOrDefault(code, code);
    }

    /** The label of a flag or entitlement code; null for any other string. */
    static String codeLabelOrNull(String code) {
        return CODE_LABELS.get(code);
    }

    static String label(String name) {
        return LABELS.getOrDefault(name, name);
    }

    /** Exact decimals in plain notation without trailing zeros (as the stored input has them); codes as codes. */
    public static String format(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return value instanceof Coded coded ? coded.code() : value.toString();
    }
}
