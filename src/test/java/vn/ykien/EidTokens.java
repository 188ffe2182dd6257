package vn.ykien;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import vn.ykien.shared.CitizenId;

/** Access tokens as the (development) e-ID provider issues them, for API tests. */
public final class EidTokens {

  private EidTokens() {}

  /** A token for this citizen at this level, for this audience, valid 5 minutes from issuedAt. */
  public static String issue(
      JWKSource<SecurityContext> providerKeys, CitizenId citizen, int level, String audience, Instant issuedAt) {
    var claims =
        JwtClaimsSet.builder()
            .subject(citizen.value())
            .issuedAt(issuedAt)
            .expiresAt(issuedAt.plus(5, ChronoUnit.MINUTES))
            .claim("citizen_id", citizen.value())
            .claim("acr", "urn:vneid:loa:" + level)
            .audience(List.of(audience))
            .build();
    return new NimbusJwtEncoder(providerKeys).encode(JwtEncoderParameters.from(claims)).getTokenValue();
  }

  /** A token for the platform's API, issued now, at level 2. */
  public static String forApi(JWKSource<SecurityContext> providerKeys, CitizenId citizen) {
    return issue(providerKeys, citizen, 2, "ykien-api", Instant.now());
  }
}
