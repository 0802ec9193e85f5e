// csv.h
//
// CsvTable: a whole CSV file read into rows of fields, with the line each row started on, so
// that every later error can name file, line and column. Handles what real results files
// carry: a UTF-8 byte-order mark, CRLF, LF or old-Mac CR line ends, quoted fields with commas,
// doubled quotes and line breaks. Text must be UTF-8: a Latin-1 byte, UTF-16 or a NUL byte is
// an error naming the line. Hand-written rather than a library: it is small, it is on
// the hot path of every import, and none in Debian reports the line numbers we need.
//
//   Result<CsvTable> table = ParseCsv(text, "results.csv");
//   auto votes = table->Column("votes");             // Result<size_t>
//   for (const CsvRow& row : table->rows) Use(row.fields[*votes], row.line);
#ifndef PSEPHOS_READERS_CSV_H_
#define PSEPHOS_READERS_CSV_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace psephos {

struct CsvRow {
  int64_t line = 0;    // 1-based line the row starts on
  size_t offset = 0;   // byte of the text the row starts at
  std::vector<std::string> fields;
};

struct CsvTable {
  std::string file;
  std::vector<std::string> header;  // empty when parsed with has_header = false
  std::vector<CsvRow> rows;

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
// rows): `on_row` gets each data row as it ends (the row is reused afterwards); the header, if
// any, goes to table.header before the first row. The first error, the parser's or on_row's,
// stops the parse and is returned; rows before it were already handed on.
Status ParseCsvRows(std::string_view text, CsvTable& table, bool has_header,
                    const std::function<Status(const CsvRow&)>& on_row);

// ParseCsvRows on a file, for the biggest inputs (a 1000x night's results are 2.3 GB): the file
// is mapped rather than read, and the pages the parse has gone past are handed back as it goes,
// so it is never in memory whole. A file of 4 MiB or more is parsed on a thread of its
// own, a few batches of rows ahead of on_row (which runs on the calling thread): the same rows
// in the same order, and the same first error, as ParseCsvRows gives. Rows (and their fields)
// must not be kept past on_row: they are copies, but nothing else of the file survives. A pipe
// or another file that cannot be mapped is read whole instead.
Status ParseCsvFileRows(const std::string& path, CsvTable& table, bool has_header,
                        const std::function<Status(const CsvRow&)>& on_row);

// Reads a file whole; the error names the file. `padding` bytes of capacity are left after the
// text, for a parser that reads past its end (simdjson's padding).
Result<std::string> ReadFile(const std::string& path, size_t padding = 0);

}  // namespace psephos

#endif  // PSEPHOS_READERS_CSV_H_
