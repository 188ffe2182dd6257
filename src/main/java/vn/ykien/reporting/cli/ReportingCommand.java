package vn.ykien.reporting.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.ykien.classification.CommentTallies;
import vn.ykien.consultation.Consultations;
import vn.ykien.reporting.TallyRecount;

/** {@code ykien reporting …}: the tallies officials' pages read. */
@Component
@Command(
    name = "reporting",
    description = "Tallies of participation and answers / Số liệu tổng hợp tham gia và ý kiến",
    mixinStandardHelpOptions = true,
    subcommands = ReportingCommand.Recount.class)
public class ReportingCommand {

  /** A new instance per run: picocli keeps option values in the command's fields. */
  @Component
  @Scope("prototype")
  @Command(
      name = "recount",
      description =
          "Rebuild the tallies (answers, participation, classified comments, denominators) from the stored"
              + " opinions and the registry, and say how many cells were wrong / Đếm lại số liệu tổng hợp"
              + " (ý kiến, tham gia, góp ý đã phân loại, mẫu số) từ dữ liệu đã lưu, cho biết bao nhiêu ô sai")
  public static class Recount implements Callable<Integer> {

    private final TallyRecount recount;
    private final CommentTallies commentTallies;
    private final vn.ykien.reporting.Denominators denominators;
    private final Consultations consultations;
    private final MessageSource messages;

    @Spec CommandSpec spec;

    @Option(names = "--consultation", description = "slug; default: every consultation / mặc định: mọi cuộc lấy ý kiến")
    @Nullable String slug;

    @Option(names = "--check", description = "compare only, change nothing / chỉ so sánh, không sửa")
    boolean check;

    @Option(names = "--lang", defaultValue = "vi")
    String lang = "vi";

    Recount(
        TallyRecount recount,
        CommentTallies commentTallies,
        vn.ykien.reporting.Denominators denominators,
        Consultations consultations,
        MessageSource messages) {
      this.recount = recount;
      this.commentTallies = commentTallies;
      this.denominators = denominators;
      this.consultations = consultations;
      this.messages = messages;
    }

    @Override
    public Integer call() throws InterruptedException {
      Locale locale = Locale.of(lang);
      List<Long> ids;
      if (slug != null) {
        var consultation = consultations.findBySlug(slug);
        if (consultation.isEmpty()) {
          spec.commandLine().getErr().println(messages.getMessage("cli.eligibility.noConsultation", new Object[] {slug}, locale));
          return 2;
        }
        ids = List.of(consultation.get().id());
      } else {
        java.util.SortedSet<Long> every = new java.util.TreeSet<>(recount.consultations());
        every.addAll(commentTallies.consultations());
        ids = List.copyOf(every);
      }
      long mismatched = 0;
      for (long id : ids) {
        TallyRecount.Outcome outcome = check ? recount.check(id) : recount.recount(id);
        // The server's reader holds the position for a moment at a time: wait for it.
        for (int attempt = 0; outcome instanceof TallyRecount.Outcome.Busy && attempt < 100; attempt++) {
          Thread.sleep(100);
          outcome = check ? recount.check(id) : recount.recount(id);
        }
        switch (outcome) {
          case TallyRecount.Outcome.Recounted done -> {
            mismatched += done.mismatched();
            if (!check) {
              consultations.find(id).ifPresent(denominators::refresh);
            }
            spec.commandLine().getOut().println(messages.getMessage(
                check ? "cli.reporting.checked" : "cli.reporting.recounted",
                new Object[] {consultations.find(id).map(c -> c.slug()).orElse(String.valueOf(id)), done.people(), done.mismatched()},
                locale));
          }
          case TallyRecount.Outcome.Busy busy -> {
            spec.commandLine().getErr().println(messages.getMessage("cli.reporting.busy", null, locale));
            return 1;
          }
        }
        long comments = commentTallies.recount(id, !check);
        mismatched += comments;
        spec.commandLine().getOut().println(messages.getMessage(
            check ? "cli.reporting.commentsChecked" : "cli.reporting.commentsRecounted",
            new Object[] {consultations.find(id).map(c -> c.slug()).orElse(String.valueOf(id)), comments},
            locale));
      }
      spec.commandLine().getOut().println("tally_mismatch=" + mismatched);
      return 0;
    }
  }
}
