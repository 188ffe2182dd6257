package vn.ykien.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.IntegrationTest;
import vn.ykien.OfficialSession;
import vn.ykien.identity.AccountAction;
import vn.ykien.identity.AccountChange;
import vn.ykien.identity.AccountCreation;
import vn.ykien.identity.InvitedOfficial;
import vn.ykien.identity.OfficialAccounts;
import vn.ykien.identity.OfficialRole;
import vn.ykien.identity.SignedInOfficial;

/**
 * A new official sets their own password and enrols their own second factor; whoever created the
 * account, manages it, or copies the database learns neither. Deactivation and resets are by an
 * official who may manage the account, never by themselves, and all of it is audited.
 */
@IntegrationTest
class OfficialEnrolmentTests {

  static final String OWN_PASSWORD = "mat-khau-chi-minh-toi-biet";
  static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

  @LocalServerPort int port;
  @Autowired OfficialAccounts accounts;
  @Autowired Officials officials;
  @Autowired JdbcClient jdbc;

  final SignedInOfficial communeOfficer =
      new SignedInOfficial("canbo.giaothuy", "Vũ Thị Hoa", OfficialRole.COMMUNE_OFFICER, "2026-07", "14167");

  /**
   * Every session of these tests comes from an address of its own: the failures they play on
   * purpose slow that address down, not the other tests' (sign-in throttling is per address).
   */
  OfficialSession session() {
    return new OfficialSession(port, "127.0.0.21");
  }

  String invite(String username) {
    var created =
        accounts.create(
            communeOfficer, new InvitedOfficial(username, "Người Mới", OfficialRole.GROUP_OFFICER, "2026-07", "14167-03", null));
    return ((AccountCreation.Created) created).enrolmentCode();
  }

  /** The holder opens the link, reads the new secret into their app and sends the form. */
  record Enrolled(HttpResponse<String> response, String secret) {}

  Enrolled enrol(String code, String password, String codeFor) {
    var holder = session();
    holder.get("/officials/sign-in"); // a form token, even when the enrolment page shows no form
    String page = holder.get("/officials/enrol?code=" + code).body();
    var matcher = SECRET.matcher(page);
    String secret = matcher.find() ? matcher.group(1) : codeFor;
    var response =
        holder.post(
            "/officials/enrol",
            Map.of(
                "code", code,
                "password", password,
                "repeated", password,
                "oneTimeCode", Totp.code(secret, Instant.now())));
    return new Enrolled(response, secret);
  }

  boolean signsIn(String username, String password, String secret) {
    // The enrolment used this step's code: the next step's is the one an app shows next.
    return session().signIn(username, password, Totp.code(secret, Instant.now().plusSeconds(30)));
  }

  String audited(String action) {
    return jdbc.sql("select official || ' ' || detail from audit.entry where action = ? order by id desc limit 1")
        .param(action)
        .query(String.class)
        .optional()
        .orElse("");
  }

  @Test
  void theCreatorNeverChoosesNorSeesTheHoldersPasswordOrSecondFactor() {
    String code = invite("moi.to03");
    // Before enrolment there is no password to try, whatever the creator might guess.
    assertThat(session().signIn("moi.to03", "", "")).isFalse();
    assertThat(jdbc.sql("select password_hash is null and totp_sealed is null from identity.official where username = 'moi.to03'")
            .query(Boolean.class).single())
        .isTrue();

    var enrolled = enrol(code, OWN_PASSWORD, null);

    assertThat(enrolled.response().headers().firstValue("Location").orElse("")).contains("/officials/sign-in?enrolled");
    assertThat(signsIn("moi.to03", OWN_PASSWORD, enrolled.secret())).isTrue();
    // The code works once: a second enrolment with it (e.g. by the creator, afterwards) is refused.
    assertThat(session().get("/officials/enrol?code=" + code).body()).contains("id=\"enrol-invalid\"");
    assertThat(audited("official-account-created")).isEqualTo("canbo.giaothuy moi.to03 | GROUP_OFFICER");
    assertThat(audited(Enrolments.AUDITED_ACTION)).isEqualTo("moi.to03 moi.to03 | password | second factor");
  }

