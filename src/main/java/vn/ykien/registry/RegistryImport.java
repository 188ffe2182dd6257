package vn.ykien.registry;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ykien.identity.OfficialChangedRecords;
import vn.ykien.registry.internal.imports.RegistryImporter;
import vn.ykien.registry.internal.imports.RowSource;
import vn.ykien.units.Units;

/**
 * Imports the population list (DC01) from CSV or XLSX in the documented format
 * (docs/registry-import.md). The file is streamed, never held in memory; the whole import is one
 * transaction, so a file is applied entirely or not at all (or, on request, its valid rows).
 * Re-importing the same file changes nothing; a newer list updates people and moves them.
 */
@Service
public class RegistryImport {

  private static final Logger log = LoggerFactory.getLogger(RegistryImport.class);
  /** The audit trail's name for an import that changed people's records. */
  public static final String AUDITED_ACTION = "registry-import-applied";
  /** The whole country: the unit an import without a scope (at the console) is recorded for. */
  private static final String NATION = "VN";

  private final RegistryImporter importer;
  private final Units units;
  private final TransactionTemplate transactions;
  private final Clock clock;

  private final ApplicationEventPublisher events;

  RegistryImport(
      RegistryImporter importer,
      Units units,
      PlatformTransactionManager transactions,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.importer = importer;
    this.units = units;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  public ImportReport importFile(Path file, ImportOptions options, ImportProgress progress) {
    return importFile(file, file.getFileName().toString(), options, progress, UnaryOperator.identity());
  }

  /**
   * Imports a stored file (e.g. an upload) under the name its sender gave it; the name's ending
   * (.csv, .xlsx) chooses the format. {@code wrap} sees the bytes as they are read.
   */
  public ImportReport importFile(
      Path file,
      String fileName,
      ImportOptions options,
      ImportProgress progress,
      UnaryOperator<InputStream> wrap) {
    if (!Files.isRegularFile(file)) {
      return unreadable(fileName, "fileMissing");
    }
    Map<String, Long> unitIds = units.idsByCode(options.unitEdition());
    java.util.Set<Long> inScope = scope(options);
    LocalDate today = LocalDate.now(clock);
    long started = System.nanoTime();
    MessageDigest fileDigest = sha256();
    UnaryOperator<InputStream> digesting = in -> new DigestInputStream(wrap.apply(in), fileDigest);
    ImportReport report;
    try {
      report =
          transactions.execute(
              status -> {
                try {
                  ImportReport result =
                      importer.run(
                          fileName,
                          file,
                          digesting,
                          RowSource.forFileName(fileName),
                          options,
                          unitIds,
                          inScope,
                          today,
                          progress);
                  if (!result.applied()) {
                    status.setRollbackOnly();
                  } else if (result.inserted() + result.updated() > 0) {
                    // In this transaction: the people's new values and the entry naming who
                    // wrote them are committed together, or neither is.
                    audit(options, fileName, HexFormat.of().formatHex(fileDigest.digest()), result);
                  }
                  return result;
                } catch (IOException e) {
                  status.setRollbackOnly();
                  log.warn("Registry import of {} could not be read: {}", fileName, e.getMessage());
                  return unreadable(fileName, "unreadableFile");
                }
              });
    } catch (DataAccessException e) {
      // e.g. another import wrote the same people at the same moment: nothing was applied
      log.warn("Registry import of {} failed in the database: {}", fileName, e.getMessage());
      return unreadable(fileName, "databaseError");
    }
    log.info(
        "Registry import of {}: {} rows, applied={}, {} inserted, {} updated, {} errors, {} ms",
        fileName,
        report.rows(),
        report.applied(),
        report.inserted(),
        report.updated(),
        report.errorCount(),
        (System.nanoTime() - started) / 1_000_000);
    return report;
  }

  /** The audit trail's entry for an applied import: who, for which unit, how much, which diff. */
  private void audit(ImportOptions options, String fileName, String fileSha256, ImportReport result) {
    String unitCode = options.scopeUnitCode() != null ? options.scopeUnitCode() : NATION;
    String path = units.findByCode(options.unitEdition(), unitCode).map(vn.ykien.units.Unit::path).orElse("/");
    String detail =
        fileName
            + " | file sha256:"
            + fileSha256
            + (result.changeDigest() == null ? "" : " | changes:" + result.changeDigest())
            + " | +" + result.inserted() + " ~" + result.updated();
    events.publishEvent(
        new OfficialChangedRecords(
            options.importedBy(),
            options.unitEdition(),
            unitCode,
            path,
            AUDITED_ACTION,
            detail,
            (int) Math.min(Integer.MAX_VALUE, result.inserted() + result.updated())));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The units an import may write to: all of the edition, or the subtree of its scope. */
  private java.util.Set<Long> scope(ImportOptions options) {
    if (options.scopeUnitCode() == null) {
      return java.util.Set.of();
    }
    return units
        .findByCode(options.unitEdition(), options.scopeUnitCode())
        .map(unit -> (java.util.Set<Long>) new java.util.HashSet<>(units.subtree(unit.id())))
        .orElseGet(() -> java.util.Set.of(-1L));
  }

  /** The report of a file that could not be read at all. */
  public static ImportReport unreadable(String fileName) {
    return unreadable(fileName, "unreadableFile");
  }

  private static ImportReport unreadable(String fileName, String reason) {
    return new ImportReport(
        fileName, 0, false, 0, 0, 0, 0, 1, Map.of(reason, 1L), List.of(new RowError(0, null, reason, null)));
  }
}
