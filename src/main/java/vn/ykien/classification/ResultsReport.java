package vn.ykien.classification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.classification.CommentResults.CampaignResult;
import vn.ykien.classification.CommentResults.ItemResult;
import vn.ykien.classification.text.Themes;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.DraftItem;
import vn.ykien.units.Unit;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/** Aggregates of classified comments, with small groups suppressed (see {@link CommentResults}). */
@Service
public class ResultsReport {

  private final JdbcClient jdbc;
  private final Units units;
  private final Consultations consultations;
  private final int k;

  ResultsReport(
      JdbcClient jdbc,
      Units units,
      Consultations consultations,
      @Value("${ykien.results.minimum-group:10}") int k) {
    this.jdbc = jdbc;
    this.units = units;
    this.consultations = consultations;
    this.k = k;
  }

  /** Whether content statistics may be shown for this unit at all: communes and above only. */
  public static boolean showsContent(Unit unit) {
    return unit.kind() != UnitKind.VILLAGE;
  }

  @Transactional(readOnly = true)
  public CommentResults of(long consultationId, Unit unit, ResultsFilter filter) {
    if (!showsContent(unit)) {
      throw new IllegalArgumentException("content statistics are shown for communes and above only");
    }
    Map<Long, Integer> people = new HashMap<>();
    Map<Long, Map<CommentStance, Integer>> stances = new HashMap<>();
    perItem(consultationId, unit, filter, people, stances);
    Map<Long, Integer> wholeUnit = new HashMap<>();
    if (!filter.isEveryone()) {
      perItem(consultationId, unit, ResultsFilter.EVERYONE, wholeUnit, new HashMap<>());
    }
    Map<Long, Integer> unitAbove = new HashMap<>();
    Unit parent = unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null);
    if (parent != null) {
      perItem(consultationId, parent, filter, unitAbove, new HashMap<>());
    }
    List<ItemResult> items = new ArrayList<>();
    for (DraftItem item : consultations.items(consultationId)) {
      int n = people.getOrDefault(item.id(), 0);
      boolean hidden =
          n < k
              || (!filter.isEveryone() && hiddenComplement(wholeUnit.getOrDefault(item.id(), 0) - n))
              || (parent != null && hiddenComplement(unitAbove.getOrDefault(item.id(), 0) - n));
      items.add(
          hidden
              ? new ItemResult(item.id(), null, Map.of())
              : new ItemResult(item.id(), n, stances.getOrDefault(item.id(), Map.of())));
    }
    String where = where(unit, filter);
    Integer outside =
        shown(
            count(
                consultationId, unit, filter,
                "select count(distinct c.author) from classification.comment c where " + where
                    + " and c.unclear is null"
                    + " and not exists (select 1 from classification.comment_item ci where ci.comment_id = c.id)"));
    Integer unclear =
        shown(
            count(
                consultationId, unit, filter,
                "select count(distinct c.author) from classification.comment c where " + where
                    + " and c.unclear is not null"));
    return new CommentResults(k, items, outside, unclear, campaigns(consultationId, unit, filter));
  }

  /** At most this many distinct wordings are grouped into themes: the most sent first. */
  static final int THEME_SAMPLE = 5000;

  /**
   * The themes of the comments that concern one item, for the unit and group; only themes of at
   * least k people (the rest are not shown), largest first.
   */
  @Transactional(readOnly = true)
  public List<CommentResults.ThemeResult> themes(long consultationId, Unit unit, ResultsFilter filter, long itemId) {
    if (!showsContent(unit)) {
      throw new IllegalArgumentException("content statistics are shown for communes and above only");
    }
    var statement =
        jdbc.sql(
            """
            select min(c.text) as text, count(distinct c.author) as people
            from classification.comment c
            join classification.comment_item ci on ci.comment_id = c.id and ci.item_id = :item
            where c.unclear is null and c.campaign_id is not null and\s"""
                + where(unit, filter)
                + """

            group by c.campaign_id
            order by people desc, c.campaign_id
            limit :sample
            """);
    List<Themes.Weighted> wordings =
        bind(statement, consultationId, unit, filter)
            .param("item", itemId)
            .param("sample", THEME_SAMPLE)
            .query((rs, n) -> new Themes.Weighted(rs.getString("text"), rs.getInt("people")))
            .list();
    List<CommentResults.ThemeResult> themes = new ArrayList<>();
    for (Themes.Theme theme : Themes.of(wordings, 8)) {
      if (theme.people() >= k) {
        themes.add(
            new CommentResults.ThemeResult(
                theme.people(),
                theme.terms(),
                // Only wordings that k people or more sent: one person's text is never shown.
                theme.representatives().stream()
                    .filter(i -> wordings.get(i).people() >= k)
                    .limit(3)
                    .map(i -> wordings.get(i).text())
                    .toList()));
      }
    }
    return themes;
  }

  private boolean hiddenComplement(int complement) {
    return complement > 0 && complement < k;
  }

  private @Nullable Integer shown(int people) {
    return people < k ? null : people;
  }

  private void perItem(
      long consultationId,
      Unit unit,
      ResultsFilter filter,
      Map<Long, Integer> people,
      Map<Long, Map<CommentStance, Integer>> stances) {
    var statement =
        jdbc.sql(
            """
            select ci.item_id, coalesce(c.corrected_stance, c.stance) as stance,
                   grouping(coalesce(c.corrected_stance, c.stance)) as total,
                   count(distinct c.author) as people
            from classification.comment c
            join classification.comment_item ci on ci.comment_id = c.id
            where\s"""
                + where(unit, filter)
                + """

            group by grouping sets ((ci.item_id, coalesce(c.corrected_stance, c.stance)), (ci.item_id))
            """);
    bind(statement, consultationId, unit, filter)
        .query(
            rs -> {
              long item = rs.getLong("item_id");
              int n = rs.getInt("people");
              if (rs.getInt("total") == 1) {
                people.put(item, n);
              } else {
                stances
                    .computeIfAbsent(item, i -> new EnumMap<>(CommentStance.class))
                    .put(CommentStance.valueOf(rs.getString("stance")), n);
              }
            });
  }

  private List<CampaignResult> campaigns(long consultationId, Unit unit, ResultsFilter filter) {
    record Row(long id, int people, int communes, LocalDate first, LocalDate last, String text) {}
    var statement =
        jdbc.sql(
            """
            select c.campaign_id, count(distinct c.author) as people,
                   count(distinct c.commune_id) as communes, min(c.day) as first_day,
                   max(c.day) as last_day,
                   (select f.text from classification.comment f
                    where f.campaign_id = c.campaign_id order by f.id limit 1) as text
            from classification.comment c
            where c.campaign_id is not null and\s"""
                + where(unit, filter)
                + """

            group by c.campaign_id
            having count(distinct c.author) >= :k
            order by people desc, c.campaign_id
            limit 10
            """);
    List<Row> rows =
        bind(statement, consultationId, unit, filter)
            .param("k", k)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("campaign_id"),
                        rs.getInt("people"),
                        rs.getInt("communes"),
                        rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class),
                        rs.getString("text")))
            .list();
    List<CampaignResult> campaigns = new ArrayList<>();
    for (Row row : rows) {
      record Peak(long commune, Instant hour, int comments) {}
      Peak peak =
          jdbc.sql(
                  """
                  select commune_id, hour, comments from classification.campaign_arrival
                  where campaign_id = ? order by comments desc, hour limit 1
                  """)
              .param(row.id())
              .query(
                  (rs, n) ->
                      new Peak(
                          rs.getLong("commune_id"),
                          rs.getTimestamp("hour").toInstant(),
                          rs.getInt("comments")))
              .single();
      Unit commune = units.find(peak.commune()).orElse(null);
      campaigns.add(
          new CampaignResult(
              row.id(), row.text(), row.people(), row.communes(), row.first(), row.last(),
              commune, peak.hour(), peak.comments(),
              peak.comments() >= k && 2 * peak.comments() >= row.people()));
    }
    return campaigns;
  }

  private int count(long consultationId, Unit unit, ResultsFilter filter, String sql) {
    return bind(jdbc.sql(sql), consultationId, unit, filter).query(Integer.class).single();
  }

  private static String where(Unit unit, ResultsFilter filter) {
    StringBuilder where = new StringBuilder("c.consultation_id = :consultation and c.unit_path like :path");
    if (filter.age() != null) {
      where.append(" and c.age_band = :age");
    }
    if (filter.sex() != null) {
      where.append(" and c.sex = :sex");
    }
    if (filter.occupation() != null) {
      where.append(" and c.occupation = :occupation");
    }
    return where.toString();
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec statement, long consultationId, Unit unit, ResultsFilter filter) {
    statement = statement.param("consultation", consultationId).param("path", unit.path() + "%");
    if (filter.age() != null) {
      statement = statement.param("age", filter.age().name());
    }
    if (filter.sex() != null) {
      statement = statement.param("sex", filter.sex().name());
    }
    if (filter.occupation() != null) {
      statement = statement.param("occupation", filter.occupation().name());
    }
    return statement;
  }
}
