-- Opinion events are delivered at least once (again after a crash between counting and marking
-- the event done). The tallies record each applied event's id in the same transaction as the
-- count, so a redelivered event is recognised and not counted twice.
create table reporting.applied_event (
  id  uuid primary key
);
