-- load_sqlite.sql: the files of `psephos generate` into SQLite tables (run in that folder).
.bail on
.mode csv
.import results.csv results
.import councils.csv councils
.import not_up.csv not_up
.import seats_up.csv seats_up
.import groups.csv groups
