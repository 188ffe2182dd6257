package vn.ykien.classification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.classification.CommentResults.CampaignResult;
import vn.ykien.classification.text.Themes;
import vn.ykien.consultation.Consultations;
import vn.ykien.units.Unit;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/**
 * The themes and campaigns of classified comments, computed when a release publishes them (the
 * counts of people per item and stance are published from {@link CommentTallies}, protected with
 * the answers): only themes, campaigns and wordings of at least k people.
 */
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
            select c.text, count(distinct c.author) as people,
                   array_agg(distinct hashtextextended(c.author, 0)) as authors
            from classification.comment c
            join classification.comment_item ci on ci.comment_id = c.id and ci.item_id = :item
            where c.unclear is null and\s"""
                + where(unit, filter)
                + """

            group by c.text
            order by people desc, c.text
            limit :sample
            """);
    // Each wording with its authors (64-bit hashes of their pseudonyms): a person may have several
    // comments that concern the item (its own and others citing it), so people are counted distinct.
    List<Themes.Weighted> wordings = new ArrayList<>();
    List<long[]> authors = new ArrayList<>();
    bind(statement, consultationId, unit, filter)
        .param("item", itemId)
        .param("sample", THEME_SAMPLE)
        .query(rs -> {
          wordings.add(new Themes.Weighted(rs.getString("text"), rs.getInt("people")));
          Long[] hashes = (Long[]) rs.getArray("authors").getArray();
          authors.add(java.util.Arrays.stream(hashes).mapToLong(Long::longValue).toArray());
        });
    List<CommentResults.ThemeResult> themes = new ArrayList<>();
    // A theme's term only if k people or more wrote it there.
    for (Themes.Theme theme : Themes.of(wordings, 8, used -> distinctAuthors(authors, used, k) >= k)) {
      int people = distinctAuthors(authors, theme.representatives(), Integer.MAX_VALUE);
      if (people >= k) {
        themes.add(
            new CommentResults.ThemeResult(
                people,
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

  /** How many distinct authors wrote the given wordings, counting no further than {@code enough}. */
  static int distinctAuthors(List<long[]> authors, List<Integer> wordings, int enough) {
    if (enough == Integer.MAX_VALUE) {
      // All of them (a national theme may hold a million): sorted in one array, not boxed in a set.
      long[] all = wordings.stream().map(authors::get).flatMapToLong(java.util.Arrays::stream).sorted().toArray();
      int distinct = 0;
      for (int i = 0; i < all.length; i++) {
        if (i == 0 || all[i] != all[i - 1]) {
          distinct++;
        }
      }
      return distinct;
    }
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int wording : wordings) {
      for (long author : authors.get(wording)) {
        if (seen.add(author) && seen.size() >= enough) {
          return seen.size();
        }
      }
    }
    return seen.size();
  }

  /** The people of a campaign in one province. */
  public record CampaignPeople(long campaignId, long provinceId, long people) {}

  /**
   * The people of each campaign any unit could show (at least k people in the nation, wording long
   * enough), per province: what a release tables and protects before it shows a campaign's size.
   */
  @Transactional(readOnly = true)
  public List<CampaignPeople> campaignPeople(long consultationId) {
    return jdbc.sql(
            """
            with chosen as (
              select campaign_id from classification.comment
              where consultation_id = :consultation and campaign_id is not null
              group by campaign_id
              having count(distinct author) >= :k and max(char_length(text)) >= :longEnough)
            select c.campaign_id, split_part(c.unit_path, '/', 3)::bigint as province, count(distinct c.author) as people
            from classification.comment c join chosen using (campaign_id)
            where c.consultation_id = :consultation and split_part(c.unit_path, '/', 3) <> ''
            group by 1, 2
            """)
        .param("consultation", consultationId)
        .param("k", k)
        .param("longEnough", CAMPAIGN_MIN_CHARACTERS)
        .query((rs, n) -> new CampaignPeople(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .list();
  }

  /**
   * The campaigns among the comments of a unit and group: at least k people each, the largest
   * first, at most ten.
   */
  @Transactional(readOnly = true)
  public List<CampaignResult> campaigns(long consultationId, Unit unit, ResultsFilter filter) {
    if (!showsContent(unit)) {
      throw new IllegalArgumentException("content statistics are shown for communes and above only");
    }
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
