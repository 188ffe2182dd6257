package vn.ykien.results;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.classification.CommentStance;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.DraftItem;
import vn.ykien.results.internal.CellTable;
import vn.ykien.results.internal.Groups;
import vn.ykien.results.internal.MinimumGroup;
import vn.ykien.results.internal.Releases;
import vn.ykien.results.internal.ThemeReleases;
import vn.ykien.units.Unit;
import vn.ykien.units.UnitKind;
import vn.ykien.units.Units;

/**
 * Reads released results: what the latest release shows for a unit, never the tallies
 * themselves, so that every page, file and API answer shows the same protected figures.
 */
@Service
public class ConsultationResults {

  private final JdbcClient jdbc;
  private final Consultations consultations;
  private final Units units;
  private final Releases releases;
  private final ThemeReleases themes;
  private final int k;

  /**
   * A release never changes once published, so what it shows for a unit is kept, keyed by the
   * release: a new release is read afresh, and no page can mix two releases. Bounded to the nation,
   * its provinces and the communes most looked at.
   */
  private final Cache<Shown, UnitResults> released =
      Caffeine.newBuilder()
          // Weighed by the figures held (items × (groups + units below)): a national entry of a
          // long draft weighs as much as hundreds of communes'.
          .maximumWeight(2_000_000)
          .<Shown, UnitResults>weigher((key, shown) -> shown.items().size() * (Groups.ANSWERS.count() + shown.children().size()))
          .expireAfterAccess(java.time.Duration.ofHours(2))
          .build();

  private record Shown(long consultationId, int release, long unitId) {}

  ConsultationResults(
      JdbcClient jdbc, Consultations consultations, Units units, Releases releases, ThemeReleases themes, MinimumGroup k) {
    this.jdbc = jdbc;
    this.themes = themes;
    this.consultations = consultations;
    this.units = units;
    this.releases = releases;
    this.k = k.value();
  }

  /** Whether content figures may be shown for this unit at all: communes and above only. */
  public static boolean showsContent(Unit unit) {
    return unit.kind() != UnitKind.VILLAGE;
  }

