package vn.ykien.identity;

/** Facts about the development e-ID provider (demo profile only) that its sign-in page needs. */
public final class DevEidProvider {

  /** Session attribute where the provider keeps the authorisation request during sign-in. */
  public static final String SAVED_REQUEST_ATTRIBUTE = "DEV_EID_PROVIDER_SAVED_REQUEST";

  private DevEidProvider() {}
}
