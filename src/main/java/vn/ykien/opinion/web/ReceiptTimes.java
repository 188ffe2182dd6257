package vn.ykien.opinion.web;

import java.time.format.DateTimeFormatter;
import vn.ykien.consultation.Consultation;

/** Receipt times in Vietnamese local time, to the second. */
final class ReceiptTimes {

  static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(Consultation.ZONE);

  private ReceiptTimes() {}
}
