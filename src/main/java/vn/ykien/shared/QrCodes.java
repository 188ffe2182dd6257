package vn.ykien.shared;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** QR codes as inline SVG (sharp at any size, no image endpoint that would hold the secret) or PNG for print. */
public final class QrCodes {

  private QrCodes() {}

  /** The QR code as a PNG image, {@code scale} pixels per module: for printed documents. */
  public static byte[] png(String text, int scale) {
    BitMatrix matrix = matrix(text);
    var image = new java.awt.image.BufferedImage(
        matrix.getWidth() * scale, matrix.getHeight() * scale, java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
      }
    }
    var out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Text too long for a QR code", e);
    }
  }

  public static String svg(String text) {
    BitMatrix matrix = matrix(text);
    int size = matrix.getWidth();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < size; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/><path d=\"%s\" fill=\"#000\"/></svg>"
        .formatted(size, matrix.getHeight(), path);
  }
}
