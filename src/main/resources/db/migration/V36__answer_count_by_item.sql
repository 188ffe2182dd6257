-- Results are released one item at a time: reading an item's cells must not scan every item's.
create index answer_count_by_item on reporting.answer_count (consultation_id, item_id);
