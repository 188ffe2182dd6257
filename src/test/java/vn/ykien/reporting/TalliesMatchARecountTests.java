package vn.ykien.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ykien.Fixtures;
import vn.ykien.IntegrationTest;
import vn.ykien.consultation.Consultation;
import vn.ykien.consultation.DraftItem;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Assistance;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.OpinionChange;
import vn.ykien.opinion.OpinionLogReader;
import vn.ykien.opinion.OpinionLogReaders;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.OwnOpinions;
import vn.ykien.opinion.Stance;
import vn.ykien.opinion.SubmissionResult;
import vn.ykien.opinion.SubmitOpinion;
import vn.ykien.opinion.WithdrawOpinion;
import vn.ykien.opinion.WithdrawalResult;
import vn.ykien.shared.CitizenId;
import vn.ykien.units.Unit;
import vn.ykien.units.Units;

/**
 * Random workloads — first opinions, revisions through other channels, withdrawals and second
 * opinions, residents moving between residential groups, readers and the mixer killed in the
 * middle of a batch
 * — always leave tallies that a recount from the stored opinions finds right, and that match what
 * the workload says each person last did. Each seed is one workload; a failure names its seed.
 */
@IntegrationTest
class TalliesMatchARecountTests {

  @Autowired vn.ykien.classification.CommentTallies commentTallies;
  @Autowired OpinionSubmission submission;
  @Autowired OwnOpinions own;
  @Autowired Fixtures fixtures;
  @Autowired Units units;
  @Autowired ParticipationReport report;
  @Autowired TallyRecount recount;
  @Autowired OpinionLogReaders readers;
  @Autowired vn.ykien.opinion.ContentMixer mixer;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  /** What the workload says a person currently counts as: their group's unit and channel. */
  record Counted(int group, Channel channel) {}

  @ParameterizedTest(name = "workload {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void talliesEqualARecountAndWhatEachPersonLastDid(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    Consultation consultation = fixtures.anOpenConsultation();
    List<DraftItem> items = fixtures.items(consultation);
    Unit commune = units.findByCode("2026-07", "14167").orElseThrow();
    int[] groups = {12, 13, 14};
    List<CitizenId> people = new ArrayList<>();
    Map<CitizenId, Integer> livesIn = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      int group = groups[random.nextInt(groups.length)];
      CitizenId citizen = fixtures.aResident().aged(16 + random.nextInt(70)).inGroup(group).register();
      people.add(citizen);
      livesIn.put(citizen, group);
    }
    Map<CitizenId, Counted> expected = new HashMap<>();

