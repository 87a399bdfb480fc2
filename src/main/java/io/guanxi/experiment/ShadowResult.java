package io.guanxi.experiment;

import io.guanxi.simulation.Outcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the challenger decided beside a shadowed decision, kept in its record's {@code shadow_json}:
 * its version, and its outcome (output codes, actions, fired rule ids) or why it could not decide.
 */
@Serdeable
record ShadowResult(String version, @Nullable Outcome outcome, @Nullable String error) {
}
