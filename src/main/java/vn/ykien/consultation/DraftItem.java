package vn.ykien.consultation;

import org.jspecify.annotations.Nullable;
import vn.ykien.shared.Localized;

/**
 * One item of a draft on which citizens give an opinion (an amended article, or an article of the
 * amending resolution), with the wording in force beside the proposed wording where known.
 *
 * @param article the number of the law's article the item amends (110); null for an item of the
 *     amending text itself (its own "Điều 2")
 */
public record DraftItem(
    long id,
    long consultationId,
    int position,
    String code,
    @Nullable Integer article,
    Localized label,
    Localized title,
    Localized summary,
    @Nullable String currentText,
    @Nullable String currentSource,
    @Nullable String proposedText,
    @Nullable String proposedSource,
    boolean proposedIsExcerpt) {}
