package vn.ykien.results.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ykien.classification.CommentResults;
import vn.ykien.classification.ResultsFilter;
import vn.ykien.classification.ResultsReport;
import vn.ykien.results.ReleasedThemes;
import vn.ykien.units.Unit;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/**
 * Publishes, with each release, the themes of each item's comments of the nation, each province
 * and each commune, and the campaigns of the nation and of each province (see {@link
 * ReleasedThemes}), and reads them back.
 */
@Service
public class ThemeReleases {

  /** Item 0 holds a unit's campaigns. */
  static final long CAMPAIGNS = 0;

  /** How a campaign is kept: its peak commune by id. */
  record StoredCampaign(
      long id,
      @Nullable String text,
      int people,
      int communes,
      LocalDate firstDay,
      LocalDate lastDay,
      @Nullable Long peakCommuneId,
      @Nullable LocalDate peakDay,
      @Nullable Integer peakComments,
      boolean concentrated) {}

  private final JdbcClient jdbc;
  private final ResultsReport comments;
  private final Units units;
  private final JsonMapper json = JsonMapper.builder().build();
  private final int k;

  ThemeReleases(JdbcClient jdbc, ResultsReport comments, Units units, MinimumGroup k) {
    this.jdbc = jdbc;
    this.comments = comments;
    this.units = units;
    this.k = k.value();
  }

  /** Whether a unit's themes are published: the nation's, the provinces' and the communes'. */
  public static boolean publishesThemes(Unit unit) {
    return unit.kind() == UnitKind.NATION || unit.kind() == UnitKind.PROVINCE || unit.kind() == UnitKind.COMMUNE;
  }

  /**
   * Whether a unit's campaigns are published: the nation's and the provinces'. Their sizes are
   * protected as a table of the nation and its provinces; a campaign spans communes by nature.
   */
  public static boolean publishesCampaigns(Unit unit) {
    return unit.kind() == UnitKind.NATION || unit.kind() == UnitKind.PROVINCE;
  }

  /**
   * In the release's transaction: for each unit and item (0: comments at all) with its commenters
   * now, publishes the themes (campaigns) afresh where at least k more people have commented since
   * they were last published, or never were.
   *
   * @return how many units' themes or campaigns were published afresh
   */
  int publish(
      long consultationId,
      int release,
      Instant at,
      Map<Long, Map<Long, Long>> commentersByUnitAndItem,
      Map<Long, Map<Long, Long>> campaignPeopleShown) {
    Map<Long, Map<Long, Long>> then = new HashMap<>();
    jdbc.sql("select unit_id, item_id, commenters_then from results.unit_theme where consultation_id = ?")
        .param(consultationId)
        .query(rs -> {
          then.computeIfAbsent(rs.getLong(1), u -> new HashMap<>()).put(rs.getLong(2), rs.getLong(3));
        });
    int fresh = 0;
    for (var byUnit : commentersByUnitAndItem.entrySet()) {
      Unit unit = units.find(byUnit.getKey()).orElse(null);
      if (unit == null || !publishesThemes(unit)) {
        continue;
      }
      for (var byItem : byUnit.getValue().entrySet()) {
        long item = byItem.getKey();
        long now = byItem.getValue();
        Long before = then.getOrDefault(unit.id(), Map.of()).get(item);
        // Campaigns every release: their sizes are cells of protected tables (the release's
        // history included). Themes are not cells: only once k more people have commented there,
        // or k fewer (withdrawals), since they were last published.
        if (now < k
            || (item == CAMPAIGNS && !publishesCampaigns(unit))
            || (item != CAMPAIGNS && before != null && Math.abs(now - before) < republishAfter(unit, before))) {
          continue;
        }
        String body =
            item == CAMPAIGNS
                ? json.writeValueAsString(campaigns(consultationId, unit, campaignPeopleShown))
                : json.writeValueAsString(comments.themes(consultationId, unit, ResultsFilter.EVERYONE, item));
        jdbc.sql(
                """
                insert into results.unit_theme (consultation_id, unit_id, item_id, release, published_at, commenters_then, body)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (consultation_id, unit_id, item_id) do update
                set release = excluded.release, published_at = excluded.published_at,
                    commenters_then = excluded.commenters_then, body = excluded.body
                """)
            .params(consultationId, unit.id(), item, release, java.sql.Timestamp.from(at), now, body)
            .update();
        fresh++;
      }
    }
    return fresh;
  }

