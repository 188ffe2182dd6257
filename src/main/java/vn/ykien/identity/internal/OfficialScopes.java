package vn.ykien.identity.internal;

import java.util.Optional;
import vn.ykien.identity.SignedInOfficial;

/** Which unit an official account covers. */
interface OfficialScopes {

  Optional<SignedInOfficial> find(String username);
}
