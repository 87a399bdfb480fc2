-- The decision log compressed by the page rather than by the value. V8 compressed each record's
-- decision_json on its own (zlib per value, in the inserting thread, and again undone for every
-- row read, also from the buffer pool). A page of records repeats far more than one value does —
-- field names, rule ids, the rule-set version, the shape of the input — so InnoDB page compression
-- (zlib, done as pages are written to disk, by the page cleaner) takes the table to about half the
-- bytes on disk, and rows are read uncompressed from memory.
-- Page compression frees the compressed part of each page by punching a hole in the file: the
-- saving shows in allocated blocks (du, df), while the apparent file size (ls -l) stays that of the
-- uncompressed pages. It needs a filesystem with hole punching (ext4, XFS, Btrfs; MariaDB logs a
-- warning and stores pages whole where there is none). Values are unchanged, so every hash holds.
-- The ALTER rebuilds the table: on a large existing log it takes a while once, at start-up.
ALTER TABLE decision_record
    MODIFY decision_json LONGTEXT NULL,
    PAGE_COMPRESSED = 1;
