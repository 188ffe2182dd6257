package vn.ykien.opinion;

import java.time.Instant;

/** What verifying a receipt found. */
public sealed interface ReceiptCheck {

  /** Issued by the platform and still standing: this person took part in that consultation. */
  record Valid(long consultationId, Instant issuedAt) implements ReceiptCheck {}

  /** Issued by the platform but withdrawn since (the participation was withdrawn). */
  record Revoked(long consultationId, Instant issuedAt, Instant revokedAt) implements ReceiptCheck {}

  /** Not a receipt of this platform: malformed, altered, or signed by another key. */
  record Invalid() implements ReceiptCheck {}

  default String messageKey() {
    return switch (this) {
      case Valid valid -> "receipt.check.valid";
      case Revoked revoked -> "receipt.check.revoked";
      case Invalid invalid -> "receipt.check.invalid";
    };
  }
}
