package vn.ykien.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.IntegrationTest;

/** Who may create which accounts, and what an account must have. */
@IntegrationTest
class OfficialAccountsTests {

  static final String STRONG = "a-long-enough-password";

  @Autowired OfficialAccounts accounts;
  @Autowired JdbcClient jdbc;

  final SignedInOfficial communeOfficer =
      new SignedInOfficial("canbo.giaothuy", "Vũ Thị Hoa", OfficialRole.COMMUNE_OFFICER, "2026-07", "14167");

  NewOfficial account(String username, OfficialRole role, String unit) {
    return new NewOfficial(username, "Nguyễn Văn Thử", role, "2026-07", unit, STRONG, null, false);
  }

  InvitedOfficial invited(String username, OfficialRole role, String unit) {
    return new InvitedOfficial(username, "Nguyễn Văn Thử", role, "2026-07", unit, null);
  }

  @Test
  void aCommuneOfficerCreatesAGroupOfficerInTheirCommuneWhoEnrolsThemselves() {
    var outcome = accounts.create(communeOfficer, invited("to02.giaothuy", OfficialRole.GROUP_OFFICER, "14167-02"));

    assertThat(outcome).isInstanceOfSatisfying(
        AccountCreation.Created.class,
        created -> {
          assertThat(created.totpUri()).isNull();
          assertThat(created.enrolmentCode()).matches("[A-Z2-7]{32}");
        });
    // The creator chose no password: there is none until the holder enrols.
    assertThat(jdbc.sql("select password_hash is null and enrolment_hash is not null from identity.official where username = 'to02.giaothuy'")
            .query(Boolean.class).single())
        .isTrue();
    assertThat(jdbc.sql("select created_by from identity.official where username = 'to02.giaothuy'")
            .query(String.class).single())
        .isEqualTo("canbo.giaothuy");
  }

  @Test
  void aCommuneOfficerCannotCreateAccountsInAnotherCommune() {
    assertThat(accounts.create(communeOfficer, invited("to01.giaominh", OfficialRole.GROUP_OFFICER, "14161-01")))
        .isIn(new AccountCreation.NotAllowed(), new AccountCreation.UnknownUnit());
    assertThat(accounts.create(communeOfficer, invited("canbo2.giaominh", OfficialRole.COMMUNE_OFFICER, "14161")))
        .isEqualTo(new AccountCreation.NotAllowed());
  }

  @Test
  void noOneGivesMoreRightsThanTheyHave() {
    assertThat(accounts.create(communeOfficer, invited("kiemtoan.xa", OfficialRole.AUDITOR, "14167")))
        .isEqualTo(new AccountCreation.NotAllowed());
    assertThat(accounts.create(communeOfficer, invited("quantri.xa", OfficialRole.NATIONAL_ADMIN, "VN")))
        .isEqualTo(new AccountCreation.NotAllowed());
    var groupOfficer =
        new SignedInOfficial("totruong.to01", "Đỗ Văn Tâm", OfficialRole.GROUP_OFFICER, "2026-07", "14167-01");
    assertThat(accounts.create(groupOfficer, invited("to01.pho", OfficialRole.GROUP_OFFICER, "14167-01")))
        .isEqualTo(new AccountCreation.NotAllowed());
  }

  @Test
  void aRoleNamedAfterALevelBelongsOnAUnitOfThatLevel() {
    assertThat(accounts.createAtConsole(account("tinh.sai", OfficialRole.PROVINCE_OFFICER, "14167")))
        .isEqualTo(new AccountCreation.RoleDoesNotFitUnit());
    assertThat(accounts.createAtConsole(account("phantich.xa", OfficialRole.ANALYST, "14167")))
        .isInstanceOf(AccountCreation.Created.class);
  }

  @Test
  void badAccountsAreRefusedWithAReasonAndNothingIsStored() {
    assertThat(accounts.createAtConsole(account("Có Dấu", OfficialRole.ANALYST, "14167")))
        .isEqualTo(new AccountCreation.InvalidUsername());
    assertThat(accounts.createAtConsole(account("canbo.giaothuy", OfficialRole.ANALYST, "14167")))
        .isEqualTo(new AccountCreation.UsernameTaken());
    assertThat(accounts.createAtConsole(account("khong.co.don.vi", OfficialRole.ANALYST, "99999")))
        .isEqualTo(new AccountCreation.UnknownUnit());
    assertThat(
            accounts.createAtConsole(
                new NewOfficial("ngan.qua", "Tên", OfficialRole.ANALYST, "2026-07", "14167", "short", null, false)))
        .isEqualTo(new AccountCreation.WeakPassword());
    assertThat(
            accounts.createAtConsole(
                new NewOfficial("khong.ten", " ", OfficialRole.ANALYST, "2026-07", "14167", STRONG, null, false)))
        .isEqualTo(new AccountCreation.MissingName());
    assertThat(
            accounts.createAtConsole(
                new NewOfficial("so.sai", "Tên", OfficialRole.ANALYST, "2026-07", "14167", STRONG, "12345", false)))
        .isEqualTo(new AccountCreation.InvalidCitizenId());
    assertThat(
            jdbc.sql("select count(*) from identity.official where username in ('ngan.qua', 'khong.ten', 'so.sai', 'khong.co.don.vi')")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anOfficialMaySignInWithTheirEidInsteadOfAPassword() {
    var eidOnly =
        new NewOfficial("eid.only", "Nguyễn Văn E", OfficialRole.ANALYST, "2026-07", "14167", null, "036099000123", false);
    assertThat(accounts.createAtConsole(eidOnly)).isInstanceOf(AccountCreation.Created.class);
    var again =
        new NewOfficial("eid.twice", "Nguyễn Văn E", OfficialRole.ANALYST, "2026-07", "14167", null, "036099000123", false);
    assertThat(accounts.createAtConsole(again)).isEqualTo(new AccountCreation.CitizenIdTaken());
    var neither =
        new NewOfficial("no.way.in", "Không", OfficialRole.ANALYST, "2026-07", "14167", null, null, false);
    assertThat(accounts.createAtConsole(neither)).isEqualTo(new AccountCreation.WeakPassword());
  }
}
