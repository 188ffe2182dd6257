package vn.ykien.opinion;

import vn.ykien.shared.CitizenId;

/** A citizen withdrawing their own opinion, signed in at {@code signedInLevel}. */
public record WithdrawOpinion(long consultationId, CitizenId citizen, int signedInLevel) {}
