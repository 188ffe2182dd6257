package vn.ykien.consultation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.DraftItem;
import vn.ykien.consultation.NewConsultation;
import vn.ykien.consultation.Window;
import vn.ykien.shared.Localized;

@Repository
public class ConsultationStore implements Consultations {

  private static final String COLUMNS =
      "id, slug, title_vi, title_en, description_vi, description_en, opens_at, closes_at,"
          + " scope_unit_id, minimum_age";

  private final JdbcClient jdbc;

  ConsultationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long create(NewConsultation consultation) {
    long id =
        jdbc.sql(
                """
                insert into consultation.consultation
                  (slug, title_vi, title_en, description_vi, description_en, opens_at, closes_at,
                   scope_unit_id, minimum_age)
                values (:slug, :titleVi, :titleEn, :descVi, :descEn, :opens, :closes, :scope, :age)
                returning id
                """)
            .param("slug", consultation.slug())
            .param("titleVi", consultation.title().vi())
            .param("titleEn", consultation.title().en())
            .param("descVi", consultation.description().vi())
            .param("descEn", consultation.description().en())
            .param("opens", utc(consultation.window().opens()))
            .param("closes", utc(consultation.window().closes()))
            .param("scope", consultation.scopeUnitId())
            .param("age", consultation.minimumAge())
            .query(Long.class)
            .single();
    int position = 0;
    for (NewConsultation.NewItem item : consultation.items()) {
      jdbc.sql(
              """
              insert into consultation.item
                (consultation_id, position, code, article, label_vi, label_en, title_vi, title_en,
                 summary_vi, summary_en)
              values (:consultation, :position, :code, :article, :labelVi, :labelEn, :titleVi,
                      :titleEn, :summaryVi, :summaryEn)
              """)
          .param("consultation", id)
          .param("position", ++position)
          .param("code", item.code())
          .param("article", item.article())
          .param("labelVi", item.label().vi())
          .param("labelEn", item.label().en())
          .param("titleVi", item.title().vi())
          .param("titleEn", item.title().en())
          .param("summaryVi", item.summary().vi())
          .param("summaryEn", item.summary().en())
          .update();
    }
    return id;
  }

  /** Sets the wording in force of the item that amends {@code article}; returns its code. */
  public Optional<String> setCurrentWording(
      long consultationId, int article, String text, String source) {
    return jdbc.sql(
            """
            update consultation.item set current_text = :text, current_source = :source
            where consultation_id = :id and article = :article returning code
            """)
        .param("text", text)
        .param("source", source)
        .param("id", consultationId)
        .param("article", article)
        .query(String.class)
        .optional();
  }

  /** Sets the proposed wording of the item that amends {@code article}; returns its code. */
  public Optional<String> setProposedWording(
      long consultationId, int article, String text, String source, boolean excerpt) {
    return jdbc.sql(
            """
            update consultation.item
            set proposed_text = :text, proposed_source = :source, proposed_is_excerpt = :excerpt
            where consultation_id = :id and article = :article returning code
            """)
        .param("text", text)
        .param("source", source)
        .param("excerpt", excerpt)
        .param("id", consultationId)
        .param("article", article)
        .query(String.class)
        .optional();
  }

  @Override
  public List<Consultation> openOrUpcoming(Instant now) {
    return jdbc.sql("select " + COLUMNS + " from consultation.consultation where closes_at > ? order by closes_at")
        .param(utc(now))
        .query(ConsultationStore::consultation)
        .list();
  }

  @Override
  public Optional<Consultation> find(long id) {
    return one("id", id);
  }

  @Override
  public Optional<Consultation> findBySlug(String slug) {
    return one("slug", slug);
  }

  /** The consultation whose {@code column} (a fixed column name, never input) equals the value. */
  private Optional<Consultation> one(String column, Object value) {
    return jdbc.sql("select " + COLUMNS + " from consultation.consultation where " + column + " = ?")
        .param(value)
        .query(ConsultationStore::consultation)
        .optional();
  }

  @Override
  public List<Long> itemIds(long consultationId) {
    return jdbc.sql("select id from consultation.item where consultation_id = ? order by position")
        .param(consultationId)
        .query(Long.class)
        .list();
  }

  @Override
  public List<DraftItem> items(long consultationId) {
    return jdbc.sql(
            """
            select id, consultation_id, position, code, article, label_vi, label_en, title_vi,
                   title_en, summary_vi, summary_en, current_text, current_source, proposed_text,
                   proposed_source, proposed_is_excerpt
            from consultation.item where consultation_id = ? order by position
            """)
        .param(consultationId)
        .query(
            (rs, row) ->
                new DraftItem(
                    rs.getLong("id"),
                    rs.getLong("consultation_id"),
                    rs.getInt("position"),
                    rs.getString("code"),
                    rs.getObject("article", Integer.class),
                    localized(rs, "label"),
                    localized(rs, "title"),
                    localized(rs, "summary"),
                    rs.getString("current_text"),
                    rs.getString("current_source"),
                    rs.getString("proposed_text"),
                    rs.getString("proposed_source"),
                    rs.getBoolean("proposed_is_excerpt")))
        .list();
  }

  private static Consultation consultation(ResultSet rs, int row) throws SQLException {
    long scope = rs.getLong("scope_unit_id");
    Long scopeUnitId = rs.wasNull() ? null : scope;
    return new Consultation(
        rs.getLong("id"),
        rs.getString("slug"),
        localized(rs, "title"),
        localized(rs, "description"),
        new Window(
            rs.getObject("opens_at", OffsetDateTime.class).toInstant(),
            rs.getObject("closes_at", OffsetDateTime.class).toInstant()),
        scopeUnitId,
        rs.getInt("minimum_age"));
  }

  private static Localized localized(ResultSet rs, String column) throws SQLException {
    return new Localized(rs.getString(column + "_vi"), rs.getString(column + "_en"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
