package vn.ykien.consultation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.consultation.internal.ArticleTextParser;
import vn.ykien.consultation.internal.ConsultationStore;

/** Creates consultations and imports the wording of their items from legal texts. */
@Service
public class ConsultationSetup {

  private final ConsultationStore store;

  ConsultationSetup(ConsultationStore store) {
    this.store = store;
  }

  @Transactional
  public long create(NewConsultation consultation) {
    return store.create(consultation);
  }

  /**
   * Reads a text of "Điều N." articles and sets the chosen wording of every item that amends one of
   * them. Items without a matching article keep what they had. A proposed text marked with "[...]"
   * is stored as an excerpt.
   */
  @Transactional
  public WordingImportResult importWording(long consultationId, Path file, Wording wording) {
    Map<Integer, String> articles;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      articles = ArticleTextParser.parse(reader, wording == Wording.PROPOSED);
    } catch (IOException e) {
      return new WordingImportResult.Rejected("consultation.wording.unreadable", file.toString());
    }
    if (articles.isEmpty()) {
      return new WordingImportResult.Rejected("consultation.wording.noArticles", file.toString());
    }
    String source = file.getFileName().toString();
    List<String> codes = new ArrayList<>();
    articles.forEach(
        (article, text) ->
            (wording == Wording.CURRENT
                    ? store.setCurrentWording(consultationId, article, text, source)
                    : store.setProposedWording(
                        consultationId, article, text, source, text.contains("[...]")))
                .ifPresent(codes::add));
    return new WordingImportResult.Imported(codes);
  }
}
