package vn.ykien.registry.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import vn.ykien.identity.SignedInOfficial;
import vn.ykien.registry.ImportOptions;
import vn.ykien.registry.RegistryImport;

/**
 * Officials upload their area's population list; the import runs in the background and the page
 * follows it with a progress bar, then shows the report. Rows outside the official's unit are
 * refused.
 */
@Controller
class RegistryImportPages {

  private static final Logger log = LoggerFactory.getLogger(RegistryImportPages.class);

  private final RegistryImport registryImport;
  private final ImportJobs jobs;

  RegistryImportPages(RegistryImport registryImport, ImportJobs jobs) {
    this.registryImport = registryImport;
    this.jobs = jobs;
  }

  @GetMapping("/officials/registry/import")
  String form(@Nullable SignedInOfficial official) {
    signedIn(official);
    return "registry/import";
  }

  @PostMapping("/officials/registry/import")
  String upload(
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean applyValid,
      @Nullable SignedInOfficial official,
      Model model)
      throws IOException {
    SignedInOfficial who = signedIn(official);
    if (file.isEmpty()) {
      model.addAttribute("errorKey", "registry.page.noFile");
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
    ImportJobs.Job job = jobs.start(who.username(), name, Files.size(stored));
    var options = new ImportOptions(who.unitEdition(), applyValid, who.unitCode());
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
    return "redirect:/officials/registry/import/" + job.id();
  }

  @GetMapping("/officials/registry/import/{id}")
  String job(@PathVariable String id, @Nullable SignedInOfficial official, Model model) {
    SignedInOfficial who = signedIn(official);
    ImportJobs.Job job =
        jobs.find(id, who.username()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("job", job);
    model.addAttribute("report", job.report());
    if (job.report() == null) {
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

  private static SignedInOfficial signedIn(@Nullable SignedInOfficial official) {
    if (official == null) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return official;
  }
}
