// csv.h
//
// CsvTable: a whole CSV file read into rows of fields, with the line each row started on, so
// that every later error can name file, line and column. Fields are views: into the text, or,
// for a quoted field (whose quotes come out), into text the parse keeps; a table keeps both.
// Handles what real results files carry: a UTF-8 byte-order mark, CRLF, LF or old-Mac CR line
// ends, quoted fields with commas, doubled quotes and line breaks. Text must be UTF-8: a Latin-1
// byte, UTF-16 or a NUL byte is an error naming the line. Hand-written rather than a library: it
// is small, it is on the hot path of every import, and none in Debian reports the line numbers
// we need.
//
//   Result<CsvTable> table = ParseCsv(text, "results.csv");
//   auto votes = table->Column("votes");             // Result<size_t>
//   for (const CsvRow& row : table->rows) Use(row.fields[*votes], row.line);
#ifndef PSEPHOS_READERS_CSV_H_
#define PSEPHOS_READERS_CSV_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace psephos {

struct CsvRow {
  int64_t line = 0;    // 1-based line the row starts on
  size_t offset = 0;   // byte of the text the row starts at
  // Most fields of a results file are a stretch of the text between two commas, and are views
  // of it: a 1000x night is 170 million fields, and copying each into a string of its own was
  // a third of reading it. A quoted field is its text with the quotes taken out, held in
  // `quoted_text`.
  std::vector<std::string_view> fields;
  std::string_view quoted_text;  // the bytes quoted fields point into (empty when none)

  // Makes `copy` this row, its quoted fields' bytes copied into `storage`, which holds them for
  // the copy from then on (so must not change while the copy is used). `copy`'s memory is
  // reused: a streamed row is copied this way into each batch handed between threads.
  void CopyInto(CsvRow& copy, std::string& storage) const;
};

struct CsvTable {
  std::string file;
  std::vector<std::string> header;  // empty when parsed with has_header = false
  std::vector<CsvRow> rows;
  // What rows' fields point into (ParseCsv): the text and the quoted fields' bytes. Shared, so
  // that a copy of the table keeps its fields good.
  std::shared_ptr<const void> storage;

  // Index of a header column, matched exactly after trimming; error names the file.
  Result<size_t> Column(std::string_view name) const;
  std::optional<size_t> FindColumn(std::string_view name) const;
  // An error about a field of a row, naming file, line and column.
  Error FieldError(const CsvRow& row, size_t column, std::string message) const;
};

// Parses CSV text. With has_header the first row is the header. Fails on an unterminated
// quote, a row with a different number of fields than the header, or an empty file. Rows that
// are entirely empty (blank lines) are skipped.
Result<CsvTable> ParseCsv(std::string_view text, std::string file, bool has_header = true);
// The same parse as a stream, for files too big to hold as rows (a 1000x night is 15 million
// rows): `on_row` gets each data row as it ends (the row, and the bytes its quoted fields point
// into, are reused afterwards; its other fields are views of `text`); the header, if
// any, goes to table.header before the first row. The first error, the parser's or on_row's,
// stops the parse and is returned; rows before it were already handed on.
Status ParseCsvRows(std::string_view text, CsvTable& table, bool has_header,
                    const std::function<Status(const CsvRow&)>& on_row);

// ParseCsvRows on a file, for the biggest inputs (a 1000x night's results are 2.3 GB): the file
// is mapped rather than read, and the pages the parse has gone past are handed back as it goes,
// so it is never in memory whole. A file of 4 MiB or more is parsed on a thread of its
// own, a few batches of rows ahead of on_row (which runs on the calling thread): the same rows
// in the same order, and the same first error, as ParseCsvRows gives. Rows (and their fields)
// must not be kept past on_row: their fields are views of the mapping, whose pages are handed
// back once the parse is past them, and it is unmapped at the end. A pipe
// or another file that cannot be mapped is read whole instead.
Status ParseCsvFileRows(const std::string& path, CsvTable& table, bool has_header,
                        const std::function<Status(const CsvRow&)>& on_row);

// Reads a file whole; the error names the file. `padding` bytes of capacity are left after the
// text, for a parser that reads past its end (simdjson's padding).
Result<std::string> ReadFile(const std::string& path, size_t padding = 0);

}  // namespace psephos

#endif  // PSEPHOS_READERS_CSV_H_
