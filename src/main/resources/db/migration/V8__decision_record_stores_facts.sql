-- A record stores facts, not renderings. New records keep in decision_json only what the decision
-- alone knows: the explanation trace (every firing's rule id, the values its bindings held, the
-- firings it built on; each output's code and firings) and each action's proposing rule ids. The
-- answer, the full rule names, labels, action reasons and the rendered explanation are rendered on
-- reading from the rule-set version that decided (kept forever in ruleset_file), so output_json,
-- fired_rules and explanation_json stay NULL on new records. Records stored before keep them, and
-- their hashes: a NULL column is left out of the canonical encoding.
-- COMPRESSED is MariaDB's storage-engine-independent column compression (zlib): the trace repeats
-- its field names and rule ids, and compresses to about a third.
ALTER TABLE decision_record
    ADD COLUMN decision_json LONGTEXT COMPRESSED NULL,
    MODIFY output_json      LONGTEXT NULL,
    MODIFY fired_rules      LONGTEXT NULL,
    MODIFY explanation_json LONGTEXT NULL;
