-- Idempotency fingerprints were an HMAC of the answers alone, stored beside the citizen id: the
-- same answers gave the same fingerprint, so one known opinion found everyone who sent the same
-- (issue 12). New fingerprints are bound to the consultation, the citizen and the key. The old
-- ones cannot be recomputed (the key is outside the database) and are removed: a retry of a
-- request sent before this migration, within the day a key is kept, makes a new revision with
-- the same content instead of a replay.
delete from opinion.idempotent_request;
