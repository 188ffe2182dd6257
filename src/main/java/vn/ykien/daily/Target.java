package vn.ykien.daily;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A participation target of a unit: at least {@code people} of a population by the deadline. */
public record Target(
    long id,
    long consultationId,
    long unitId,
    Population population,
    Measure measure,
    long people,
    @Nullable BigDecimal percent,
    LocalDate deadline,
    @Nullable Long parentId,
    @Nullable Split split,
    String setBy) {}
