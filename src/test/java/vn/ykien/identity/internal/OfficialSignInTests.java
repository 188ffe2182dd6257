package vn.ykien.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ykien.IntegrationTest;
import vn.ykien.OfficialSession;
import vn.ykien.identity.AccountCreation;
import vn.ykien.identity.NewOfficial;
import vn.ykien.identity.OfficialAccounts;
import vn.ykien.identity.OfficialRole;

/** Officials sign in with a password, and a one-time code when their account has one. */
@IntegrationTest
class OfficialSignInTests {

  static final String PASSWORD = "mat-khau-that-dai-2025";

  @LocalServerPort int port;
  @Autowired OfficialAccounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void anAccountWithASecondFactorNeedsAFreshCodeEveryTime() {
    var created =
        accounts.createAtConsole(
            new NewOfficial("totp.giaothuy", "Lã Thị Mơ", OfficialRole.COMMUNE_OFFICER, "2026-07", "14167", PASSWORD, null, true));
    String uri = ((AccountCreation.Created) created).totpUri();
    assertThat(uri).startsWith("otpauth://totp/YKien:totp.giaothuy?secret=");
    String secret = query(uri).get("secret");

    assertThat(new OfficialSession(port).signIn("totp.giaothuy", PASSWORD, "")).as("password alone").isFalse();
    String wrong = "%06d".formatted((Integer.parseInt(Totp.code(secret, Instant.now())) + 500_000) % 1_000_000);
    assertThat(new OfficialSession(port).signIn("totp.giaothuy", PASSWORD, wrong)).as("wrong code").isFalse();
    String code = Totp.code(secret, Instant.now());
    var official = new OfficialSession(port);
    assertThat(official.signIn("totp.giaothuy", PASSWORD, code)).as("password and code").isTrue();
    assertThat(official.get("/officials/units/2026-07/14167").statusCode()).isEqualTo(200);
    assertThat(new OfficialSession(port).signIn("totp.giaothuy", PASSWORD, code)).as("the same code again").isFalse();
  }

  @Test
  void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() {
    var wrong = new OfficialSession(port);
    var unknown = new OfficialSession(port);
    assertThat(wrong.signIn("canbo.giaothuy", "not-the-password", "")).isFalse();
    assertThat(unknown.signIn("nobody.here", "not-the-password", "")).isFalse();
    assertThat(wrong.get("/officials/sign-in?error").body()).contains("Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng.");
  }

  @Test
  void aDeactivatedAccountStopsAtItsNextRequest() {
    accounts.createAtConsole(
        new NewOfficial("sap.nghi", "Phan Văn Nghỉ", OfficialRole.ANALYST, "2026-07", "14167", PASSWORD, null, false));
    var official = new OfficialSession(port);
    assertThat(official.signIn("sap.nghi", PASSWORD, "")).isTrue();
    assertThat(official.get("/officials/units/2026-07/14167").statusCode()).isEqualTo(200);

    jdbc.sql("update identity.official set active = false where username = 'sap.nghi'").update();

    assertThat(official.get("/officials/units/2026-07/14167").statusCode()).isEqualTo(403);
    assertThat(new OfficialSession(port).signIn("sap.nghi", PASSWORD, "")).isFalse();
  }

  @Test
  void aStrangersWrongPasswordsNeverKeepTheHolderOut() {
    accounts.createAtConsole(
        new NewOfficial("hay.quen", "Trần Văn Quên", OfficialRole.ANALYST, "2026-07", "14167", PASSWORD, null, false));
    // Someone elsewhere tries to lock the commune's official out on purpose.
    for (int i = 0; i <= SignInThrottle.PER_ACCOUNT; i++) {
      assertThat(new OfficialSession(port, "127.0.0.5").signIn("hay.quen", "wrong-password-" + i, "")).isFalse();
    }

    assertThat(new OfficialSession(port, "127.0.0.1").signIn("hay.quen", PASSWORD, "")).as("the holder, at their office").isTrue();
  }

  @Test
  void anAddressThatKeepsFailingWaitsLongerEachTimeAndIsToldHowLong() {
    accounts.createAtConsole(
        new NewOfficial("doan.mo", "Lý Văn Đoán", OfficialRole.ANALYST, "2026-07", "14167", PASSWORD, null, false));
    for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
      assertThat(new OfficialSession(port, "127.0.0.6").signIn("doan.mo", "guess-" + i, "")).isFalse();
    }

