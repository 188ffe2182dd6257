package vn.ykien.registry.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import vn.ykien.identity.OfficialAccess;
import vn.ykien.identity.OfficialViewedPeople;
import vn.ykien.identity.Permission;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.registry.ImportOptions;
import vn.ykien.registry.ImportReport;
import vn.ykien.registry.RegistryImport;
import vn.ykien.registry.RowError;
import vn.ykien.units.Unit;

/**
 * Officials upload a unit's population list; the import runs in the background and the page
 * follows it with a progress bar, then shows the report. Only officials who may import for the
 * unit (their own or one below it) get here, and rows outside the unit are refused.
 */
@Controller
class RegistryImportPages {

  private static final Logger log = LoggerFactory.getLogger(RegistryImportPages.class);
  static final String AUDITED_LIST = "registry-import-report";

  private final RegistryImport registryImport;
  private final ImportJobs jobs;
  private final OfficialAccess access;
  private final ApplicationEventPublisher events;
  private final int concurrentImports;

  RegistryImportPages(
      RegistryImport registryImport,
      ImportJobs jobs,
      OfficialAccess access,
      ApplicationEventPublisher events,
      @Value("${ykien.registry.concurrent-imports:2}") int concurrentImports) {
    this.registryImport = registryImport;
    this.jobs = jobs;
    this.access = access;
    this.events = events;
    this.concurrentImports = concurrentImports;
  }

  @GetMapping("/officials/units/{edition}/{code}/registry/import")
  String form(
      @PathVariable String edition,
      @PathVariable String code,
      @Nullable SignedInOfficial official,
      Model model) {
    model.addAttribute("unit", access.requireUnit(official, Permission.IMPORT_REGISTRY, edition, code).unit());
    return "registry/import";
  }

  @PostMapping("/officials/units/{edition}/{code}/registry/import")
  String upload(
      @PathVariable String edition,
      @PathVariable String code,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "false") boolean applyValid,
      @Nullable SignedInOfficial official,
      Model model)
      throws IOException {
    var at = access.requireUnit(official, Permission.IMPORT_REGISTRY, edition, code);
    Unit unit = at.unit();
    model.addAttribute("unit", unit);
    if (file == null || file.isEmpty()) {
      model.addAttribute("errorKey", "registry.page.noFile");
      return "registry/import";
    }
    if (jobs.running() >= concurrentImports) {
      model.addAttribute("errorKey", "registry.page.busy");
      return "registry/import";
    }
    String name = uploadName(file.getOriginalFilename());
    Path stored = Files.createTempFile("ykien-import-", "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
    try {
      file.transferTo(stored);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(stored);
      throw e;
    }
    ImportJobs.Job job =
        jobs.start(at.official().username(), unit.edition(), unit.code(), name, Files.size(stored));
    var options = new ImportOptions(unit.edition(), applyValid, unit.code(), at.official().username());
    Thread.ofVirtual()
        .name("registry-import-" + job.id())
        .start(
            () -> {
              try {
                job.finish(registryImport.importFile(stored, name, options, job, job::counting));
              } catch (RuntimeException | Error e) {
                log.warn("Registry import {} failed: {}", job.id(), e.getMessage());
                job.finish(RegistryImport.unreadable(name));
              } finally {
                try {
                  Files.deleteIfExists(stored);
                } catch (IOException e) {
                  log.warn("Could not delete the uploaded file {}", stored);
                }
              }
            });
    return "redirect:/officials/units/" + unit.edition() + "/" + unit.code() + "/registry/import/" + job.id();
  }

  @GetMapping("/officials/units/{edition}/{code}/registry/import/{id}")
  String job(
      @PathVariable String edition,
      @PathVariable String code,
      @PathVariable String id,
      @Nullable SignedInOfficial official,
      Model model) {
    var at = access.requireUnit(official, Permission.IMPORT_REGISTRY, edition, code);
    Unit unit = at.unit();
    ImportJobs.Job job =
        jobs.find(id, unit.edition(), unit.code())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    ImportReport report = job.report();
    if (report != null && !report.errors().isEmpty()) {
      // The report lists personal data (ids, names, dates) of the rows it refused: one person a line.
      events.publishEvent(
          new OfficialViewedPeople(
              at.official().username(),
              unit.edition(),
              unit.code(),
              unit.path(),
              AUDITED_LIST,
              job.fileName(),
              (int) report.errors().stream().mapToLong(RowError::line).distinct().count()));
    }
    model.addAttribute("unit", unit);
    model.addAttribute("job", job);
    model.addAttribute("report", report);
    if (report == null) {
      model.addAttribute("refreshSeconds", 1);
    }
    return "registry/import-job";
  }

  /** The file's own name, without any path its sender gave; a safe default otherwise. */
  static String uploadName(@Nullable String given) {
    if (given == null || given.isBlank() || given.indexOf('\u0000') >= 0) {
      return "upload.csv";
    }
    Path name = Path.of(given.replace('\\', '/')).getFileName();
    return name == null ? "upload.csv" : name.toString();
  }
}