  @Test
  void aCopyOfTheDatabaseHoldsNoUsableSecondFactorSecret() {
    var enrolled = enrol(invite("moi.to03b"), OWN_PASSWORD, null);
    var row =
        jdbc.sql("select totp_secret, totp_sealed from identity.official where username = 'moi.to03b'").query().singleRow();

    assertThat(row.get("totp_secret")).isNull();
    byte[] sealed = (byte[]) row.get("totp_sealed");
    assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(enrolled.secret());
    // Copied onto another account, the sealed secret does not open: it is bound to its username.
    jdbc.sql("update identity.official set totp_sealed = ? where username = 'kiemtoan.quocgia'").param(sealed).update();
    try {
      assertThat(session().signIn("kiemtoan.quocgia", "giaothuy-2025", Totp.code(enrolled.secret(), Instant.now())))
          .isFalse();
    } finally {
      jdbc.sql("update identity.official set totp_sealed = null where username = 'kiemtoan.quocgia'").update();
    }
  }

  @Test
  void secretsStoredInTheClearBeforeAreSealedOnStart() {
    enrol(invite("cu.to03"), OWN_PASSWORD, null);
    String legacy = Totp.newSecret();
    jdbc.sql("update identity.official set totp_sealed = null, totp_secret = ? where username = 'cu.to03'").param(legacy).update();

    officials.sealLegacySecrets();

    var row = jdbc.sql("select totp_secret, totp_sealed from identity.official where username = 'cu.to03'").query().singleRow();
    assertThat(row.get("totp_secret")).isNull();
    assertThat(row.get("totp_sealed")).isNotNull();
    assertThat(signsIn("cu.to03", OWN_PASSWORD, legacy)).isTrue();
  }

  @Test
  void aResetPasswordStopsTheOldOneAndTheHolderProvesTheirSecondFactorToSetANewOne() {
    var enrolled = enrol(invite("quen.matkhau"), OWN_PASSWORD, null);

    var reset = accounts.change(communeOfficer, "quen.matkhau", AccountAction.RESET_PASSWORD);

    assertThat(reset).isInstanceOf(AccountChange.Done.class);
    assertThat(session().signIn("quen.matkhau", OWN_PASSWORD, Totp.code(enrolled.secret(), Instant.now().plusSeconds(30))))
        .isFalse();
    String code = ((AccountChange.Done) reset).enrolmentCode();
    var holder = session();
    String page = holder.get("/officials/enrol?code=" + code).body();
    assertThat(page).doesNotContain("totp-secret");
    // Without the code from their current app, nobody (not the official who reset it) sets it.
    var guessed =
        holder.post("/officials/enrol", Map.of("code", code, "password", "mat-khau-moi-cua-toi", "repeated", "mat-khau-moi-cua-toi", "oneTimeCode", "000000"));
    assertThat(guessed.body()).contains("id=\"enrol-error\"");
    var proven =
        holder.post(
            "/officials/enrol",
            Map.of(
                "code", code,
                "password", "mat-khau-moi-cua-toi",
                "repeated", "mat-khau-moi-cua-toi",
                "oneTimeCode", Totp.code(enrolled.secret(), Instant.now().plusSeconds(30))));
    assertThat(proven.headers().firstValue("Location").orElse("")).contains("enrolled");
    assertThat(audited("official-password-reset")).isEqualTo("canbo.giaothuy quen.matkhau");
  }

  @Test
  void aResetSecondFactorLeavesThePasswordUselessUntilTheHolderEnrolsANewAppWithIt() {
    enrol(invite("mat.dienthoai"), OWN_PASSWORD, null);

    var reset = (AccountChange.Done) accounts.change(communeOfficer, "mat.dienthoai", AccountAction.RESET_SECOND_FACTOR);

    assertThat(session().signIn("mat.dienthoai", OWN_PASSWORD, "")).isFalse();
    assertThat(enrol(reset.enrolmentCode(), "not-the-password-at-all", null).response().body()).contains("id=\"enrol-error\"");
    var enrolled = enrol(reset.enrolmentCode(), OWN_PASSWORD, null);
    assertThat(enrolled.response().headers().firstValue("Location").orElse("")).contains("enrolled");
    assertThat(signsIn("mat.dienthoai", OWN_PASSWORD, enrolled.secret())).isTrue();
  }