    // Each failure counts once (for the account from this address, and for the address).
    assertThat(
            jdbc.sql("select failures from identity.sign_in_throttle where username = 'doan.mo' and address = '127.0.0.6'")
                .query(Integer.class)
                .single())
        .isEqualTo(SignInThrottle.PER_ACCOUNT);
    var guesser = new OfficialSession(port, "127.0.0.6");
    // Even the right password waits: the address, not the password, is slowed down.
    assertThat(guesser.signIn("doan.mo", PASSWORD, "")).isFalse();
    assertThat(guesser.lastLocation).contains("/officials/sign-in?wait=");
    assertThat(guesser.get(guesser.lastLocation.replaceFirst("^https?://[^/]+", "")).body())
        .contains("Có quá nhiều lần đăng nhập sai từ kết nối này. Vui lòng thử lại sau");

    // Once the wait is over, the right password gets in, and the slips are forgotten.
    jdbc.sql("update identity.sign_in_throttle set last_failure_at = now() - interval '2 seconds' where address = '127.0.0.6'")
        .update();
    assertThat(new OfficialSession(port, "127.0.0.6").signIn("doan.mo", PASSWORD, "")).isTrue();
    assertThat(
            jdbc.sql("select count(*) from identity.sign_in_throttle where username = 'doan.mo'").query(Long.class).single())
        .isZero();
  }

  @Test
  void oneAddressTryingManyAccountsIsSlowedDownToo() {
    for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
      assertThat(new OfficialSession(port, "127.0.0.7").signIn("khong.co." + i, "guess", "")).isFalse();
    }

    var sprayer = new OfficialSession(port, "127.0.0.7");
    assertThat(sprayer.signIn("khong.co.nua", "guess", "")).isFalse();
    assertThat(sprayer.lastLocation).contains("wait=");
  }

  @Test
  void aClientCannotPickTheAddressItIsSlowedDownAtButAConfiguredProxyPassesItsClientsOn() {
    accounts.createAtConsole(
        new NewOfficial("gia.mao", "Hồ Văn Giả", OfficialRole.ANALYST, "2026-07", "14167", PASSWORD, null, false));
    // A guesser claims another address on every attempt: ignored, it is slowed down all the same.
    for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
      assertThat(
              new OfficialSession(port, "127.0.0.8").withHeader("X-Forwarded-For", "203.0.113." + i)
                  .signIn("gia.mao", "guess-" + i, ""))
          .isFalse();
    }
    var spoofing = new OfficialSession(port, "127.0.0.8").withHeader("X-Forwarded-For", "198.51.100.1");
    assertThat(spoofing.signIn("gia.mao", PASSWORD, "")).isFalse();
    assertThat(spoofing.lastLocation).contains("wait=");

    // Through the deployment's reverse proxy (127.0.0.9 here), each client counts apart: the
    // holder behind it is not slowed down by the failures of another client behind it.
    for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
      new OfficialSession(port, "127.0.0.9").withHeader("X-Forwarded-For", "192.0.2.66").signIn("gia.mao", "guess", "");
    }
    assertThat(
            new OfficialSession(port, "127.0.0.9").withHeader("X-Forwarded-For", "192.0.2.10").signIn("gia.mao", PASSWORD, ""))
        .isTrue();
  }

  @Test
  void theDelaysGrowFromOneSecondToAQuarterOfAnHour() {
    assertThat(SignInThrottle.delay(0)).hasSeconds(1);
    assertThat(SignInThrottle.delay(3)).hasSeconds(8);
    assertThat(SignInThrottle.delay(12)).isEqualTo(SignInThrottle.LONGEST);
  }

  private static Map<String, String> query(String uri) {
    var result = new java.util.HashMap<String, String>();
    for (String pair : URI.create(uri).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      result.put(kv[0], kv[1]);
    }
    return result;
  }

  @Autowired SignInThrottle throttle;

  @Test
  void anIpv6GuesserCountsByTheirWholeNetworkNotByEachAddressTheyDraw() {
    assertThat(SignInThrottle.bucket("2001:db8:1:2:aaaa::1")).isEqualTo(SignInThrottle.bucket("2001:db8:1:2:ffff:1:2:3"));
    assertThat(SignInThrottle.bucket("2001:db8:1:2::1")).isNotEqualTo(SignInThrottle.bucket("2001:db8:1:3::1"));
    assertThat(SignInThrottle.bucket("127.0.0.5")).isEqualTo("127.0.0.5");

    Instant now = Instant.now();
    for (int i = 1; i <= SignInThrottle.PER_ADDRESS; i++) {
      // Each guess from a fresh address of the same /64, at another account.
      throttle.failed("v6.target." + i, "2001:db8:77:1:" + Integer.toHexString(i) + "::" + Integer.toHexString(i * 7), now);
    }

    assertThat(throttle.waitFor("v6.next", "2001:db8:77:1:dead:beef::1", now)).isPresent();
    assertThat(throttle.waitFor("v6.next", "2001:db8:77:2::1", now)).isEmpty();
  }
}
