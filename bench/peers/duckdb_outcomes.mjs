// duckdb_outcomes.mjs: the batch task on DuckDB's bundled engine (npm @duckdb/node-api).
// Usage (in a folder written by `psephos generate`):
//   node bench/peers/duckdb_outcomes.mjs OUT.csv
// Runs load_duckdb.sql then outcomes.sql (the SQL SQLite runs too) in one in-memory database
// and copies the output lines to OUT.csv.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? 'duckdb.out');
const sql = readFileSync(join(here, 'load_duckdb.sql'), 'utf8') + '\n' +
            readFileSync(join(here, 'outcomes.sql'), 'utf8');
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(sql);
await connection.run(`COPY (SELECT line FROM lines) TO '${out.replaceAll("'", "''")}' (HEADER false, QUOTE '', DELIMITER '\t')`);
