package vn.ykien.consultation;

import java.util.List;

/** What a wording import did. */
public sealed interface WordingImportResult {

  /** Items whose wording was set, by code. */
  record Imported(List<String> itemCodes) implements WordingImportResult {}

  record Rejected(String messageKey, String detail) implements WordingImportResult {}
}
