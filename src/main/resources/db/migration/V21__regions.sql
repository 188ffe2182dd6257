-- Socio-economic regions (vùng kinh tế - xã hội), for the "by region" roll-ups the plans ask of
-- classification and reports (plan 1, III.3). The six regions of the national master plan; each
-- of the 34 provinces since 1 July 2025 (GSO codes) belongs to the region of its seat. The
-- assignment is data: an administrator can change it with SQL, and a province not listed here
-- (the pre-reform edition) is shown as "no region".
create table units.region (
  code      text primary key,
  position  int not null,
  name_vi   text not null,
  name_en   text not null
);

insert into units.region (code, position, name_vi, name_en) values
  ('TDMNPB', 1, 'Trung du và miền núi phía Bắc', 'Northern Midlands and Mountains'),
  ('DBSH', 2, 'Đồng bằng sông Hồng', 'Red River Delta'),
  ('BTBDHMT', 3, 'Bắc Trung Bộ và duyên hải miền Trung', 'North Central and Central Coast'),
  ('TN', 4, 'Tây Nguyên', 'Central Highlands'),
  ('DNB', 5, 'Đông Nam Bộ', 'Southeast'),
  ('DBSCL', 6, 'Đồng bằng sông Cửu Long', 'Mekong River Delta');

create table units.province_region (
  province_code text primary key,
  region_code   text not null references units.region (code)
);

insert into units.province_region (province_code, region_code) values
  ('04', 'TDMNPB'), ('08', 'TDMNPB'), ('11', 'TDMNPB'), ('12', 'TDMNPB'), ('14', 'TDMNPB'),
  ('15', 'TDMNPB'), ('19', 'TDMNPB'), ('20', 'TDMNPB'), ('25', 'TDMNPB'),
  ('01', 'DBSH'), ('22', 'DBSH'), ('24', 'DBSH'), ('31', 'DBSH'), ('33', 'DBSH'), ('37', 'DBSH'),
  ('38', 'BTBDHMT'), ('40', 'BTBDHMT'), ('42', 'BTBDHMT'), ('44', 'BTBDHMT'), ('46', 'BTBDHMT'),
  ('48', 'BTBDHMT'), ('51', 'BTBDHMT'), ('52', 'BTBDHMT'), ('56', 'BTBDHMT'),
  ('66', 'TN'), ('68', 'TN'),
  ('75', 'DNB'), ('79', 'DNB'), ('80', 'DNB'),
  ('82', 'DBSCL'), ('86', 'DBSCL'), ('91', 'DBSCL'), ('92', 'DBSCL'), ('96', 'DBSCL');

-- Communes by kind of settlement: wards (phường) are urban.
create index unit_kind_path_idx on units.unit (kind, path text_pattern_ops);
