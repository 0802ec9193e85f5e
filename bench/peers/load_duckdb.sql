-- load_duckdb.sql: the files of `psephos generate` into DuckDB tables (run in that folder).
CREATE TABLE results AS SELECT * FROM read_csv('results.csv', header = true, all_varchar = true);
CREATE TABLE councils AS SELECT * FROM read_csv('councils.csv', header = true, all_varchar = true);
CREATE TABLE not_up AS SELECT * FROM read_csv('not_up.csv', header = true, all_varchar = true);
CREATE TABLE seats_up AS SELECT * FROM read_csv('seats_up.csv', header = true, all_varchar = true);
CREATE TABLE groups AS SELECT * FROM read_csv('groups.csv', header = true, all_varchar = true);
