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
import vn.ykien.consultation.Consultations;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Stance;
import vn.ykien.reporting.AnswerTallies;
import vn.ykien.results.Breakdown;
import vn.ykien.results.Release;
import vn.ykien.units.Units;

/**
 * Publishes a release of a consultation's results: every item's table from the answer tallies,
 * protected whole (complementary suppression over units × groups × stances) and together with
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
  private final Consultations consultations;
  private final Units units;
  private final Clock clock;
  private final int k;
  private final int threads;

  Releases(
      JdbcClient jdbc,
      JdbcTemplate template,
      AnswerTallies tallies,
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
    Map<Long, Map<Long, Sensitivity.History>> history = history(consultationId);
    // Items are protected apart (each is its own table), on several threads: this one reads the next
    // item's tallies (inside the transaction) while the tables already read are protected; at most
    // one table per thread is held in memory besides the one being read.
    Semaphore inFlight = new Semaphore(threads);
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<Protected>> outcomes = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("results-release-", 1).factory())) {
      for (DraftItem item : consultations.items(consultationId)) {
        if (failed.get()) {
          break; // the release fails anyway: stop reading the other items
        }
        List<AnswerTallies.Cell> answers = tallies.of(consultationId, item.id());
        if (answers.isEmpty()) {
          continue;
        }
        inFlight.acquireUninterruptibly();
        ItemTable built = build(answers);
        outcomes.add(
            pool.submit(
                () -> {
                  try {
                    return protect(consultationId, item.id(), number, built, history);
                  } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                  } finally {
                    inFlight.release();
                  }
                }));
      }
    }
    long cells = 0;
    long hidden = 0;
    int withheld = 0;
    int items = 0;
    Long top = null;
    long topPeople = -1;
    List<Object[]> rows = new ArrayList<>();
    for (Future<Protected> outcome : outcomes) {
      Protected item;
      try {
        item = outcome.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("the release was interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("an item's table could not be protected", e.getCause());
      }
      items++;
      cells += item.cells();
      hidden += item.hidden();
      withheld += item.withheld() ? 1 : 0;
      if (item.topPeople() > topPeople) {
        top = item.top();
        topPeople = item.topPeople();
      }
      rows.addAll(item.rows());
    }
    template.batchUpdate(
        """
        insert into results.unit_item (consultation_id, unit_id, item_id, release, shown, last_shown, people_then)
        values (?, ?, ?, ?, ?, ?, ?)
        on conflict (consultation_id, unit_id, item_id)
        do update set release = excluded.release, shown = excluded.shown, last_shown = excluded.last_shown,
                      people_then = excluded.people_then
        """,
        rows);
    // Units and items with no answers any more show nothing; what they last showed is kept.
    jdbc.sql(
            """
            update results.unit_item set release = ?, shown = array_fill(0::bigint, array[cardinality(shown)])
            where consultation_id = ? and release <> ?
            """)
        .params(number, consultationId, number)
        .update();
    long millis = (System.nanoTime() - started) / 1_000_000;
    jdbc.sql(
            """
            insert into results.release
              (consultation_id, number, released_at, top_unit_id, items, cells, hidden, withheld_items, millis)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(consultationId, number, java.sql.Timestamp.from(at), top, items, cells, hidden, withheld, millis)
        .update();
    return new Release.Published(consultationId, number, at, items, cells, hidden, withheld, millis);
  }

  /** One item's table once protected: its figures for the release and the rows to store. */
  private record Protected(long cells, long hidden, boolean withheld, long top, long topPeople, List<Object[]> rows) {}

  /** Protects one item's table together with what earlier releases showed of it. */
  private Protected protect(
      long consultationId, long itemId, int number, ItemTable built, Map<Long, Map<Long, Sensitivity.History>> history) {
    CellTable table = built.table();
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
      requirements.addAll(Sensitivity.of(table, u, history.getOrDefault(built.unitIds()[u], Map.of()).get(itemId), k));
    }
    boolean withheld = !Suppression.protect(table, requirements);
    List<Object[]> rows = new ArrayList<>(table.units());
    for (int u = 0; u < table.units(); u++) {
      long[] shown = table.published(u);
      Sensitivity.History before = history.getOrDefault(built.unitIds()[u], Map.of()).get(itemId);
      long[] last = shown.clone();
      long[] people = new long[shown.length];
      for (int c = 0; c < last.length; c++) {
        people[c] = shown[c - table.stanceOf(c) + CellTable.ANY];
        if (last[c] < 0) {
          last[c] = before == null ? -1 : before.shown()[c];
          people[c] = before == null ? 0 : before.peopleThen()[c];
        }
      }
      rows.add(new Object[] {consultationId, built.unitIds()[u], itemId, number, shown, last, people});
    }
    return new Protected(table.stanceCellsWithAnswers(), table.hiddenWithAnswers(), withheld, top, topPeople, rows);
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
            select number, released_at, items, cells, hidden, withheld_items, millis from results.release
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
                    rs.getLong(7)))
        .optional();
  }

  record ItemTable(long[] unitIds, CellTable table) {}

  /** One item's table: the units with answers (each with its parent among them) and their cells. */
  ItemTable build(List<AnswerTallies.Cell> answers) {
    Map<Long, Integer> index = new HashMap<>();
    for (AnswerTallies.Cell cell : answers) {
      index.putIfAbsent(cell.unitId(), index.size());
    }
    long[] ids = new long[index.size()];
    index.forEach((id, i) -> ids[i] = id);
    int[] parent = new int[ids.length];
    Map<Long, long[]> lineages = units.ancestorIds(index.keySet());
    for (int i = 0; i < ids.length; i++) {
      long[] lineage = lineages.get(ids[i]);
      parent[i] = lineage == null || lineage.length < 2 ? -1 : index.getOrDefault(lineage[1], -1);
    }
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
    return new ItemTable(ids, table);
  }

  static int stanceColumn(Stance stance) {
    return 1 + stance.ordinal();
  }

  private Map<Long, Map<Long, Sensitivity.History>> history(long consultationId) {
    Map<Long, Map<Long, Sensitivity.History>> history = new HashMap<>();
    jdbc.sql("select unit_id, item_id, last_shown, people_then from results.unit_item where consultation_id = ?")
        .param(consultationId)
        .query(
            rs -> {
              history
                  .computeIfAbsent(rs.getLong(1), u -> new HashMap<>())
                  .put(rs.getLong(2), new Sensitivity.History(longs(rs.getArray(3)), longs(rs.getArray(4))));
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
