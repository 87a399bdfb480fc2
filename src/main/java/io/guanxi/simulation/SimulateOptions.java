package io.guanxi.simulation;

import io.guanxi.facts.input.InvalidRequestException;
import io.guanxi.platform.web.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The arguments of {@code rules simulate}, checked as strictly as the API checks its request. */
record SimulateOptions(Path dir, PopulationFilter filter, Path facts, Path baseline, Path changes, boolean json) {

    private static final Set<String> VALUED = Set.of("--from", "--to", "--customer-id", "--tier", "--rule",
            "--transition", "--facts", "--baseline", "--changes");

    static SimulateOptions parse(String[] args, String defaultDir) {
        Map<String, String> values = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        String dir = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--json")) {
                json = true;
            } else if (VALUED.contains(arg) && i + 1 < args.length) {
                if (values.put(arg, args[++i]) != null) {
                    errors.add(new Problem.FieldError(arg, "given more than once"));
                }
            } else if (!arg.startsWith("--") && dir == null) {
                dir = arg;
            } else {
                errors.add(new Problem.FieldError(arg, VALUED.contains(arg) ? "needs a value" : "unknown argument"));
            }
        }
        SimulationRequest request = new SimulationRequest(null, null, values.get("--from"), values.get("--to"),
                values.get("--customer-id"), values.get("--tier"), values.get("--rule"), values.get("--transition"),
                values.containsKey("--facts") ? "" : null);
        if (values.containsKey("--baseline") && !values.containsKey("--facts")) {
            errors.add(new Problem.FieldError("--baseline", "compares a facts file only: give --facts too"));
        }
        PopulationFilter filter = null;
        try {
            filter = request.check();
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> errors.add(new Problem.FieldError("--" + f.field(), f.message())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("bad arguments", errors);
        }
        return new SimulateOptions(Path.of(dir == null ? defaultDir : dir), filter, path(values, "--facts"),
                path(values, "--baseline"), path(values, "--changes"), json);
    }

    private static Path path(Map<String, String> values, String option) {
        return values.containsKey(option) ? Path.of(values.get(option)) : null;
    }
}
