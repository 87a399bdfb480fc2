package io.guanxi;

import io.guanxi.audit.api.AuditCommand;
import io.guanxi.rules.api.RulesCommand;
import io.micronaut.runtime.Micronaut;
import java.util.Arrays;

/** Starts the Guanxi relationship-advice service, or runs one of its command-line tools. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            // Command-line tools: their result is their output and exit status, not log lines.
            case "rules" -> {
                System.setProperty("logback.configurationFile", "logback-cli.xml");
                System.exit(RulesCommand.run(rest, System.out, System.err));
            }
            case "audit" -> {
                System.setProperty("logback.configurationFile", "logback-cli.xml");
                System.exit(AuditCommand.run(rest, System.out));
            }
            default -> Micronaut.run(Application.class, args);
        }
    }
}
