package vn.ykien.opinion;

import java.util.List;
import vn.ykien.shared.CitizenId;

/**
 * A citizen's opinion on every item of a consultation's draft.
 *
 * @param signedInLevel the assurance level asserted by the citizen's e-ID token
 */
public record SubmitOpinion(
    long consultationId,
    CitizenId citizen,
    int signedInLevel,
    Channel channel,
    List<Answer> answers) {}
