package vn.ykien.results.internal;

import java.sql.Array;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;
import vn.ykien.classification.CommentStance;
import vn.ykien.classification.CommentTallies;
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Stance;
import vn.ykien.reporting.AnswerTallies;
import vn.ykien.results.Breakdown;
import vn.ykien.results.Release;
import vn.ykien.units.Units;

/**
 * Publishes a release of a consultation's results: every item's table from the answer tallies,
 * and every stance's table of the comments on each item from the comment tallies, each protected
 * whole (complementary suppression over units × groups × stances) and together with
 * what earlier releases showed — a cell shown before whose figure moved by fewer than k is hidden
 * with its complements, so that setting two releases side by side cannot tell one person's answer.
 * One transaction: readers see the previous release or this one, never a mix.
 */
@Service
public class Releases {

  /** The advisory lock class of releases (the object is the consultation). */
  static final int LOCK_CLASS = 0x52534C54;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final AnswerTallies tallies;
  private final CommentTallies comments;
  private final ThemeReleases themes;
  private final Consultations consultations;
  private final Units units;
  private final Clock clock;
  private final int k;
  private final int threads;

  Releases(
      JdbcClient jdbc,
      JdbcTemplate template,
      AnswerTallies tallies,
      CommentTallies comments,
      ThemeReleases themes,
      Consultations consultations,
      Units units,
      Clock clock,
      MinimumGroup k,
      // Threads protecting items: by default one core is left to the pages and the readers.
      @Value("${ykien.results.release-threads:0}") int threads) {
    this.threads = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    this.jdbc = jdbc;
    this.template = template;
    this.tallies = tallies;
    this.comments = comments;
    this.themes = themes;
    this.consultations = consultations;
    this.units = units;
    this.clock = clock;
    this.k = k.value();
  }

