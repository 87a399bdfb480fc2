package io.guanxi.audit.api;

import io.guanxi.audit.InvalidAuditQueryException;
import io.guanxi.audit.VerifyRequest;
import io.guanxi.decisionlog.chain.Verification;
import io.guanxi.platform.db.ConfiguredDatabase;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code guanxi audit verify [--from N] [--to N] [--since SEQ:HASH] [--limit N]}: verifies the audit
 * chain from the command line, against the database the service's configuration names, without
 * starting the service. Exit 0 when intact, 1 when broken, 2 on a usage or connection error.
 */
public final class AuditCommand {

    private static final String USAGE = "usage: guanxi audit verify [--from N] [--to N] [--since SEQ:HASH] [--limit N]";
    private static final List<String> OPTIONS = List.of("--from", "--to", "--since", "--limit");

    private AuditCommand() {
    }

    /**
     * Runs the command and returns its exit status; {@code out} is the command's own output: the
     * result's first line (as before breaks were listed), then one line per listed break and the total.
     */
    public static int run(String[] args, PrintStream out) {
        VerifyRequest request;
        try {
            request = parse(args);
        } catch (InvalidAuditQueryException e) {
            e.errors().forEach(error -> out.println("--" + error.field() + " " + error.message()));
            request = null;
        }
        if (request == null) {
            out.println(USAGE);
            return 2;
        }
        try (Connection c = ConfiguredDatabase.connectFromTool()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            Verification result = request.run(c);
            c.rollback();
            result.lines().forEach(out::println);
            return result.ok() ? 0 : 1;
        } catch (SQLException e) {
            out.println("cannot read the decision log: " + e.getMessage());
            return 2;
        }
    }

    /** {@code verify} and its options, each at most once; null when the arguments are anything else. */
    private static VerifyRequest parse(String[] args) {
        if (args.length == 0 || !args[0].equals("verify") || args.length % 2 == 0) {
            return null;
        }
        Map<String, String> given = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || given.put(args[i], args[i + 1]) != null) {
                return null;
            }
        }
        return VerifyRequest.parse(given.get("--from"), given.get("--to"), given.get("--since"), given.get("--limit"));
    }
}
