-- The opinion log is content's side now (V32, V33): it places a change at the commune, never the
-- village, and dates it to the day, never the hour (issue 12: the village, the hour and the
-- citizen group beside the pseudonym singled people out). The participation log keeps those.
update opinion.change_log l set unit_id = u.parent_id
from units.unit u where u.id = l.unit_id and u.kind = 'VILLAGE';
alter table opinion.change_log drop column hour;
