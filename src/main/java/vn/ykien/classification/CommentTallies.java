package vn.ykien.classification;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments as classified, tallied: people per unit (the commune and every unit above it) × item ×
 * their stance on it × citizen group (stance ALL: everyone who commented on the item). Each person
 * has one stance per item, so the stances add up to the item's people: that of their comment on the
 * item itself, or, when only other comments concern it (a general one citing the article), that of
 * the one that concerns it most. And,
 * as item 0, everyone who commented at all (ALL), the people who wrote only outside the draft
 * (OUTSIDE) or nothing readable (UNCLEAR). Every change to a person's comments (a new revision read from the log, a
 * re-classification, an analyst's correction) re-tallies that person in the same transaction: what
 * they were counted for ({@code classification.counted}) is taken away, and their comments as they
 * are now are added. Re-tallies run one at a time (a transaction-scoped advisory lock taken just
 * before, after the comments' own row locks), so each sees the others' results.
 */
@Service
public class CommentTallies {

  /** The advisory lock (two keys) re-tallies hold until their transaction ends. */
  private static final int LOCK_CLASS = 0x594B;

  private static final int LOCK_ID = 3;

  /** Every unit of a materialised path '/1/5/322/' with the unit above it. */
  private static final String ANCESTORS =
      """
      cross join lateral (
        select a.id::bigint as unit_id, lag(a.id::bigint) over (order by a.n) as parent_id
        from unnest(string_to_array(trim(both '/' from k.unit_path), '/')) with ordinality a(id, n)) u
      """;

  /** What the people chosen by {@code %s} (a condition on comment c) count for, from their comments now. */
  private static final String FRESH =
      """
      select distinct consultation_id, author, item_id, stance, unit_path, age_band, sex, occupation
      from (
        select o.consultation_id, o.author, o.item_id, s.stance, o.unit_path, o.age_band, o.sex, o.occupation
        from (
          select distinct on (c.consultation_id, c.author, ci.item_id)
                 c.consultation_id, c.author, ci.item_id, coalesce(c.corrected_stance, c.stance) as stance,
                 c.unit_path, c.age_band, c.sex, coalesce(c.occupation, '') as occupation
          from classification.comment c
          join classification.comment_item ci on ci.comment_id = c.id
          where %1$s
          order by c.consultation_id, c.author, ci.item_id, (ci.signal = 'CURRENT_ITEM') desc, ci.score desc, c.id) o
        cross join lateral (values (o.stance), ('ALL')) s(stance)
        union
        select c.consultation_id, c.author, 0, 'ALL', c.unit_path, c.age_band, c.sex, coalesce(c.occupation, '')
        from classification.comment c where %1$s
        union
        select c.consultation_id, c.author, 0, 'UNCLEAR', c.unit_path, c.age_band, c.sex, coalesce(c.occupation, '')
        from classification.comment c where c.unclear is not null and %1$s
        union
        select c.consultation_id, c.author, 0, 'OUTSIDE', c.unit_path, c.age_band, c.sex, coalesce(c.occupation, '')
        from classification.comment c
        where c.unclear is null and %1$s
          and not exists (select 1 from classification.comment o
                          join classification.comment_item ci on ci.comment_id = o.id
                          where o.consultation_id = c.consultation_id and o.author = c.author)
      ) fresh
      """;

  /** A cell's key; its unit above is taken as the latest path says (a moved unit's comments keep old paths). */
  private static final String CELLS = "k.consultation_id, u.unit_id, k.item_id, k.stance, k.age_band, k.sex, k.occupation";

  private static final String SELECTED =
      "k.consultation_id, u.unit_id, max(u.parent_id), k.item_id, k.stance, k.age_band, k.sex, k.occupation";

  private final JdbcClient jdbc;

  CommentTallies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Re-tallies these people of a consultation, in the caller's transaction, after their comments
   * changed (or were removed).
   */
  @Transactional
  public void retally(long consultationId, Collection<String> authors) {
    if (authors.isEmpty()) {
      return;
    }
    lock();
    String[] these = authors.stream().distinct().toArray(String[]::new);
    jdbc.sql(
            """
            with gone as (
              delete from classification.counted
              where consultation_id = :consultation and author = any(cast(:authors as text[]))
              returning *)
            insert into classification.comment_count as t
            select %s, -count(*)
            from gone k
            %s
            group by %s
            on conflict (consultation_id, unit_id, item_id, stance, age_band, sex, occupation)
            do update set people = t.people + excluded.people
            """
                .formatted(SELECTED, ANCESTORS, CELLS))
        .param("consultation", consultationId)
        .param("authors", these)
        .update();
    jdbc.sql(
            """
            with added as (
              insert into classification.counted
              %s
              returning *)
            insert into classification.comment_count as t
            select %s, count(*)
            from added k
            %s
            group by %s
            on conflict (consultation_id, unit_id, item_id, stance, age_band, sex, occupation)
            do update set people = t.people + excluded.people
            """
                .formatted(
                    FRESH.formatted("c.consultation_id = :consultation and c.author = any(cast(:authors as text[]))"),
                    SELECTED, ANCESTORS, CELLS))
        .param("consultation", consultationId)
        .param("authors", these)
        .update();
  }

  /**
   * Rebuilds a consultation's comment tallies from its comments as they are (or, with {@code
   * write} false, only compares); returns how many cells differed from what was kept.
   */
  @Transactional
  public long recount(long consultationId, boolean write) {
    lock();
    jdbc.sql("create temporary table expected_comment_count on commit drop as select * from classification.comment_count with no data")
        .update();
    jdbc.sql(
            """
            insert into expected_comment_count
            select %s, count(*)
            from (%s) k
            %s
            group by %s
            """
                .formatted(SELECTED, FRESH.formatted("c.consultation_id = :consultation"), ANCESTORS, CELLS))
        .param("consultation", consultationId)
        .update();
    long mismatched =
        jdbc.sql(
                """
                select count(*) from (
                  select * from classification.comment_count where consultation_id = :consultation and people <> 0
                ) kept
                full join expected_comment_count e
                  using (consultation_id, unit_id, item_id, stance, age_band, sex, occupation)
                where kept.people is distinct from e.people or kept.parent_id is distinct from e.parent_id
                """)
            .param("consultation", consultationId)
            .query(Long.class)
            .single();
    if (write) {
      jdbc.sql("delete from classification.counted where consultation_id = ?").param(consultationId).update();
      jdbc.sql("delete from classification.comment_count where consultation_id = ?").param(consultationId).update();
      jdbc.sql("insert into classification.counted " + FRESH.formatted("c.consultation_id = :consultation"))
          .param("consultation", consultationId)
          .update();
      jdbc.sql("insert into classification.comment_count select * from expected_comment_count").update();
    }
    return mismatched;
  }

  /** People in one cell of the comment tallies; occupation is "" when the registry gives none. */
  public record Cell(long unitId, String stance, String age, String sex, String occupation, long people) {}

  /** Whether anybody's comments on the consultation are counted. */
  @Transactional(readOnly = true)
  public boolean any(long consultationId) {
    return jdbc.sql("select exists (select 1 from classification.comment_count where consultation_id = ? and people > 0)")
        .param(consultationId)
        .query(Boolean.class)
        .single();
  }

  /** The items with people in the comment tallies, 0 (comments at all) included. */
  @Transactional(readOnly = true)
  public List<Long> items(long consultationId) {
    return jdbc.sql(
            "select distinct item_id from classification.comment_count where consultation_id = ? and people > 0 order by 1")
        .param(consultationId)
        .query(Long.class)
        .list();
  }

  /** Every cell of one item (0: comments at all) with people in it, units from commune up. */
  @Transactional(readOnly = true)
  public List<Cell> of(long consultationId, long itemId) {
    return jdbc.sql(
            """
            select unit_id, stance, age_band, sex, occupation, people from classification.comment_count
            where consultation_id = ? and item_id = ? and people > 0
            """)
        .params(consultationId, itemId)
        .query(
            (rs, n) ->
                new Cell(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)))
        .list();
  }

  /** The consultations with any classified comment or tally. */
  public List<Long> consultations() {
    return jdbc.sql(
            """
            select consultation_id from classification.comment
            union select consultation_id from classification.comment_count
            order by 1
            """)
        .query(Long.class)
        .list();
  }

  private void lock() {
    jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS, LOCK_ID).query().singleRow();
  }
}
