package io.guanxi;

import io.guanxi.rules.RulesCommand;
import io.micronaut.runtime.Micronaut;
import java.util.Arrays;

/** Starts the Guanxi relationship-advice service, or runs one of its command-line tools. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            // Command-line tools run without the HTTP server or a database.
            case "rules" -> {
                System.setProperty("logback.configurationFile", "logback-cli.xml");
                System.exit(RulesCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            }
            default -> Micronaut.run(Application.class, args);
        }
    }
}
