package vn.ykien.identity.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down whoever keeps failing to sign in, never the account's holder: failures are counted
 * per account and client address, and per address across accounts; past a few, each further
 * attempt from that address waits twice as long as the one before (up to 15 minutes). Nothing is
 * counted per account alone, so a stranger's wrong passwords cannot keep the holder out, and a
 * refusal says only what the caller's own failures caused. Kept in the database, so it holds
 * across servers. An IPv6 client counts by its /64 network: one subscriber usually holds a whole
 * /64 and could otherwise draw a fresh address for every guess.
 */
@Component
class SignInThrottle {

  /** Failures for one account from one address before the delays start. */
  static final int PER_ACCOUNT = 5;

  /** Failures from one address, over every account, before the delays start. */
  static final int PER_ADDRESS = 20;

  static final Duration LONGEST = Duration.ofMinutes(15);

  /** Failures older than this are forgotten. */
  static final Duration MEMORY = Duration.ofHours(24);

  private static final String ANY_ACCOUNT = "";

  private final JdbcClient jdbc;

  SignInThrottle(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What failures are counted by: the IPv4 address, or the /64 network of an IPv6 address. */
  static String bucket(String address) {
    try {
      InetAddress parsed = InetAddress.ofLiteral(address);
      if (parsed instanceof Inet6Address) {
        byte[] bytes = parsed.getAddress();
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
      }
      return parsed.getHostAddress();
    } catch (IllegalArgumentException | java.net.UnknownHostException notAnAddress) {
      return "0.0.0.0";
    }
  }

  /** How long this address must wait before trying this account again; empty: it may try now. */
  Optional<Duration> waitFor(String username, String client, Instant now) {
    String address = bucket(client);
    record Count(String username, int failures, Instant last) {}
    var counts =
        jdbc.sql(
                """
                select username, failures, last_failure_at from identity.sign_in_throttle
                where address = ?::inet and username in (?, ?) and last_failure_at > ?
                """)
            .params(address, username, ANY_ACCOUNT, Timestamp.from(now.minus(MEMORY)))
            .query((rs, row) -> new Count(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
            .list();
    Instant allowed = now;
    for (Count count : counts) {
      int threshold = ANY_ACCOUNT.equals(count.username()) ? PER_ADDRESS : PER_ACCOUNT;
      if (count.failures() >= threshold) {
        Instant next = count.last().plus(delay(count.failures() - threshold));
        if (next.isAfter(allowed)) {
          allowed = next;
        }
      }
    }
    return allowed.isAfter(now) ? Optional.of(Duration.between(now, allowed)) : Optional.empty();
  }

  /** 1 s after the first failure past the threshold, then 2, 4, 8 … up to {@link #LONGEST}. */
  static Duration delay(int beyond) {
    return beyond >= 10 ? LONGEST : Duration.ofSeconds(Math.min(LONGEST.toSeconds(), 1L << beyond));
  }

  /** Counts a failure for the account and the address, in its own transaction. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(String username, String client, Instant now) {
    String address = bucket(client);
    for (String key : new String[] {username, ANY_ACCOUNT}) {
      jdbc.sql(
              """
              insert into identity.sign_in_throttle as t (username, address, failures, last_failure_at)
              values (?, ?::inet, 1, ?)
              on conflict (username, address) do update set
                failures = case when t.last_failure_at < ? then 1 else t.failures + 1 end,
                last_failure_at = excluded.last_failure_at
              """)
          .params(key, address, Timestamp.from(now), Timestamp.from(now.minus(MEMORY)))
          .update();
    }
    jdbc.sql("delete from identity.sign_in_throttle where last_failure_at < ?")
        .param(Timestamp.from(now.minus(MEMORY)))
        .update();
  }

  /** The account's holder got in from this address: their earlier slips there are forgotten. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void succeeded(String username, String client) {
    String address = bucket(client);
    jdbc.sql("delete from identity.sign_in_throttle where username = ? and address = ?::inet")
        .params(username, address)
        .update();
  }
}
