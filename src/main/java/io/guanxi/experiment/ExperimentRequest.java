package io.guanxi.experiment;

import io.guanxi.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code POST /v1/experiments} asks for: a challenger (a stored rule-set version), a mode and
 * a share of customers (split 1–50 %, shadow 1–100 %, by default 100 in shadow mode).
 */
@Serdeable
record ExperimentRequest(@Nullable String challenger, @Nullable String mode, @Nullable Integer sharePercent,
                         @Nullable String note) {

    private static final String VERSION = "sha256:[0-9a-f]{64}";

    /** Every violation at once, by JSON field name. */
    List<Problem.FieldError> errors() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (challenger == null || !challenger.matches(VERSION)) {
            errors.add(new Problem.FieldError("challenger", "must be a stored rule-set version: sha256: and 64 hex digits"));
        }
        if (!Experiment.SHADOW.equals(mode) && !Experiment.SPLIT.equals(mode)) {
            errors.add(new Problem.FieldError("mode", "must be shadow or split"));
        } else if (sharePercent == null && Experiment.SPLIT.equals(mode)) {
            errors.add(new Problem.FieldError("sharePercent", "is required in split mode: 1 to 50"));
        } else if (sharePercent != null && (sharePercent < 1 || sharePercent > maxShare())) {
            errors.add(new Problem.FieldError("sharePercent", "must be 1 to " + maxShare() + " in " + mode + " mode"));
        }
        if (note != null && note.length() > 2000) {
            errors.add(new Problem.FieldError("note", "must be at most 2000 characters"));
        }
        return errors;
    }

    /** A split sends real answers from the challenger, so at most half the customers get them. */
    private int maxShare() {
        return Experiment.SPLIT.equals(mode) ? 50 : 100;
    }

    int share() {
        return sharePercent == null ? 100 : sharePercent;
    }
}