  @Test
  void onlyAnOfficialWhoMayManageTheAccountChangesItAndNeverTheirOwn() {
    enrol(invite("nghi.viec"), OWN_PASSWORD, null);
    var groupOfficer =
        new SignedInOfficial("totruong.to01", "Đỗ Văn Tâm", OfficialRole.GROUP_OFFICER, "2026-07", "14167-01");
    var provinceOfficer =
        new SignedInOfficial("canbo.ninhbinh", "Trịnh Văn Hải", OfficialRole.PROVINCE_OFFICER, "2026-07", "37");

    assertThat(accounts.change(groupOfficer, "nghi.viec", AccountAction.DEACTIVATE)).isEqualTo(new AccountChange.NotAllowed());
    assertThat(accounts.change(communeOfficer, "canbo.giaothuy", AccountAction.DEACTIVATE)).isEqualTo(new AccountChange.OwnAccount());
    assertThat(accounts.change(communeOfficer, "kiemtoan.quocgia", AccountAction.RESET_PASSWORD)).isEqualTo(new AccountChange.NotAllowed());
    assertThat(accounts.change(communeOfficer, "khong.co.ai", AccountAction.DEACTIVATE)).isEqualTo(new AccountChange.NoSuchAccount());

    assertThat(accounts.change(provinceOfficer, "nghi.viec", AccountAction.DEACTIVATE)).isInstanceOf(AccountChange.Done.class);
    assertThat(session().signIn("nghi.viec", OWN_PASSWORD, "")).isFalse();
    assertThat(audited("official-account-deactivated")).isEqualTo("canbo.ninhbinh nghi.viec");
    assertThat(accounts.change(communeOfficer, "nghi.viec", AccountAction.REACTIVATE)).isInstanceOf(AccountChange.Done.class);
    assertThat(audited("official-account-reactivated")).isEqualTo("canbo.giaothuy nghi.viec");
  }

  @Test
  void anExpiredOrMadeUpCodeOpensNothing() {
    String code = invite("het.han");
    jdbc.sql("update identity.official set enrolment_expires_at = now() - interval '1 minute' where username = 'het.han'").update();

    assertThat(session().get("/officials/enrol?code=" + code).body()).contains("id=\"enrol-invalid\"");
    assertThat(session().get("/officials/enrol?code=AAAABBBBCCCC").body()).contains("id=\"enrol-invalid\"");
    assertThat(enrol(code, OWN_PASSWORD, Totp.newSecret()).response().body()).contains("id=\"enrol-invalid\"");
  }

  @Autowired vn.ykien.identity.cli.OfficialsCommand.Change changeCommand;

  @Test
  void theOnlyNationalAdministratorWhoLostTheirPhoneIsResetAtTheConsole() {
    var enrolled = enrol(invite("mat.dienthoai.qg"), OWN_PASSWORD, null);
    var out = new java.io.StringWriter();
    int exit =
        new picocli.CommandLine(changeCommand)
            .setOut(new java.io.PrintWriter(out))
            .execute("mat.dienthoai.qg", "--action", "RESET_SECOND_FACTOR");

    assertThat(exit).isZero();
    var printed = java.util.regex.Pattern.compile("/officials/enrol\\?code=([A-Z2-7]+)").matcher(out.toString());
    assertThat(printed.find()).isTrue();
    assertThat(audited("official-second-factor-reset")).isEqualTo("console mat.dienthoai.qg");
    var again = enrol(printed.group(1), OWN_PASSWORD, null);
    assertThat(again.response().headers().firstValue("Location").orElse("")).contains("enrolled");
    assertThat(again.secret()).isNotEqualTo(enrolled.secret());
  }
}
