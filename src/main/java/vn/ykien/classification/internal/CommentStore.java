package vn.ykien.classification.internal;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ykien.classification.CommentClassification;
import vn.ykien.classification.ItemScore;
import vn.ykien.classification.text.NearDuplicates;
import vn.ykien.consultation.CitizenGroup;

/** Classified comments, their items, campaigns and analysts' keywords. */
@Repository
public class CommentStore {

  private final JdbcClient jdbc;

  CommentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records that the opinion's revision is being applied, in the caller's transaction: false when
   * this or a later revision was applied before (a repeated or overtaken event).
   */
  public boolean newerRevision(long consultationId, String author, int revision) {
    return jdbc.sql(
                """
                insert into classification.author (consultation_id, author, revision)
                values (?, ?, ?)
                on conflict (consultation_id, author) do update set revision = excluded.revision
                where classification.author.revision < excluded.revision
                """)
            .params(consultationId, author, revision)
            .update()
        == 1;
  }

  public void deleteComments(long consultationId, String author) {
    jdbc.sql("delete from classification.comment where consultation_id = ? and author = ?")
        .params(consultationId, author)
        .update();
  }

  /**
   * The campaign of a comment with this signature: an existing one whose first comment it
   * nearly repeats, or a new one.
   */
  public long campaignFor(long consultationId, int[] signature, LocalDate day) {
    long[] bands = NearDuplicates.bands(signature);
    List<Long> bandList = new ArrayList<>(bands.length);
    for (long band : bands) {
      bandList.add(band);
    }
    Map<Long, int[]> candidates = new LinkedHashMap<>();
    jdbc.sql(
            """
            select c.id, c.signature from classification.campaign c
            where c.id in (select campaign_id from classification.campaign_band
                           where consultation_id = :consultation and band in (:bands))
            order by c.id
            """)
        .param("consultation", consultationId)
        .param("bands", bandList)
        .query(
            rs -> {
              Array array = rs.getArray("signature");
              Integer[] values = (Integer[]) array.getArray();
              int[] candidate = new int[values.length];
              for (int i = 0; i < values.length; i++) {
                candidate[i] = values[i];
              }
              candidates.put(rs.getLong("id"), candidate);
            });
    long best = -1;
    double bestSimilarity = NearDuplicates.SAME_CAMPAIGN;
    for (var candidate : candidates.entrySet()) {
      double similarity = NearDuplicates.similarity(signature, candidate.getValue());
      if (similarity >= bestSimilarity) {
        best = candidate.getKey();
        bestSimilarity = similarity;
      }
    }
    if (best >= 0) {
      return best;
    }
    Integer[] boxed = new Integer[signature.length];
    for (int i = 0; i < signature.length; i++) {
      boxed[i] = signature[i];
    }
    long campaign =
        jdbc.sql(
                """
                insert into classification.campaign (consultation_id, signature, first_day)
                values (?, ?, ?) returning id
                """)
            .params(consultationId, boxed, day)
            .query(Long.class)
            .single();
    for (long band : bands) {
      jdbc.sql(
              """
              insert into classification.campaign_band (consultation_id, band, campaign_id)
              values (?, ?, ?) on conflict do nothing
              """)
          .params(consultationId, band, campaign)
          .update();
    }
    return campaign;
  }

  public void countArrival(long campaignId, long communeId, LocalDate day) {
    jdbc.sql(
            """
            insert into classification.campaign_arrival (campaign_id, commune_id, day, comments)
            values (?, ?, ?, 1)
            on conflict (campaign_id, commune_id, day)
            do update set comments = classification.campaign_arrival.comments + 1
            """)
        .params(campaignId, communeId, day)
        .update();
  }

  /** One comment as classified, with where it comes from. */
  public record NewComment(
      long consultationId,
      String author,
      @Nullable Long itemId,
      @Nullable String chosenStance,
      String text,
      long communeId,
      String unitPath,
      CitizenGroup group,
      String channel,
      LocalDate day,
      @Nullable Long campaignId,
      CommentClassification classification) {}

  public long insert(NewComment comment) {
    CommentClassification read = comment.classification();
    long id =
        jdbc.sql(
                """
                insert into classification.comment
                  (consultation_id, author, item_id, chosen_stance, text, commune_id, unit_path,
                   age_band, sex, occupation, channel, day, campaign_id, version, stance,
                   stance_confidence, unclear, corrected_stance, corrected_by, corrected_at)
                select :consultation, :author, :item, :chosen, :text, :commune, :path, :age, :sex,
                       :occupation, :channel, :day, :campaign, :version, :stance, :confidence,
                       :unclear, k.corrected_stance, k.corrected_by, k.corrected_at
                -- a wording an analyst corrected keeps its correction when sent again
                from (select 1) one
                left join lateral (
                  select corrected_stance, corrected_by, corrected_at from classification.comment
                  where consultation_id = :consultation and text = :text and corrected_stance is not null
                  order by corrected_at desc limit 1) k on true
                returning id
                """)
            .param("consultation", comment.consultationId())
            .param("author", comment.author())
            .param("item", comment.itemId())
            .param("chosen", comment.chosenStance())
            .param("text", comment.text())
            .param("commune", comment.communeId())
            .param("path", comment.unitPath())
            .param("age", comment.group().age().name())
            .param("sex", comment.group().sex().name())
            .param("occupation", comment.group().occupation() == null ? null : comment.group().occupation().name())
            .param("channel", comment.channel())
            .param("day", comment.day())
            .param("campaign", comment.campaignId())
            .param("version", read.version())
            .param("stance", read.stance().name())
            .param("confidence", read.stanceConfidence())
            .param("unclear", read.unclear() == null ? null : read.unclear().name())
            .query(Long.class)
            .single();
    writeItems(id, read.items());
    return id;
  }

  /** The items a comment concerns, replacing what was there. */
  public void writeItems(long commentId, List<ItemScore> items) {
    jdbc.sql("delete from classification.comment_item where comment_id = ?").param(commentId).update();
    for (ItemScore item : items) {
      jdbc.sql(
              """
              insert into classification.comment_item (comment_id, item_id, score, signal)
              values (?, ?, ?, ?)
              """)
          .params(commentId, item.itemId(), item.score(), item.signal().name())
          .update();
    }
  }

  /** Analysts' keywords per item of a consultation's items. */
  public Map<Long, List<String>> keywords(List<Long> itemIds) {
    Map<Long, List<String>> keywords = new LinkedHashMap<>();
    if (itemIds.isEmpty()) {
      return keywords;
    }
    jdbc.sql("select item_id, keyword from classification.item_keyword where item_id in (:items) order by keyword")
        .param("items", itemIds)
        .query(rs -> {
          keywords.computeIfAbsent(rs.getLong("item_id"), i -> new ArrayList<>()).add(rs.getString("keyword"));
        });
    return keywords;
  }
}