  @Transactional
  public Release publish(long consultationId) {
    boolean mine =
        jdbc.sql("select pg_try_advisory_xact_lock(?, ?)")
            .params(LOCK_CLASS, (int) consultationId)
            .query(Boolean.class)
            .single();
    if (!mine) {
      return new Release.Busy(consultationId);
    }
    long started = System.nanoTime();
    Instant at = clock.instant();
    int number =
        jdbc.sql("select coalesce(max(number), 0) + 1 from results.release where consultation_id = ?")
            .param(consultationId)
            .query(Integer.class)
            .single();
    Map<TableKey, Map<Long, Sensitivity.History>> history = history(consultationId);
    // Tables are protected apart (each item's answers, each stance of each item's comments), on
    // several threads: this one reads the next table's tallies (inside the transaction) while those
    // already read are protected; at most one table per thread is held besides the one being read.
    Semaphore inFlight = new Semaphore(threads);
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<Protected>> outcomes = new ArrayList<>();
    // People who commented on each item (0: at all), per unit: whose themes are due afresh.
    Map<Long, Map<Long, Long>> commenters = new HashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("results-release-", 1).factory())) {
      java.util.function.Consumer<Table> submit =
          table -> {
            inFlight.acquireUninterruptibly();
            outcomes.add(
                pool.submit(
                    () -> {
                      try {
                        return protect(table, history.getOrDefault(table.key(), Map.of()));
                      } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                      } finally {
                        inFlight.release();
                      }
                    }));
          };
      for (DraftItem item : consultations.items(consultationId)) {
        if (failed.get()) {
          break; // the release fails anyway: stop reading the other tables
        }
        List<AnswerTallies.Cell> answers = tallies.of(consultationId, item.id());
        if (!answers.isEmpty()) {
          submit.accept(build(item.id(), answers));
        }
      }
      for (long item : comments.items(consultationId)) {
        if (failed.get()) {
          break;
        }
        List<CommentTallies.Cell> said = comments.of(consultationId, item);
        for (CommentTallies.Cell cell : said) {
          if (cell.stance().equals("ALL")) {
            commenters.computeIfAbsent(cell.unitId(), u -> new HashMap<>()).merge(item, cell.people(), Long::sum);
          }
        }
        if (item == 0) {
          for (String flag : COMMENT_FLAGS) {
            flagTable(flag, said).ifPresent(submit);
          }
        } else {
          commentTable(item, said).ifPresent(submit);
        }
      }
      if (!failed.get()) {
        campaignTables(consultationId, commenters).forEach(submit);
      }
    }
    long cells = 0;
    long hidden = 0;
    long commentCells = 0;
    long commentHidden = 0;
    int withheld = 0;
    java.util.Set<Long> items = new java.util.HashSet<>();
    Long top = null;
    long topPeople = -1;
    List<Object[]> answerRows = new ArrayList<>();
    List<Object[]> commentRows = new ArrayList<>();
    // Each campaign's people per unit as the release shows them (-1: hidden).
    Map<Long, Map<Long, Long>> campaigns = new HashMap<>();
    for (Future<Protected> outcome : outcomes) {
      Protected table;
      try {
        table = outcome.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("the release was interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a table could not be protected", e.getCause());
      }
      TableKey key = table.key();
      for (int u = 0; u < table.unitIds().length; u++) {
        long[][] row = table.rows().get(u);
        if (key.stance() == null) {
          answerRows.add(new Object[] {consultationId, table.unitIds()[u], key.item(), number, row[0], row[1], row[2]});
        } else {
          commentRows.add(new Object[] {consultationId, table.unitIds()[u], key.item(), key.stance(), number, row[0], row[1], row[2]});
        }
      }
      if (key.stance() != null && key.stance().startsWith(CAMPAIGN)) {
        long campaign = Long.parseLong(key.stance().substring(CAMPAIGN.length()));
        for (int u = 0; u < table.unitIds().length; u++) {
          campaigns.computeIfAbsent(campaign, c -> new HashMap<>()).put(table.unitIds()[u], table.rows().get(u)[0][TOOK]);
        }
      }
      if (key.stance() != null) {
        commentCells += table.cells();
        commentHidden += table.hidden();
        continue;
      }
      items.add(key.item());
      cells += table.cells();
      hidden += table.hidden();
      withheld += table.withheld() ? 1 : 0;
      if (table.topPeople() > topPeople) {
        top = table.top();
        topPeople = table.topPeople();
      }
    }
    template.batchUpdate(
        """
        insert into results.unit_item (consultation_id, unit_id, item_id, release, shown, last_shown, people_then)
        values (?, ?, ?, ?, ?, ?, ?)
        on conflict (consultation_id, unit_id, item_id)
        do update set release = excluded.release, shown = excluded.shown, last_shown = excluded.last_shown,
                      people_then = excluded.people_then
        """,
        answerRows);
    template.batchUpdate(
        """
        insert into results.unit_comment (consultation_id, unit_id, item_id, stance, release, shown, last_shown, people_then)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (consultation_id, unit_id, item_id, stance)
        do update set release = excluded.release, shown = excluded.shown, last_shown = excluded.last_shown,
                      people_then = excluded.people_then
        """,
        commentRows);
    // Units and items with no answers (or comments) any more show nothing; what they last showed is kept.
    for (String table : List.of("results.unit_item", "results.unit_comment")) {
      jdbc.sql(
              "update " + table + " set release = ?, shown = array_fill(0::bigint, array[cardinality(shown)])"
                  + " where consultation_id = ? and release <> ?")
          .params(number, consultationId, number)
          .update();
    }
    themes.publish(consultationId, number, at, commenters, campaigns);
    long millis = (System.nanoTime() - started) / 1_000_000;
    jdbc.sql(
            """
            insert into results.release
              (consultation_id, number, released_at, top_unit_id, items, cells, hidden, withheld_items, millis,
               comment_cells, comment_hidden)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            consultationId, number, java.sql.Timestamp.from(at), top, items.size(), cells, hidden, withheld, millis,
            commentCells, commentHidden)
        .update();
    return new Release.Published(
        consultationId, number, at, items.size(), cells, hidden, withheld, millis, commentCells, commentHidden);
  }

  /**
   * Which table: an item's answers (stance null), or one stance of the comments on an item (item
   * 0: OUTSIDE or UNCLEAR among everyone who commented).
   */
  record TableKey(long item, @Nullable String stance) {}

  /** A table to protect: its units (each with its parent among them) and cells. */
  record Table(TableKey key, long[] unitIds, CellTable cells) {}

  /**
   * One table once protected: its figures for the release and, per unit, the cells shown, the
   * figure each last showed and its row's people then.
   */
  private record Protected(
      TableKey key, long[] unitIds, long cells, long hidden, boolean withheld, long top, long topPeople, List<long[][]> rows) {}

  /**
   * The table of the comments on an item: the people who commented on it, split by their stance
   * on it (each person one, so the stances add up to the people).
   */
  public static final String COMMENT_STANCES = "ALL";

  /** The stance columns of an item's comment table: everyone of the row, then each stance. */
  public static final int COMMENT_COLUMNS = 1 + CommentStance.values().length;

  /** Among everyone who commented: who wrote only outside the draft, who wrote nothing readable. */
  static final List<String> COMMENT_FLAGS = List.of("OUTSIDE", "UNCLEAR");

  /** A campaign's table (item 0): its people among everyone who commented, per unit. */
  static final String CAMPAIGN = "CAMPAIGN ";

  /** The columns of a flag's table: everyone of the row, those who have the flag, those who do not. */
  public static final int FLAG_COLUMNS = 3;

  static final int TOOK = 1;

  static final int DID_NOT = 2;

  /** Protects one table together with what earlier releases showed of it (per unit id). */
  private Protected protect(Table built, Map<Long, Sensitivity.History> history) {
    CellTable table = built.cells().leavesInTotalOnly();
    long top = -1;
    long topPeople = -1;
    for (int u = 0; u < table.units(); u++) {
      long people = table.value(u, Groups.ALL, CellTable.ANY);
      if (table.parent(u) < 0 && people > topPeople) {
        top = built.unitIds()[u];
        topPeople = people;
      }
    }
    List<Suppression.Requirement> requirements = new ArrayList<>();
    for (int u = 0; u < table.units(); u++) {
      requirements.addAll(Sensitivity.of(table, u, history.get(built.unitIds()[u]), k));
    }
    boolean withheld = !Suppression.protect(table, requirements);
    List<long[][]> rows = new ArrayList<>(table.units());
    for (int u = 0; u < table.units(); u++) {
      long[] shown = table.published(u);
      Sensitivity.History before = history.get(built.unitIds()[u]);
      long[] last = shown.clone();
      long[] people = new long[shown.length];
      for (int c = 0; c < last.length; c++) {
        people[c] = shown[c - table.stanceOf(c) + CellTable.ANY];
        if (last[c] < 0) {
          last[c] = before == null ? -1 : before.shown()[c];
          people[c] = before == null ? 0 : before.peopleThen()[c];
        }
      }
      rows.add(new long[][] {shown, last, people});
    }
    return new Protected(
        built.key(), built.unitIds(), table.stanceCellsWithAnswers(), table.hiddenWithAnswers(), withheld, top, topPeople, rows);
  }

  /** Whether any comment of the consultation is classified and counted yet. */
  public boolean hasComments(long consultationId) {
    return comments.any(consultationId);
  }

  /** Whether any answer of the consultation is counted yet. */
  public boolean hasAnswers(long consultationId) {
    return tallies.any(consultationId);
  }

  /** The unit at the top of the latest release's tables (the nation, or the consultation's area). */
  @Transactional(readOnly = true)
  public java.util.Optional<Long> top(long consultationId) {
    return jdbc.sql(
            "select top_unit_id from results.release where consultation_id = ? and top_unit_id is not null"
                + " order by number desc limit 1")
        .param(consultationId)
        .query(Long.class)
        .optional();
  }

  /** The latest release of a consultation, if any. */
  @Transactional(readOnly = true)
  public java.util.Optional<Release.Published> latest(long consultationId) {
    return jdbc.sql(
            """
            select number, released_at, items, cells, hidden, withheld_items, millis, comment_cells, comment_hidden
            from results.release
            where consultation_id = ? order by number desc limit 1
            """)
        .param(consultationId)
        .query(
            (rs, n) ->
                new Release.Published(
                    consultationId,
                    rs.getInt(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getInt(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getInt(6),
                    rs.getLong(7),
                    rs.getLong(8),
                    rs.getLong(9)))
        .optional();
  }

  /** One item's table of answers: the units with answers and their cells. */
  Table build(long itemId, List<AnswerTallies.Cell> answers) {
    Map<Long, Integer> index = new HashMap<>();
    for (AnswerTallies.Cell cell : answers) {
      index.putIfAbsent(cell.unitId(), index.size());
    }
    long[] ids = ids(index);
    int[] parent = parents(ids, index);
    int[] groups = new int[Breakdown.values().length + 1];
    CellTable table = new CellTable(parent, new long[ids.length * Groups.ANSWERS.count() * CellTable.ANSWER_STANCES]);
    for (AnswerTallies.Cell cell : answers) {
      int u = index.get(cell.unitId());
      int stance = stanceColumn(cell.stance());
      groups[0] = Groups.ALL;
      groups[1] = Groups.ANSWERS.column(Breakdown.AGE, cell.age());
      groups[2] = Groups.ANSWERS.column(Breakdown.SEX, cell.sex());
      groups[3] = Groups.ANSWERS.column(Breakdown.OCCUPATION, cell.occupation().isEmpty() ? Breakdown.NONE : cell.occupation());
      groups[4] = Groups.ANSWERS.column(Breakdown.CHANNEL, cell.channel().name());
      for (int g : groups) {
        if (g < 0) {
          throw new IllegalStateException("a tally cell holds a group value results do not know: " + cell);
        }
        table.add(table.cell(u, g, CellTable.ANY), cell.answers());
        table.add(table.cell(u, g, stance), cell.answers());
      }
    }
    return new Table(new TableKey(itemId, null), ids, table);
  }

  /**
   * The table of the comments on an item: per unit and group, the people who commented on it and,
   * per stance, those whose stance on it that was (the comment tallies give each person one); none
   * when nobody commented on it.
   */
  java.util.Optional<Table> commentTable(long itemId, List<CommentTallies.Cell> said) {
    return table(new TableKey(itemId, COMMENT_STANCES), said, COMMENT_COLUMNS, stance -> 1 + CommentStance.valueOf(stance).ordinal());
  }

  /**
   * One flag's table among everyone who commented (item 0): those who have it (OUTSIDE: wrote only
   * outside the draft; UNCLEAR: wrote something unreadable) and those who do not; none when
   * nobody commented.
   */
  java.util.Optional<Table> flagTable(String flag, List<CommentTallies.Cell> said) {
    java.util.Optional<Table> built = table(new TableKey(0, flag), said, FLAG_COLUMNS, stance -> stance.equals(flag) ? TOOK : -1);
    built.ifPresent(table -> {
      CellTable cells = table.cells();
      for (int u = 0; u < cells.units(); u++) {
        for (int g = 0; g < cells.groups().count(); g++) {
          cells.add(cells.cell(u, g, DID_NOT), cells.value(u, g, CellTable.ANY) - cells.value(u, g, TOOK));
        }
      }
    });
    return built;
  }

  /**
   * A comment table from the tallies' cells: each unit with people (stance ALL) a row; a cell of
   * another stance goes to the column {@code column} gives it (none: -1). An item's stances must
   * add up to its people, a flag must not exceed them (checked once filled).
   */
  private java.util.Optional<Table> table(
      TableKey key, List<CommentTallies.Cell> said, int columns, java.util.function.ToIntFunction<String> column) {
    Map<Long, Integer> index = new HashMap<>();
    for (CommentTallies.Cell cell : said) {
      if (cell.stance().equals("ALL")) {
        index.putIfAbsent(cell.unitId(), index.size());
      }
    }
    if (index.isEmpty()) {
      return java.util.Optional.empty();
    }
    long[] ids = ids(index);
    Groups layout = Groups.COMMENTS;
    CellTable table = new CellTable(parents(ids, index), new long[ids.length * layout.count() * columns], columns, layout);
    int[] groups = new int[layout.breakdowns().size() + 1];
    for (CommentTallies.Cell cell : said) {
      int to = cell.stance().equals("ALL") ? CellTable.ANY : column.applyAsInt(cell.stance());
      Integer u = index.get(cell.unitId());
      if (to < 0 || u == null) {
        continue;
      }
      groups[0] = Groups.ALL;
      groups[1] = layout.column(Breakdown.AGE, cell.age());
      groups[2] = layout.column(Breakdown.SEX, cell.sex());
      groups[3] = layout.column(Breakdown.OCCUPATION, cell.occupation().isEmpty() ? Breakdown.NONE : cell.occupation());
      for (int g : groups) {
        if (g < 0) {
          throw new IllegalStateException("a comment tally cell holds a group value results do not know: " + cell);
        }
        table.add(table.cell(u, g, to), cell.people());
      }
    }
    for (int u = 0; u < ids.length; u++) {
      for (int g = 0; g < layout.count(); g++) {
        long taken = 0;
        for (int s = 1; s < columns; s++) {
          taken += table.value(u, g, s);
        }
        if (taken > table.value(u, g, CellTable.ANY) || (columns == COMMENT_COLUMNS && taken != table.value(u, g, CellTable.ANY))) {
          throw new IllegalStateException("the stances of the comment tallies of unit " + ids[u] + " do not add up to its people, table " + key);
        }
      }
    }
    return java.util.Optional.of(new Table(key, ids, table));
  }

  /**
   * One table per campaign any unit could show: the nation and every province with commenters,
   * those who commented there (everyone, not broken down), those of them in the campaign, the
   * rest. Protected like the others, so a campaign's size in a province is shown only where
   * neither the nation's size minus the other provinces' nor the previous release gives a few
   * people's comments away.
   */
  List<Table> campaignTables(long consultationId, Map<Long, Map<Long, Long>> commenters) {
    Map<Long, Map<Long, Long>> byCampaign = new java.util.TreeMap<>();
    for (var row : themes.campaignPeople(consultationId)) {
      byCampaign.computeIfAbsent(row.campaignId(), c -> new HashMap<>()).merge(row.provinceId(), row.people(), Long::sum);
    }
    if (byCampaign.isEmpty()) {
      return List.of();
    }
    long anyProvince = byCampaign.values().iterator().next().keySet().iterator().next();
    long[] lineage = units.ancestorIds(List.of(anyProvince)).get(anyProvince);
    if (lineage == null || lineage.length < 2) {
      return List.of();
    }
    long nation = lineage[1];
    Map<Long, Integer> index = new java.util.LinkedHashMap<>();
    index.put(nation, 0);
    for (var province : units.children(nation)) {
      if (commenters.getOrDefault(province.id(), Map.of()).getOrDefault(0L, 0L) > 0) {
        index.put(province.id(), index.size());
      }
    }
    long[] ids = ids(index);
    int[] parents = parents(ids, index);
    List<Table> tables = new ArrayList<>();
    for (var campaign : byCampaign.entrySet()) {
      CellTable table = new CellTable(parents, new long[ids.length * FLAG_COLUMNS], FLAG_COLUMNS, Groups.EVERYONE);
      // The comments and their tallies are read at different moments of the release: a comment
      // classified in between could put one more person in a campaign than in the tallies, so a
      // province's figure is at most its commenters and the nation's is the sum of its provinces'.
      long nationIn = 0;
      for (int u = 1; u < ids.length; u++) {
        long people = commenters.getOrDefault(ids[u], Map.of()).getOrDefault(0L, 0L);
        long in = Math.min(people, campaign.getValue().getOrDefault(ids[u], 0L));
        nationIn += in;
        table.add(table.cell(u, Groups.ALL, CellTable.ANY), people);
        table.add(table.cell(u, Groups.ALL, TOOK), in);
        table.add(table.cell(u, Groups.ALL, DID_NOT), people - in);
      }
      long everyone = commenters.getOrDefault(nation, Map.of()).getOrDefault(0L, 0L);
      table.add(table.cell(0, Groups.ALL, CellTable.ANY), everyone);
      table.add(table.cell(0, Groups.ALL, TOOK), nationIn);
      table.add(table.cell(0, Groups.ALL, DID_NOT), everyone - nationIn);
      tables.add(new Table(new TableKey(0, CAMPAIGN + campaign.getKey()), ids, table));
    }
    return tables;
  }

  private static long[] ids(Map<Long, Integer> index) {
    long[] ids = new long[index.size()];
    index.forEach((id, i) -> ids[i] = id);
    return ids;
  }

  /** Each unit's parent among the table's units, -1 at the top. */
  private int[] parents(long[] ids, Map<Long, Integer> index) {
    int[] parent = new int[ids.length];
    Map<Long, long[]> lineages = units.ancestorIds(index.keySet());
    for (int i = 0; i < ids.length; i++) {
      long[] lineage = lineages.get(ids[i]);
      parent[i] = lineage == null || lineage.length < 2 ? -1 : index.getOrDefault(lineage[1], -1);
    }
    return parent;
  }

  static int stanceColumn(Stance stance) {
    return 1 + stance.ordinal();
  }

  /** What earlier releases last showed, per table and unit. */
  private Map<TableKey, Map<Long, Sensitivity.History>> history(long consultationId) {
    Map<TableKey, Map<Long, Sensitivity.History>> history = new HashMap<>();
    jdbc.sql(
            """
            select unit_id, item_id, null, last_shown, people_then from results.unit_item where consultation_id = ?
            union all
            select unit_id, item_id, stance, last_shown, people_then from results.unit_comment where consultation_id = ?
            """)
        .params(consultationId, consultationId)
        .query(
            rs -> {
              history
                  .computeIfAbsent(new TableKey(rs.getLong(2), rs.getString(3)), t -> new HashMap<>())
                  .put(rs.getLong(1), new Sensitivity.History(longs(rs.getArray(4)), longs(rs.getArray(5))));
            });
    return history;
  }

  static long[] longs(Array array) throws java.sql.SQLException {
    Long[] boxed = (Long[]) array.getArray();
    long[] values = new long[boxed.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = boxed[i];
    }
    return values;
  }
}
