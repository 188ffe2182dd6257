package vn.ykien.opinion.web;

import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.ykien.opinion.Receipt;
import vn.ykien.shared.QrCodes;

/** A receipt as pages show it: its public check link and that link's QR code. */
final class ReceiptLinks {

  private ReceiptLinks() {}

  /** Adds the receipt, its check link ({@code verifyUrl}), QR code and time format to the page. */
  static void show(Receipt receipt, Model model) {
    String verifyUrl =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/receipts")
            .queryParam("token", receipt.token())
            .build()
            .toUriString();
    model.addAttribute("receipt", receipt);
    model.addAttribute("verifyUrl", verifyUrl);
    model.addAttribute("receiptQr", QrCodes.svg(verifyUrl));
    model.addAttribute("formatter", ReceiptTimes.FORMAT);
  }
}
