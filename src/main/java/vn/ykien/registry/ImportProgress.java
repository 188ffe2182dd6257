package vn.ykien.registry;

/** Told how far an import has got, for a progress bar. */
@FunctionalInterface
public interface ImportProgress {

  ImportProgress NONE = (stage, rows) -> {};

  /**
   * @param stage reading, validating, applying or done
   * @param rows rows read so far
   */
  void reached(Stage stage, long rows);

  enum Stage {
    READING,
    VALIDATING,
    APPLYING,
    DONE
  }
}
