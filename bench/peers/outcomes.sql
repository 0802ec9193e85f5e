-- outcomes.sql: the batch task in SQL, after a loader has made the tables results, councils,
-- not_up, seats_up and groups from the files of `psephos generate` (load_sqlite.sql,
-- load_duckdb.sql). Prints the lines of publish/outcomes_csv.h; scripts/bench batch compares
-- them, sorted, with Psephos's. Runs unchanged on SQLite and DuckDB.

-- Each candidate's control key (party.h: each independent separate) and elected flag.
CREATE TEMP TABLE cand AS
SELECT ballot_paper_id AS ballot,
       CASE WHEN party_id = 'ynmp-party:2' THEN 'IND:' || person_name
            WHEN party_id LIKE 'party:%' THEN 'PP' || substr(party_id, 7)
            ELSE party_id END AS party,
       CAST(votes AS BIGINT) AS votes,
       CASE WHEN elected = 't' THEN 1 ELSE 0 END AS flag
FROM results;

-- A ward's seats are the candidates flagged elected; its winners are the most votes, a tie at
-- the cut broken by the flags (the returning officer's lot).
CREATE TEMP TABLE ward_seats AS SELECT ballot, SUM(flag) AS seats FROM cand GROUP BY ballot;
CREATE TEMP TABLE winners AS
SELECT r.ballot, r.party FROM (
  SELECT ballot, party,
         ROW_NUMBER() OVER (PARTITION BY ballot ORDER BY votes DESC, flag DESC) AS place
  FROM cand) r
JOIN ward_seats s ON s.ballot = r.ballot
WHERE r.place <= s.seats;

CREATE TEMP TABLE ward_council AS
SELECT council, ballot_paper_id AS ballot, COUNT(*) AS up FROM seats_up GROUP BY council, ballot_paper_id;
CREATE TEMP TABLE ctot AS SELECT council, CAST(total_seats AS INTEGER) AS total FROM councils;

-- Compositions: after = not up + won; eve of poll = not up + defended. Undeclared wards'
-- seats are unknown.
CREATE TEMP TABLE after_seats AS
SELECT council, party, SUM(n) AS seats FROM (
  SELECT council, party, CAST(seats AS INTEGER) AS n FROM not_up
  UNION ALL
  SELECT w.council, x.party, 1 FROM winners x JOIN ward_council w ON w.ballot = x.ballot
) u GROUP BY council, party;
CREATE TEMP TABLE eve_seats AS
SELECT council, party, SUM(n) AS seats FROM (
  SELECT council, party, CAST(seats AS INTEGER) AS n FROM not_up
  UNION ALL
  SELECT council, defending, 1 FROM seats_up WHERE COALESCE(defending, '') <> ''
) u GROUP BY council, party;
CREATE TEMP TABLE unknown_seats AS
SELECT w.council, SUM(w.up) AS n FROM ward_council w
WHERE w.ballot NOT IN (SELECT ballot FROM ward_seats) GROUP BY w.council;

-- Control: more than half of all seats; NOC is settled once no party could reach a majority
-- by taking every unknown seat.
CREATE TEMP TABLE control AS
SELECT c.council, c.total,
       a.majority AS after_party,
       COALESCE(a.best, 0) AS best,
       COALESCE(u.n, 0) AS unknown,
       e.majority AS before_party
FROM ctot c
LEFT JOIN (SELECT x.council, MAX(x.seats) AS best,
                  MAX(CASE WHEN 2 * x.seats > t.total THEN x.party END) AS majority
           FROM after_seats x JOIN ctot t ON t.council = x.council GROUP BY x.council) a
  ON a.council = c.council
LEFT JOIN (SELECT x.council, MAX(CASE WHEN 2 * x.seats > t.total THEN x.party END) AS majority
           FROM eve_seats x JOIN ctot t ON t.council = x.council GROUP BY x.council) e
  ON e.council = c.council
LEFT JOIN unknown_seats u ON u.council = c.council;

CREATE TEMP TABLE outcome AS
SELECT council, unknown, after_party, before_party,
       CASE WHEN after_party IS NOT NULL OR 2 * (best + unknown) <= total THEN 1 ELSE 0 END AS settled,
       COALESCE(after_party, 'NOC') AS after_id,
       COALESCE(before_party, 'NOC') AS before_id
FROM control;

-- Totals groups (party.h): every independent is IND; others as the registry groups them.
CREATE TEMP TABLE grouped_winners AS
SELECT w.council, CASE WHEN x.party LIKE 'IND:%' THEN 'IND' ELSE COALESCE(g.totals_group, x.party) END AS grp
FROM winners x JOIN ward_council w ON w.ballot = x.ballot
LEFT JOIN groups g ON g.party = x.party;
CREATE TEMP TABLE grouped_defended AS
SELECT s.council, CASE WHEN s.defending LIKE 'IND:%' THEN 'IND' ELSE COALESCE(g.totals_group, s.defending) END AS grp
FROM seats_up s LEFT JOIN groups g ON g.party = s.defending
WHERE COALESCE(s.defending, '') <> '' AND s.ballot_paper_id IN (SELECT ballot FROM ward_seats);
CREATE TEMP TABLE grouped_control AS
SELECT o.council, o.settled,
       CASE WHEN o.after_party IS NULL THEN NULL WHEN o.after_party LIKE 'IND:%' THEN 'IND'
            ELSE COALESCE(ga.totals_group, o.after_party) END AS after_grp,
       CASE WHEN o.before_party IS NULL THEN NULL WHEN o.before_party LIKE 'IND:%' THEN 'IND'
            ELSE COALESCE(gb.totals_group, o.before_party) END AS before_grp,
       CASE WHEN o.after_id <> o.before_id THEN 1 ELSE 0 END AS changed
FROM outcome o
LEFT JOIN groups ga ON ga.party = o.after_party
LEFT JOIN groups gb ON gb.party = o.before_party;

CREATE TEMP TABLE party_rows AS
SELECT grp, SUM(councils) AS councils, SUM(councils_change) AS councils_change,
       SUM(seats) AS seats, SUM(seats_change) AS seats_change FROM (
  SELECT after_grp AS grp, 1 AS councils, changed AS councils_change, 0 AS seats, 0 AS seats_change
    FROM grouped_control WHERE settled = 1 AND after_grp IS NOT NULL
  UNION ALL
  SELECT before_grp, 0, -1, 0, 0 FROM grouped_control WHERE settled = 1 AND changed = 1 AND before_grp IS NOT NULL
  UNION ALL
  SELECT x.grp, 0, 0, 1, 1 FROM grouped_winners x JOIN outcome o ON o.council = x.council WHERE o.settled = 1
  UNION ALL
  SELECT x.grp, 0, 0, 0, -1 FROM grouped_defended x JOIN outcome o ON o.council = x.council WHERE o.settled = 1
) u GROUP BY grp;

-- Every line of the output (the writer, per engine, prints or copies it). A key holding a comma
-- or a quote (an independent's: the candidate's name) is quoted as RFC 4180 says, as Psephos
-- writes it; so is a label holding one. Psephos and pandas quote a line break too, which this
-- script does not look for: SQLite and DuckDB share no way to write one (char(10), chr(10)),
-- and no results file has a name with one.
CREATE TEMP VIEW lines AS
SELECT 'ward,' || ballot || ',' || CASE WHEN instr(party, ',') > 0 OR instr(party, '"') > 0 THEN '"' || replace(party, '"', '""') || '"' ELSE party END || ',' || CAST(COUNT(*) AS VARCHAR) AS line
FROM winners GROUP BY ballot, party
UNION ALL
SELECT 'council,' || council || ',' || CASE WHEN instr(control, ',') > 0 OR instr(control, '"') > 0 THEN '"' || replace(control, '"', '""') || '"' ELSE control END || ',' || CASE WHEN instr(label, ',') > 0 OR instr(label, '"') > 0 THEN '"' || replace(label, '"', '""') || '"' ELSE label END || ',' || CAST(unknown AS VARCHAR)
FROM (SELECT council, unknown, CASE WHEN settled = 1 THEN after_id ELSE '' END AS control,
             CASE WHEN settled = 0 THEN ''
                  WHEN after_id = before_id THEN after_id || ' hold'
                  ELSE after_id || ' gain from ' || before_id END AS label
      FROM outcome) o
UNION ALL
SELECT 'seats,' || council || ',' || CASE WHEN instr(party, ',') > 0 OR instr(party, '"') > 0 THEN '"' || replace(party, '"', '""') || '"' ELSE party END || ',' || CAST(seats AS VARCHAR) FROM after_seats WHERE seats > 0
UNION ALL
SELECT 'party,' || grp || ',' || CAST(councils AS VARCHAR) || ',' || CAST(councils_change AS VARCHAR) || ',' ||
       CAST(seats AS VARCHAR) || ',' || CAST(seats_change AS VARCHAR)
FROM party_rows WHERE councils <> 0 OR councils_change <> 0 OR seats <> 0 OR seats_change <> 0
UNION ALL
SELECT 'noc,' || CAST(SUM(CASE WHEN after_party IS NULL THEN 1 ELSE 0 END) AS VARCHAR) || ',' ||
       CAST(SUM(CASE WHEN after_party IS NULL AND changed = 1 THEN 1 ELSE 0 END) -
            SUM(CASE WHEN before_party IS NULL AND changed = 1 THEN 1 ELSE 0 END) AS VARCHAR)
FROM (SELECT o.after_party, o.before_party, g.changed FROM outcome o
      JOIN grouped_control g ON g.council = o.council WHERE o.settled = 1) s
UNION ALL
SELECT 'settled,' || CAST(SUM(settled) AS VARCHAR) || ',' || CAST(COUNT(*) AS VARCHAR) FROM outcome;