    for (int step = 0; step < 40; step++) {
      CitizenId citizen = people.get(random.nextInt(people.size()));
      int action = random.nextInt(10);
      if (action < 6) {
        Channel channel = random.nextInt(3) == 0 ? Channel.ASSISTED : Channel.SELF;
        Assistance assistance = channel == Channel.ASSISTED
            ? new Assistance.Helped("canbo.giaothuy", "Nhà văn hoá tổ " + livesIn.get(citizen))
            : Assistance.SELF;
        List<Answer> answers = new ArrayList<>();
        for (DraftItem item : items) {
          Stance stance = Stance.values()[random.nextInt(Stance.values().length)];
          String comment = stance.needsText() || random.nextInt(4) == 0 ? "Ý kiến " + random.nextInt(1000) : null;
          answers.add(new Answer(item.id(), stance, comment));
        }
        var result = submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, assistance, answers));
        assertThat(result).as("seed %d step %d", seed, step).isInstanceOf(SubmissionResult.Accepted.class);
        expected.put(citizen, new Counted(livesIn.get(citizen), channel));
      } else if (action < 8) {
        var result = own.withdraw(new WithdrawOpinion(consultation.id(), citizen, 2));
        if (result instanceof WithdrawalResult.Withdrawn) {
          expected.remove(citizen);
        }
      } else if (action == 8) {
        // The registry moves them (as an import would): they count where they were until they send again.
        int group = groups[random.nextInt(groups.length)];
        jdbc.sql("update registry.resident set unit_id = ? where citizen_id = ?")
            .params(fixtures.residentialGroup(group).id(), citizen.value())
            .update();
        livesIn.put(citizen, group);
      } else if (random.nextBoolean()) {
        killAReaderInTheMiddleOfABatch(random);
      } else {
        killTheMixerInTheMiddleOfABatch();
      }
    }

    fixtures.readersCaughtUp();
    var outcome = recount.check(consultation.id());
    assertThat(outcome).isInstanceOfSatisfying(
        TallyRecount.Outcome.Recounted.class,
        recounted -> {
          assertThat(recounted.mismatched()).as("cells differing from a recount, seed %d", seed).isZero();
          assertThat(recounted.people()).isEqualTo(expected.size());
        });
    assertThat(commentTallies.recount(consultation.id(), false))
        .as("cells of the classified comments differing from a recount, seed %d", seed)
        .isZero();
    Map<Integer, Map<Channel, Long>> byGroup = new HashMap<>();
    expected.values().forEach(counted -> byGroup
        .computeIfAbsent(counted.group(), g -> new EnumMap<>(Channel.class))
        .merge(counted.channel(), 1L, Long::sum));
    for (UnitParticipation row : report.forUnitAndChildren(consultation, commune)) {
      for (int group : groups) {
        if (row.unit().code().equals("14167-%02d".formatted(group))) {
          Map<Channel, Long> want = byGroup.getOrDefault(group, Map.of());
          for (Channel channel : Channel.values()) {
            assertThat(row.participantsByChannel().get(channel))
                .as("seed %d, group %d, %s", seed, group, channel)
                .isEqualTo(want.getOrDefault(channel, 0L));
          }
        }
      }
      if (row.unit().id() == commune.id()) {
        assertThat(row.participants()).isEqualTo(expected.size());
      }
    }
  }

  /**
   * Many submissions at once, while the readers follow the log: each transaction's change is
   * applied once, whatever order the transactions got their ids and committed in (a reader that
   * passed a change committed late would leave its person uncounted).
   */
  @org.junit.jupiter.api.Test
  void everyOneOfManySubmissionsSentAtOnceIsCountedOnce() throws Exception {
    Consultation consultation = fixtures.anOpenConsultation();
    List<DraftItem> items = fixtures.items(consultation);
    Unit group = fixtures.residentialGroup(16);
    List<CitizenId> people = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      people.add(fixtures.aResident().inGroup(16).register());
    }
    List<Answer> answers = items.stream().map(item -> new Answer(item.id(), Stance.APPROVE, null)).toList();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      List<java.util.concurrent.Future<SubmissionResult>> results = new ArrayList<>();
      for (CitizenId citizen : people) {
        results.add(pool.submit(() -> submission.submit(new SubmitOpinion(consultation.id(), citizen, 2, Assistance.SELF, answers))));
      }
      for (var result : results) {
        assertThat(result.get()).isInstanceOf(SubmissionResult.Accepted.class);
      }
    }

    fixtures.readersCaughtUp();

    Unit commune = units.findByCode("2026-07", "14167").orElseThrow();
    var row = report.forUnitAndChildren(consultation, commune).stream()
        .filter(r -> r.unit().id() == group.id()).findFirst().orElseThrow();
    assertThat(row.participants()).isEqualTo(people.size());
    assertThat(recount.check(consultation.id())).isInstanceOfSatisfying(
        TallyRecount.Outcome.Recounted.class, recounted -> assertThat(recounted.mismatched()).isZero());
  }

  /**
   * The mixer writes what waits and dies before its transaction commits: the envelopes are still
   * there and the next batch writes them once.
   */
  void killTheMixerInTheMiddleOfABatch() {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      mixer.mix(true);
      status.setRollbackOnly();
    });
  }

  /**
   * A reader applies the next changes and dies before its transaction commits: nothing of what it
   * did stays, and the next reader to hold the position applies them again.
   */
  void killAReaderInTheMiddleOfABatch(SplittableRandom random) {
    OpinionLogReader reader = readers.readers().get(random.nextInt(readers.readers().size()));
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.executeWithoutResult(status -> {
      var position = reader.lockPosition();
      if (position.isPresent()) {
        List<OpinionChange> changes = readers.changesAfter(reader, position.get(), 1 + random.nextInt(5));
        if (!changes.isEmpty()) {
          reader.apply(changes);
          reader.savePosition(changes.getLast().position());
        }
      }
      status.setRollbackOnly();
    });
  }
}
