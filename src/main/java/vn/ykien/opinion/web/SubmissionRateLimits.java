package vn.ykien.opinion.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ykien.shared.CitizenId;

/**
 * Token buckets for opinion submissions through the API: one per citizen (nobody needs more than
 * a few submissions a minute) and one per client address (generous: a whole village may submit
 * from one community hall behind one address). Kept in this server's memory, bounded and expiring.
 */
@Component
class SubmissionRateLimits {

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(2_000_000).build();
  private final int perCitizen;
  private final int perAddress;

  SubmissionRateLimits(
      @Value("${ykien.api.rate-limit.per-citizen-per-minute:20}") int perCitizen,
      @Value("${ykien.api.rate-limit.per-address-per-minute:1200}") int perAddress) {
    this.perCitizen = perCitizen;
    this.perAddress = perAddress;
  }

  /** Empty when the request may go on; otherwise the seconds to wait before trying again. */
  OptionalLong refusal(String address, CitizenId citizen) {
    OptionalLong byAddress = take("address:" + address, perAddress);
    return byAddress.isPresent() ? byAddress : take("citizen:" + citizen.value(), perCitizen);
  }

  private OptionalLong take(String key, int perMinute) {
    Bucket bucket =
        buckets.get(
            key,
            unused ->
                Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build());
    var probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
  }
}
