package io.guanxi;

import io.guanxi.decisionlog.AuditCommand;
import io.micronaut.runtime.Micronaut;
import java.util.Arrays;

/** Starts the Guanxi relationship-advice service, or runs one of its command-line tools. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            // The command's result is its output and exit status, not a log line.
            case "audit" -> System.exit(AuditCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
            default -> Micronaut.run(Application.class, args);
        }
    }
}
