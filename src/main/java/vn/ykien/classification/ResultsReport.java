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
    if (k < 10) {
      throw new IllegalStateException("ykien.results.minimum-group is " + k + ": content figures need groups of at least 10 people");
    }
    this.k = k;
  }

  /** A campaign's texts must be this long somewhere: "Đồng ý" sent by thousands is no campaign. */
  static final int CAMPAIGN_MIN_CHARACTERS = 20;

  /**
   * Copies arriving in one commune in one hour flag a campaign as sent together when they are half
   * of it, or at least this many whatever its size.
   */
  static final int CONCENTRATED_COMMENTS = 100;

  /** k: the fewest people a figure about content may be about. */
  public int minimumGroup() {
    return k;
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
    // The cells a visitor could set this one against: the unit's siblings under the unit above
    // (whose total is shown too), and the other values of each attribute the filter fixes.
    List<Map<Long, Map<String, Integer>>> dimensions = new ArrayList<>();
    Unit parent = unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null);
    if (parent != null) {
      dimensions.add(cells(consultationId, "parent_id", parent.id(), filter, "unit_id::text"));
    }
    if (filter.age() != null) {
      dimensions.add(cells(consultationId, "unit_id", unit.id(), new ResultsFilter(null, filter.sex(), filter.occupation()), "age_band"));
    }
    if (filter.sex() != null) {
      dimensions.add(cells(consultationId, "unit_id", unit.id(), new ResultsFilter(filter.age(), null, filter.occupation()), "sex"));
    }
    if (filter.occupation() != null) {
      dimensions.add(cells(consultationId, "unit_id", unit.id(), new ResultsFilter(filter.age(), filter.sex(), null), "occupation"));
    }
    List<String> mine = new ArrayList<>();
    if (parent != null) {
      mine.add(Long.toString(unit.id()));
    }
    if (filter.age() != null) {
      mine.add(filter.age().name());
    }
    if (filter.sex() != null) {
      mine.add(filter.sex().name());
    }
    if (filter.occupation() != null) {
      mine.add(filter.occupation().name());
    }
    List<ItemResult> items = new ArrayList<>();
    for (DraftItem item : consultations.items(consultationId)) {
      int n = people.getOrDefault(item.id(), 0);
      boolean hidden = n < k;
      for (int d = 0; d < dimensions.size() && !hidden; d++) {
        hidden = suppressed(dimensions.get(d).getOrDefault(item.id(), Map.of()), mine.get(d), k);
      }
      items.add(
          hidden
              ? new ItemResult(item.id(), null, Map.of())
              : new ItemResult(item.id(), n, shownStances(stances.getOrDefault(item.id(), Map.of()), n)));
    }
    Integer outside = shown(flag(consultationId, unit, filter, "OUTSIDE"));
    Integer unclear = shown(flag(consultationId, unit, filter, "UNCLEAR"));
    return new CommentResults(k, items, outside, unclear, campaigns(consultationId, unit, filter));
  }

  /**
   * The stances of a shown item that may be shown: none of 1 to k−1 people, nor one that would
   * give such a one away from the item's total (the smallest others are hidden with it). A hidden
   * stance is left out of the map; a shown one is there, zero included.
   */
  Map<CommentStance, Integer> shownStances(Map<CommentStance, Integer> counted, int people) {
    Map<String, Integer> cells = new HashMap<>();
    for (CommentStance stance : CommentStance.values()) {
      cells.put(stance.name(), counted.getOrDefault(stance, 0));
    }
    // What the item's people hold beyond the stances counted here (a comment may have none).
    int rest = people - counted.values().stream().mapToInt(Integer::intValue).sum();
    cells.put("", Math.max(0, rest));
    Map<CommentStance, Integer> shown = new EnumMap<>(CommentStance.class);
    for (CommentStance stance : CommentStance.values()) {
      int value = cells.get(stance.name());
      if (value == 0 || !suppressed(cells, stance.name(), k)) {
        shown.put(stance, value);
      }
    }
    return shown;
  }

  /**
   * At most this many distinct wordings are grouped into themes, the most sent first; each exact
   * wording is one point weighted by its people.
   */
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
            select c.text, count(distinct c.author) as people
            from classification.comment c
            join classification.comment_item ci on ci.comment_id = c.id and ci.item_id = :item
            where c.unclear is null and\s"""
                + where(unit, filter)
                + """

            group by c.text
            order by people desc, c.text
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
                // Only exact wordings that k people or more sent here: one person's text is never shown.
                theme.representatives().stream()
                    .filter(i -> wordings.get(i).people() >= k)
                    .limit(3)
                    .map(i -> wordings.get(i).text())
                    .toList()));
      }
    }
    return themes;
  }

  /**
   * Complementary suppression among the cells that add up to a shown total: those under k are
   * hidden, and when what they hold together (the total minus the shown cells) would be under k,
   * the smallest shown cells are hidden with them until it is not.
   */
  static boolean suppressed(Map<String, Integer> cells, String mine, int k) {
    java.util.Set<String> hidden = new java.util.HashSet<>();
    int held = 0;
    for (var cell : cells.entrySet()) {
      if (cell.getValue() > 0 && cell.getValue() < k) {
        hidden.add(cell.getKey());
        held += cell.getValue();
      }
    }
    List<Map.Entry<String, Integer>> shown =
        cells.entrySet().stream()
            .filter(cell -> cell.getValue() >= k)
            .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
            .toList();
    for (int i = 0; held > 0 && held < k && i < shown.size(); i++) {
      hidden.add(shown.get(i).getKey());
      held += shown.get(i).getValue();
    }
    return hidden.contains(mine) || cells.getOrDefault(mine, 0) < k;
  }

  /**
   * People per item and per value of {@code dimension} (a column of the tallies), among the cells
   * whose {@code unitColumn} is {@code unitId} (the unit itself, or the children of a unit).
   */
  private Map<Long, Map<String, Integer>> cells(
      long consultationId, String unitColumn, long unitId, ResultsFilter filter, String dimension) {
    Map<Long, Map<String, Integer>> cells = new HashMap<>();
    var statement =
        jdbc.sql(
            "select item_id, " + dimension + " as cell, sum(people) as people"
                + " from classification.comment_count"
                + " where consultation_id = :consultation and " + unitColumn + " = :unit"
                + " and item_id <> 0 and stance = 'ALL'" + groupCondition(filter)
                + " group by item_id, cell");
    bind(statement, consultationId, unitId, filter)
        .query(
            rs -> {
              cells.computeIfAbsent(rs.getLong("item_id"), i -> new HashMap<>())
                  .put(rs.getString("cell"), rs.getInt("people"));
            });
    return cells;
  }

  /** People of the unit and group with a flag: OUTSIDE (only outside the draft) or UNCLEAR. */
  private int flag(long consultationId, Unit unit, ResultsFilter filter, String flag) {
    return bind(
            jdbc.sql(
                "select coalesce(sum(people), 0) from classification.comment_count"
                    + " where consultation_id = :consultation and unit_id = :unit and item_id = 0"
                    + " and stance = :flag" + groupCondition(filter)),
            consultationId, unit.id(), filter)
        .param("flag", flag)
        .query(Integer.class)
        .single();
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
            "select item_id, stance, sum(people) as people from classification.comment_count"
                + " where consultation_id = :consultation and unit_id = :unit and item_id <> 0"
                + groupCondition(filter)
                + " group by item_id, stance");
    bind(statement, consultationId, unit.id(), filter)
        .query(
            rs -> {
              long item = rs.getLong("item_id");
              int n = rs.getInt("people");
              String stance = rs.getString("stance");
              if (stance.equals("ALL")) {
                people.put(item, n);
              } else if (n > 0) {
                stances
                    .computeIfAbsent(item, i -> new EnumMap<>(CommentStance.class))
                    .put(CommentStance.valueOf(stance), n);
              }
            });
  }

  private List<CampaignResult> campaigns(long consultationId, Unit unit, ResultsFilter filter) {
    record Row(long id, int people, int communes, LocalDate first, LocalDate last, @Nullable String text) {}
    var statement =
        jdbc.sql(
            """
            select c.campaign_id, count(distinct c.author) as people,
                   count(distinct c.commune_id) as communes, min(c.day) as first_day,
                   max(c.day) as last_day,
                   (select t.text from classification.comment t
                    where t.campaign_id = c.campaign_id and\s"""
                + where("t", filter)
                + """

                    group by t.text having count(distinct t.author) >= :k
                    order by count(distinct t.author) desc, t.text limit 1) as text
            from classification.comment c
            where c.campaign_id is not null and\s"""
                + where(unit, filter)
                + """

            group by c.campaign_id
            having count(distinct c.author) >= :k and max(char_length(c.text)) >= :longEnough
            order by people desc, c.campaign_id
            limit 10
            """);
    List<Row> rows =
        bind(statement, consultationId, unit, filter)
            .param("k", k)
            .param("longEnough", CAMPAIGN_MIN_CHARACTERS)
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
      record Peak(long commune, LocalDate day, int comments) {}
      // Arrivals are counted per commune and day, not per group: no peak under a group filter,
      // and only communes of the unit, only when k comments or more arrived there that day.
      Peak peak =
          !filter.isEveryone()
              ? null
              : bind(
                      jdbc.sql(
                          """
                          select a.commune_id, a.day, a.comments
                          from classification.campaign_arrival a
                          where a.campaign_id = :campaign and a.comments >= :k
                            and a.commune_id in (select distinct c.commune_id
                                                 from classification.comment c where\s"""
                              + where(unit, filter)
                              + """
                          )
                          order by a.comments desc, a.day limit 1
                          """),
                      consultationId, unit, filter)
                  .param("campaign", row.id())
                  .param("k", k)
                  .query(
                      (rs, n) ->
                          new Peak(
                              rs.getLong("commune_id"),
                              rs.getObject("day", LocalDate.class),
                              rs.getInt("comments")))
                  .optional()
                  .orElse(null);
      boolean concentrated =
          peak != null && (2 * peak.comments() >= row.people() || peak.comments() >= CONCENTRATED_COMMENTS);
      campaigns.add(
          new CampaignResult(
              row.id(), row.text(), row.people(), row.communes(), row.first(), row.last(),
              peak == null ? null : units.find(peak.commune()).orElse(null),
              peak == null ? null : peak.day(),
              peak == null ? null : peak.comments(),
              concentrated));
    }
    return campaigns;
  }

  private int count(long consultationId, Unit unit, ResultsFilter filter, String sql) {
    return bind(jdbc.sql(sql), consultationId, unit, filter).query(Integer.class).single();
  }

  private static String where(Unit unit, ResultsFilter filter) {
    return where("c", filter);
  }

  /** The unit's and the group's conditions on the comments aliased {@code alias}. */
  private static String where(String alias, ResultsFilter filter) {
    StringBuilder where =
        new StringBuilder(alias + ".consultation_id = :consultation and " + alias + ".unit_path like :path");
    if (filter.age() != null) {
      where.append(" and ").append(alias).append(".age_band = :age");
    }
    if (filter.sex() != null) {
      where.append(" and ").append(alias).append(".sex = :sex");
    }
    if (filter.occupation() != null) {
      where.append(" and ").append(alias).append(".occupation = :occupation");
    }
    return where.toString();
  }

  /** The group's conditions on the tallies. */
  private static String groupCondition(ResultsFilter filter) {
    StringBuilder where = new StringBuilder();
    if (filter.age() != null) {
      where.append(" and age_band = :age");
    }
    if (filter.sex() != null) {
      where.append(" and sex = :sex");
    }
    if (filter.occupation() != null) {
      where.append(" and occupation = :occupation");
    }
    return where.toString();
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec statement, long consultationId, long unitId, ResultsFilter filter) {
    return bindGroup(statement.param("consultation", consultationId).param("unit", unitId), filter);
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec statement, long consultationId, Unit unit, ResultsFilter filter) {
    return bindGroup(statement.param("consultation", consultationId).param("path", unit.path() + "%"), filter);
  }

  /** The group's values for the group conditions (age band, sex, occupation) of a statement. */
  private static JdbcClient.StatementSpec bindGroup(JdbcClient.StatementSpec statement, ResultsFilter filter) {
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
