package vn.ykien.reporting;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ykien.opinion.LogPosition;
import vn.ykien.opinion.OpinionLog;
import vn.ykien.opinion.OpinionLogReader;
import vn.ykien.opinion.OpinionLogReaders;
import vn.ykien.opinion.ParticipationLog;
import vn.ykien.reporting.internal.UnitLineages;

/**
 * Rebuilds a consultation's tallies from the logs (people: every person's latest change in the
 * participation log up to its reader's position; answers: every pseudonym's latest revision in the
 * opinion log up to the answer reader's position; counted in the database), while holding both
 * positions so that nothing is applied meanwhile; says how many cells differed from what the
 * readers had kept.
 */
@Service
public class TallyRecount {

  private final OpinionLog opinionLog;
  private final ParticipationLog participationLog;
  private final OpinionLogReaders readers;
  private final UnitLineages lineages;
  private final JdbcClient jdbc;

  TallyRecount(
      OpinionLog opinionLog,
      ParticipationLog participationLog,
      OpinionLogReaders readers,
      UnitLineages lineages,
      JdbcClient jdbc) {
    this.opinionLog = opinionLog;
    this.participationLog = participationLog;
    this.readers = readers;
    this.lineages = lineages;
    this.jdbc = jdbc;
  }

  /** What a recount found. */
  public sealed interface Outcome {
    /** Rebuilt: {@code mismatched} cells differed from the kept tallies (0: they were right). */
    record Recounted(long consultationId, long mismatched, long people) implements Outcome {}

    /** A tally reader's position stayed held by a reader for 30 s: try again. */
    record Busy() implements Outcome {}
  }

  /** The consultations that have anything in the logs. */
  public List<Long> consultations() {
    java.util.Set<Long> all = new java.util.TreeSet<>(participationLog.consultations());
    all.addAll(opinionLog.consultations());
    return List.copyOf(all);
  }

  /** Compares without writing anything: how many cells differ from a recount now. */
  @Transactional
  public Outcome check(long consultationId) {
    return run(consultationId, false);
  }

  @Transactional
  public Outcome recount(long consultationId) {
    return run(consultationId, true);
  }

  private Outcome run(long consultationId, boolean write) {
    // The readers hold their positions for the length of one batch at a time: wait for them. The
    // people are recounted up to the participation reader's position, the answers up to the
    // answer reader's.
    Optional<LogPosition> people = hold("reporting.participation");
    Optional<LogPosition> answers = people.isEmpty() ? Optional.empty() : hold("reporting.tallies");
    if (people.isEmpty() || answers.isEmpty()) {
      return new Outcome.Busy();
    }
    java.util.Set<Long> units = new java.util.HashSet<>(participationLog.units(consultationId));
    units.addAll(opinionLog.units(consultationId));
    lineages.cover(units);
    jdbc.sql(
            """
            create temp table recount_people (unit_id bigint, day date, channel text, age_band text, sex text,
              occupation text, memberships int, people bigint) on commit drop
            """)
        .update();
    jdbc.sql(
            """
            create temp table recount_answers (unit_id bigint, item_id bigint, stance text, channel text,
              age_band text, sex text, occupation text, answers bigint, comments bigint) on commit drop
            """)
        .update();
    participationLog.countPeopleInto(consultationId, people.get(), "recount_people");
    opinionLog.countAnswersInto(consultationId, answers.get(), "recount_answers");
    // Rolled up through every unit's lineage, as the reader counts.
    jdbc.sql(
            """
            create temp table rolled_people on commit drop as
            select lin.u as unit_id, r.day, r.channel, r.age_band, r.sex, r.occupation, r.memberships, sum(r.people) as people
            from recount_people r join reporting.unit_lineage l on l.unit_id = r.unit_id
            cross join unnest(l.lineage) lin(u)
            group by 1, 2, 3, 4, 5, 6, 7
            """)
        .update();
    jdbc.sql(
            """
            create temp table rolled_answers on commit drop as
            select lin.u as unit_id, r.item_id, r.stance, r.channel, r.age_band, r.sex, r.occupation,
                   sum(r.answers) as answers, sum(r.comments) as comments
            from recount_answers r join reporting.unit_lineage l on l.unit_id = r.unit_id
            cross join unnest(l.lineage) lin(u)
            -- answers are counted from the commune up, never per village
            join units.unit u on u.id = lin.u and u.kind <> 'VILLAGE'
            group by 1, 2, 3, 4, 5, 6, 7
            """)
        .update();
    long mismatched = jdbc.sql(
            """
            select
              (select count(*) from (select * from reporting.participation_count where consultation_id = :c and people <> 0) t
                 full join rolled_people r using (unit_id, day, channel, age_band, sex, occupation, memberships)
               where t.people is distinct from r.people)
            + (select count(*) from (select * from reporting.answer_count where consultation_id = :c
                                        and (answers <> 0 or comments <> 0)) t
                 full join rolled_answers r using (unit_id, item_id, stance, channel, age_band, sex, occupation)
               where t.answers is distinct from r.answers or t.comments is distinct from r.comments)
            + (select count(*) from (select * from reporting.participation_total where consultation_id = :c and people <> 0) t
                 full join (select unit_id, channel, sum(people) as people from rolled_people group by 1, 2) r
                   using (unit_id, channel)
               where t.people is distinct from r.people)
            """)
        .param("c", consultationId)
        .query(Long.class)
        .single();
    long counted = jdbc.sql("select coalesce(sum(people), 0) from recount_people").query(Long.class).single();
    if (write) {
      for (String table : List.of("participation_total", "participation_count", "answer_count")) {
        jdbc.sql("delete from reporting." + table + " where consultation_id = ?").param(consultationId).update();
      }
      jdbc.sql(
              """
              insert into reporting.participation_count
                (consultation_id, unit_id, day, channel, age_band, sex, occupation, memberships, people)
              select :c, unit_id, day, channel, age_band, sex, occupation, memberships, people from rolled_people
              """)
          .param("c", consultationId)
          .update();
      jdbc.sql(
              """
              insert into reporting.participation_total (consultation_id, unit_id, channel, people)
              select :c, unit_id, channel, sum(people) from rolled_people group by unit_id, channel
              """)
          .param("c", consultationId)
          .update();
      jdbc.sql(
              """
              insert into reporting.answer_count
                (consultation_id, unit_id, item_id, stance, channel, age_band, sex, occupation, answers, comments)
              select :c, unit_id, item_id, stance, channel, age_band, sex, occupation, answers, comments from rolled_answers
              """)
          .param("c", consultationId)
          .update();
    }
    jdbc.sql("drop table recount_people, recount_answers, rolled_people, rolled_answers").update();
    return new Outcome.Recounted(consultationId, mismatched, counted);
  }

  /** The reader's position, locked for this transaction, waiting up to 30 s for it. */
  private Optional<LogPosition> hold(String name) {
    OpinionLogReader reader = readers.readers().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow();
    Optional<LogPosition> held = reader.lockPosition();
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (held.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      held = reader.lockPosition();
    }
    return held;
  }

}
