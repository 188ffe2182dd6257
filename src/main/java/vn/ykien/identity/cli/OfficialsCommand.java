package vn.ykien.identity.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.ykien.identity.AccountAction;
import vn.ykien.identity.AccountChange;
import vn.ykien.identity.AccountCreation;
import vn.ykien.identity.NewOfficial;
import vn.ykien.identity.OfficialAccounts;
import vn.ykien.identity.OfficialRole;

/**
 * {@code ykien officials add USERNAME …}: the operator creates accounts at the console, typically
 * the first national administrator, who then creates the others on the web.
 */
@Component
@Command(
    name = "officials",
    description = "Officials' accounts / Tài khoản cán bộ",
    mixinStandardHelpOptions = true,
    subcommands = {OfficialsCommand.Add.class, OfficialsCommand.Change.class})
public class OfficialsCommand {

  /** A message in Vietnamese, then in English, one line each. */
  static void say(java.io.PrintWriter out, MessageSource messages, String key, Object... args) {
    out.printf("%s%n%s%n", messages.getMessage(key, args, Locale.of("vi")), messages.getMessage(key, args, Locale.ENGLISH));
  }

  /**
   * {@code ykien officials change USERNAME --action …}: deactivate, reactivate or reset an account
   * at the console, for those no official above can manage (the only national administrator who
   * lost their phone). A reset prints the enrolment code and its address for the holder. Audited
   * as the console.
   */
  @Component
  @Command(
      name = "change",
      description =
          "Deactivate, reactivate or reset an official's account / Khoá, mở lại hoặc đặt lại tài"
              + " khoản cán bộ")
  public static class Change implements Callable<Integer> {
    private final OfficialAccounts accounts;
    private final MessageSource messages;

    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "username / tên đăng nhập")
    String username;

    @Option(names = "--action", required = true, description = "${COMPLETION-CANDIDATES}")
    AccountAction action;

    Change(OfficialAccounts accounts, MessageSource messages) {
      this.accounts = accounts;
      this.messages = messages;
    }

    @Override
    public Integer call() {
      return switch (accounts.changeAtConsole(username, action)) {
        case AccountChange.Done done -> {
          String key = "accounts.changed." + action.name().toLowerCase(Locale.ROOT).replace('_', '-');
          Object[] name = {done.username()};
          say(spec.commandLine().getOut(), messages, key, name);
          if (done.enrolmentCode() != null) {
            spec.commandLine().getOut().println("/officials/enrol?code=" + done.enrolmentCode());
          }
          yield 0;
        }
        case AccountChange.Refused refused -> {
          say(spec.commandLine().getErr(), messages, refused.messageKey());
          yield 1;
        }
      };
    }
  }

  @Component
  @Command(
      name = "add",
      description =
          "Create an official's account; the password is read from standard input / Tạo tài khoản"
              + " cán bộ; mật khẩu đọc từ đầu vào chuẩn")
  public static class Add implements Callable<Integer> {
    private final OfficialAccounts accounts;
    private final MessageSource messages;

    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "username / tên đăng nhập")
    String username;

    @Option(names = "--name", required = true, description = "full name / họ và tên")
    String name;

    @Option(names = "--role", required = true, description = "${COMPLETION-CANDIDATES}")
    OfficialRole role;

    @Option(names = "--unit", required = true, description = "unit code, e.g. VN, 37, 14167")
    String unit;

    @Option(names = "--edition", defaultValue = "2026-07")
    String edition;

    @Option(names = "--citizen-id", description = "to sign in with the e-ID / đăng nhập bằng VNeID")
    @Nullable String citizenId;

    @Option(names = "--no-password", description = "e-ID sign-in only / chỉ đăng nhập bằng VNeID")
    boolean noPassword;

    @Option(names = "--totp", description = "second factor / xác thực hai bước")
    boolean totp;

    Add(OfficialAccounts accounts, MessageSource messages) {
      this.accounts = accounts;
      this.messages = messages;
    }

    @Override
    public Integer call() throws IOException {
      @Nullable String password = noPassword ? null : readPassword();
      AccountCreation outcome =
          accounts.createAtConsole(
              new NewOfficial(username, name, role, edition, unit, password, citizenId, totp));
      return switch (outcome) {
        case AccountCreation.Created created -> {
          Object[] name = {created.username()};
          spec.commandLine()
              .getOut()
              .printf(
                  "%s / %s%n",
                  messages.getMessage("accounts.created", name, Locale.of("vi")),
                  messages.getMessage("accounts.created", name, Locale.ENGLISH));
          if (created.totpUri() != null) {
            spec.commandLine().getOut().println(created.totpUri());
          }
          yield 0;
        }
        case AccountCreation.Refused refused -> {
          say(spec.commandLine().getErr(), messages, refused.messageKey());
          yield 1;
        }
      };
    }

    /** The first line of standard input (a console would echo it: pipe it in). */
    private static @Nullable String readPassword() throws IOException {
      var console = System.console();
      if (console != null) {
        char[] typed = console.readPassword("Mật khẩu / Password: ");
        return typed == null ? null : new String(typed);
      }
      var reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return reader.readLine();
    }
  }
}