  /**
   * What the latest release shows of the units' everyone rows, per item: empty before the first
   * release. Units below a commune never have any.
   */
  @Transactional(readOnly = true)
  public Optional<ReleasedTotals> releasedTotals(long consultationId, java.util.Collection<Long> unitIds) {
    var release = releases.latest(consultationId);
    if (release.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, Map<Long, Figures>> byUnit = new HashMap<>();
    jdbc.sql("select unit_id, item_id, shown[1:4] from results.unit_item where consultation_id = ? and unit_id = any(?)")
        .params(consultationId, unitIds.toArray(Long[]::new))
        .query(rs -> {
          byUnit.computeIfAbsent(rs.getLong(1), u -> new HashMap<>()).put(rs.getLong(2), figures(longs(rs.getArray(3)), Groups.ALL));
        });
    return Optional.of(new ReleasedTotals(release.get().number(), release.get().at(), byUnit));
  }

  /** The comment themes and campaigns a release last published for a unit (none below a commune). */
  public ReleasedThemes themes(Consultation consultation, Unit unit) {
    return showsContent(unit) ? themes.of(consultation.id(), unit) : ReleasedThemes.NONE;
  }

  /** The top unit of the latest release (the nation, or the consultation's own area). */
  public Optional<Unit> top(Consultation consultation) {
    return releases.top(consultation.id()).flatMap(units::find);
  }

  /**
   * One snapshot for the release's number and its figures: a release published in between cannot
   * be read under the previous one's number.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ResultsLookup of(Consultation consultation, Unit unit) {
    if (!showsContent(unit)) {
      return new ResultsLookup.BelowCommune();
    }
    var release = releases.latest(consultation.id());
    if (release.isEmpty()) {
      return new ResultsLookup.NotReleasedYet();
    }
    Release.Published latest = release.get();
    return new ResultsLookup.Found(
        released.get(new Shown(consultation.id(), latest.number(), unit.id()), key -> read(consultation, unit, latest)));
  }

  /** What one release shows for a unit and the units below it (those that show content). */
  private UnitResults read(Consultation consultation, Unit unit, Release.Published release) {
    List<Unit> children = units.children(unit.id()).stream().filter(ConsultationResults::showsContent).toList();
    List<Long> ids = new ArrayList<>();
    ids.add(unit.id());
    children.forEach(child -> ids.add(child.id()));
    Map<Long, Map<Long, long[]>> shown = new HashMap<>();
    jdbc.sql("select unit_id, item_id, shown from results.unit_item where consultation_id = ? and unit_id = any(?)")
        .params(consultation.id(), ids.toArray(Long[]::new))
        .query(
            rs -> {
              shown.computeIfAbsent(rs.getLong(1), u -> new HashMap<>()).put(rs.getLong(2), longs(rs.getArray(3)));
            });
    List<UnitResults.ItemResults> items = new ArrayList<>();
    for (DraftItem item : consultations.items(consultation.id())) {
      long[] own = shown.getOrDefault(unit.id(), Map.of()).get(item.id());
      List<UnitResults.GroupFigures> groups = new ArrayList<>();
      // A unit with none below it that shows content (a commune) publishes its total only.
      for (Breakdown breakdown : children.isEmpty() ? new Breakdown[0] : Breakdown.values()) {
        for (int g : Groups.ANSWERS.of(breakdown)) {
          groups.add(new UnitResults.GroupFigures(breakdown, Groups.ANSWERS.value(g), figures(own, g)));
        }
      }
      List<Figures> byChild = new ArrayList<>();
      for (Unit child : children) {
        byChild.add(figures(shown.getOrDefault(child.id(), Map.of()).get(item.id()), Groups.ALL));
      }
      items.add(new UnitResults.ItemResults(item, figures(own, Groups.ALL), groups, byChild));
    }
    return new UnitResults(consultation, unit, release.number(), release.at(), k, children, items);
  }

  /**
   * The released comment figures of a unit for everyone ({@code breakdown} null) or one group,
   * read in one snapshot with the release's number.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public CommentsLookup comments(Consultation consultation, Unit unit, @Nullable Breakdown breakdown, @Nullable String value) {
    if (!showsContent(unit)) {
      return new CommentsLookup.BelowCommune();
    }
    int group = breakdown == null ? Groups.ALL : value == null ? -1 : Groups.COMMENTS.column(breakdown, value);
    if (group < 0) {
      return new CommentsLookup.UnknownGroup();
    }
    if (group != Groups.ALL && units.children(unit.id()).stream().noneMatch(ConsultationResults::showsContent)) {
      return new CommentsLookup.TotalOnly();
    }
    var release = releases.latest(consultation.id());
    if (release.isEmpty()) {
      return new CommentsLookup.NotReleasedYet();
    }
    Map<Long, Map<String, long[]>> shown = new HashMap<>();
    jdbc.sql("select item_id, stance, shown from results.unit_comment where consultation_id = ? and unit_id = ?")
        .params(consultation.id(), unit.id())
        .query(rs -> {
          shown.computeIfAbsent(rs.getLong(1), i -> new HashMap<>()).put(rs.getString(2), longs(rs.getArray(3)));
        });
    int base = group * Releases.COMMENT_COLUMNS;
    List<ReleasedComments.ItemComments> items = new ArrayList<>();
    for (DraftItem item : consultations.items(consultation.id())) {
      long[] cells = shown.getOrDefault(item.id(), Map.of()).get(Releases.COMMENT_STANCES);
      long people = 0;
      Map<CommentStance, Long> stances = new java.util.EnumMap<>(CommentStance.class);
      for (CommentStance stance : CommentStance.values()) {
        if (cells == null) {
          // Nobody commented on the item here: every stance is none.
          stances.put(stance, 0L);
          continue;
        }
        people = Math.max(0, cells[base + CellTable.ANY]);
        long count = cells[base + 1 + stance.ordinal()];
        if (count >= 0) {
          stances.put(stance, count);
        }
      }
      items.add(new ReleasedComments.ItemComments(item, people, stances));
    }
    Map<String, long[]> flags = shown.getOrDefault(0L, Map.of());
    int flagBase = group * Releases.FLAG_COLUMNS;
    return new CommentsLookup.Found(
        new ReleasedComments(
            unit, release.get().number(), release.get().at(), k, breakdown, breakdown == null ? null : value, items,
            share(flags.get("OUTSIDE"), flagBase), share(flags.get("UNCLEAR"), flagBase)));
  }

  private static ReleasedComments.Share share(long @Nullable [] cells, int base) {
    if (cells == null) {
      return new ReleasedComments.Share(0, 0L);
    }
    return new ReleasedComments.Share(Math.max(0, cells[base + CellTable.ANY]), shownOrNull(cells[base + 1]));
  }

  /** A group's figures from one unit's released cells; nobody where the unit has none. */
  private static Figures figures(long[] cells, int group) {
    if (cells == null) {
      return new Figures(0, 0L, 0L, 0L);
    }
    int base = group * CellTable.ANSWER_STANCES;
    return new Figures(
        Math.max(0, cells[base + CellTable.ANY]),
        shownOrNull(cells[base + 1]),
        shownOrNull(cells[base + 2]),
        shownOrNull(cells[base + 3]));
  }

  private static @Nullable Long shownOrNull(long value) {
    return value < 0 ? null : value;
  }

  private static long[] longs(Array array) throws java.sql.SQLException {
    Long[] boxed = (Long[]) array.getArray();
    long[] values = new long[boxed.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = boxed[i];
    }
    return values;
  }
}