  /**
   * How many more (or fewer) people must have commented on an item in a unit before its themes are
   * published afresh: k, and for a commune also a quarter of those they were computed from, so
   * that each commune's themes are recomputed a few dozen times over a consultation rather than at
   * every release (about 0.1 s for 300 comments, 0.5 s for 1,000, times ~3,300 communes and items).
   */
  long republishAfter(Unit unit, long commentersThen) {
    return unit.kind() == UnitKind.COMMUNE ? Math.max(k, commentersThen / 4) : k;
  }

  /**
   * A unit's campaigns for this release: each with its people as the release's protected table
   * shows them; where it hides them, as the unit last showed the campaign (nothing new), or not at
   * all.
   */
  private List<StoredCampaign> campaigns(long consultationId, Unit unit, Map<Long, Map<Long, Long>> shown) {
    Map<Long, StoredCampaign> before = new HashMap<>();
    jdbc.sql("select body::text from results.unit_theme where consultation_id = ? and unit_id = ? and item_id = ?")
        .params(consultationId, unit.id(), CAMPAIGNS)
        .query(rs -> {
          for (StoredCampaign c : json.readValue(rs.getString(1), new TypeReference<List<StoredCampaign>>() {})) {
            before.put(c.id(), c);
          }
        });
    List<StoredCampaign> campaigns = new ArrayList<>();
    for (CommentResults.CampaignResult c : comments.campaigns(consultationId, unit, ResultsFilter.EVERYONE)) {
      long people = shown.getOrDefault(c.id(), Map.of()).getOrDefault(unit.id(), -1L);
      if (people >= 0) {
        campaigns.add(stored(c, people));
      } else if (before.containsKey(c.id())) {
        campaigns.add(before.get(c.id()));
      }
    }
    return campaigns;
  }

  /** The people of each campaign any unit could show, per province: what the release protects. */
  List<ResultsReport.CampaignPeople> campaignPeople(long consultationId) {
    return comments.campaignPeople(consultationId);
  }

  /** A campaign as kept, with its people as the release shows them. */
  private static StoredCampaign stored(CommentResults.CampaignResult c, long people) {
    return new StoredCampaign(
        c.id(), c.text(), (int) people, c.communes(), c.firstDay(), c.lastDay(),
        c.peakCommune() == null ? null : c.peakCommune().id(), c.peakDay(), c.peakComments(), c.concentrated());
  }

  /** The themes and campaigns last published for a unit; none below the communes. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ReleasedThemes of(long consultationId, Unit unit) {
    if (!publishesThemes(unit)) {
      return ReleasedThemes.NONE;
    }
    Map<Long, List<ReleasedThemes.Theme>> byItem = new HashMap<>();
    List<ReleasedThemes.Campaign> campaigns = new ArrayList<>();
    Instant[] latest = {null};
    jdbc.sql("select item_id, published_at, body::text from results.unit_theme where consultation_id = ? and unit_id = ?")
        .params(consultationId, unit.id())
        .query(rs -> {
          Instant at = rs.getTimestamp(2).toInstant();
          if (latest[0] == null || at.isAfter(latest[0])) {
            latest[0] = at;
          }
          if (rs.getLong(1) == CAMPAIGNS) {
            for (StoredCampaign c : json.readValue(rs.getString(3), new TypeReference<List<StoredCampaign>>() {})) {
              campaigns.add(
                  new ReleasedThemes.Campaign(
                      c.text(), c.people(), c.communes(), c.firstDay(), c.lastDay(),
                      c.peakCommuneId() == null ? null : units.find(c.peakCommuneId()).orElse(null),
                      c.peakDay(), c.peakComments(), c.concentrated()));
            }
          } else {
            byItem.put(rs.getLong(1), json.readValue(rs.getString(3), new TypeReference<List<ReleasedThemes.Theme>>() {}));
          }
        });
    return new ReleasedThemes(latest[0], byItem, campaigns);
  }
}
