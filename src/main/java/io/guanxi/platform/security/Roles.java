package io.guanxi.platform.security;

import java.util.Set;

/** Who may do what: the roles an API key can hold. */
public final class Roles {

    /** A CRM front-end: asks for advice and reads its decisions. */
    public static final String ADVICE_CLIENT = "ADVICE_CLIENT";
    /** A compliance auditor: reads everything, changes nothing. */
    public static final String AUDITOR = "AUDITOR";
    /** A business analyst's release manager: reads, reloads and rolls back rule sets. */
    public static final String RULES_ADMIN = "RULES_ADMIN";
    /** A business analyst: simulates the impact of rule changes and reads rule sets, but reloads nothing. */
    public static final String ANALYST = "ANALYST";
    /** Operations (a Prometheus server): scrapes the metrics, sees no decision and changes nothing. */
    public static final String OPERATOR = "OPERATOR";

    public static final Set<String> ALL = Set.of(ADVICE_CLIENT, AUDITOR, RULES_ADMIN, ANALYST, OPERATOR);

    private Roles() {
    }
}
