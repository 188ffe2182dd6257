package vn.ykien.opinion;

import java.time.Instant;

/** Proof that someone took part: it says nothing of what they said. */
public record Receipt(String number, long consultationId, Instant issuedAt) {}
