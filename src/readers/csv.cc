#include "readers/csv.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <thread>

#include "readers/internal/mapped_file.h"

namespace psephos {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The length of the UTF-8 sequence that starts at text[i] (a byte of 0x80 or more), or 0 when
// there is none: a Latin-1 or Windows-1252 byte, a sequence cut short, an overlong form, a
// surrogate. Such sequences never hold an ASCII byte, so they cannot hide a comma or a quote.
size_t Utf8Length(std::string_view text, size_t i) {
  auto at = [&](size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  auto follows = [&](size_t k) { return (at(k) & 0xC0) == 0x80; };
  const unsigned lead = at(i), next = at(i + 1);
  if (lead >= 0xC2 && lead <= 0xDF) return follows(i + 1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
    return next >= low && next <= high && follows(i + 2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
    return next >= low && next <= high && follows(i + 2) && follows(i + 3) ? 4 : 0;
  }
  return 0;
}

constexpr const char* kSaveAsUtf8 = "save it as UTF-8 (in Excel: CSV UTF-8)";

// The bytes the parser must look at one by one; runs of any others are stepped over whole, which
// is most of a results file (names, numbers), so a row costs a few steps rather than one a byte.
constexpr auto kSpecial = [] {
  std::array<bool, 256> special{};
  for (int c = 0x80; c < 0x100; ++c) special[c] = true;  // UTF-8, checked
  for (char c : {'\0', ',', '"', '\r', '\n'}) special[static_cast<unsigned char>(c)] = true;
  return special;
}();

#if defined(__SSE2__)
// The special bytes among the sixteen at `at`, a bit each: the commas, and the rest (a quote,
// CR, LF, NUL, or a byte of 0x80 or more).
struct SixteenBytes {
  unsigned commas, others;
};
SixteenBytes Scan(const char* at) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  const __m128i others = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                                   _mm_cmpeq_epi8(bytes, _mm_setzero_si128())),
                                      _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')),
                                                   _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))));
  // movemask takes each byte's top bit: the bytes matched, and every byte of 0x80 or more.
  return {static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(',')))),
          static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(others, bytes)))};
}
#endif

// The end of the run of ordinary bytes that starts at `i`: sixteen bytes a step where SSE2 is
// there (every x86-64), the rest a byte at a time.
size_t EndOfRun(std::string_view text, size_t i) {
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16) {
    const SixteenBytes found = Scan(text.data() + i);
    if (const unsigned special = found.commas | found.others; special != 0)
      return i + static_cast<size_t>(__builtin_ctz(special));
  }
#endif
  while (i < text.size() && !kSpecial[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

// Splits a plain row, one with no quote, no NUL and no byte of 0x80 or more before its line
// break (nearly every row of a results file), at its commas, sixteen bytes a step: fields[0,
// count) are its fields and `end` its line break (or the end of the text). False when the row
// is not plain: the parser then reads it a byte at a time. A 1x night's row is 12 fields and
// some 145 bytes: read byte by byte it cost some 1,700 instructions, split this way under 800.
bool SplitPlainRow(std::string_view text, size_t start, std::vector<std::string_view>& fields,
                   size_t& count, size_t& end) {
  count = 0;
  size_t field_start = start, i = start;
  auto add = [&](size_t at) {
    if (count == fields.size()) fields.emplace_back();
    fields[count++] = text.substr(field_start, at - field_start);
    field_start = at + 1;
  };
  bool stopped = false;
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16) {
    const SixteenBytes found = Scan(text.data() + i);
    unsigned commas = found.commas;
    const unsigned stops = found.others;
    if (stops != 0) commas &= (stops & (0u - stops)) - 1;  // the commas before the first stop
    for (; commas != 0; commas &= commas - 1) add(i + static_cast<size_t>(__builtin_ctz(commas)));
    if (stops != 0) {
      i += static_cast<size_t>(__builtin_ctz(stops));
      stopped = true;
      break;
    }
  }
#endif
  for (; !stopped && i < text.size(); ++i) {
    const char c = text[i];
    if (c == ',') add(i);
    else if (kSpecial[static_cast<unsigned char>(c)]) break;
  }
  if (i < text.size() && text[i] != '\r' && text[i] != '\n') return false;
  add(i);
  end = i;
  return true;
}

}  // namespace

std::optional<size_t> CsvTable::FindColumn(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (Trim(header[i]) == name) return i;
  return std::nullopt;
}

Result<size_t> CsvTable::Column(std::string_view name) const {
  if (auto i = FindColumn(name)) return *i;
  return MakeError("missing column (the header has no such column)", std::string(name), file, 1);
}

Error CsvTable::FieldError(const CsvRow& row, size_t column, std::string message) const {
  std::string field = column < header.size() ? header[column] : "column " + std::to_string(column + 1);
  return MakeError(std::move(message), std::move(field), file, row.line);
}

void CsvRow::CopyInto(CsvRow& copy, std::string& storage) const {
  copy.line = line;
  copy.offset = offset;
  copy.fields.assign(fields.begin(), fields.end());
  storage.assign(quoted_text);
  copy.quoted_text = storage;
  if (quoted_text.empty()) return;
  // A field inside quoted_text moves to the same place in storage; the others are views of
  // the text, which the copy shares.
  const auto first = reinterpret_cast<uintptr_t>(quoted_text.data());
  for (std::string_view& field : copy.fields) {
    const auto at = reinterpret_cast<uintptr_t>(field.data());
    if (!field.empty() && at >= first && at - first < quoted_text.size())
      field = std::string_view(storage.data() + (at - first), field.size());
  }
}

Status ParseCsvRows(std::string_view text, CsvTable& table, bool has_header,
                    const std::function<Status(const CsvRow&)>& on_row) {
  const char* const start = text.data();
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (Trim(text).empty()) return MakeError("the file is empty", "", table.file);
  // Results files are UTF-8, with or without a byte-order mark (Excel writes one). Any other
  // encoding is refused where it shows, rather than read into names that are wrong.
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
    return MakeError(std::string("the file is UTF-16 (it starts with a UTF-16 byte-order mark); ") + kSaveAsUtf8, "",
                     table.file, 1);

  CsvRow row;
  // A field not quoted is the stretch of text from field_start to its comma or line end; a
  // quoted one is built in `quoted` (its quotes out, doubled quotes single), and its view made
  // once the row is whole, as `quoted` may grow until then.
  std::string quoted;
  struct QuotedField {
    size_t index, begin;
    size_t end = 0;
  };
  std::vector<QuotedField> quoted_fields;
  size_t count = 0;  // fields of the row so far
  size_t field_start = 0;
  int64_t line = 1;
  row.line = 1;
  row.offset = text.data() - start;
  bool in_quotes = false, field_quoted = false, row_has_content = false;
  bool header_pending = has_header;
  std::optional<size_t> width;
  if (has_header) table.header.clear();
  // Ends the field that runs to text[end] (its comma or line break, or the end of the text).
  auto end_field = [&](size_t end) {
    if (count == row.fields.size()) row.fields.emplace_back();
    if (field_quoted) {
      quoted_fields.back().end = quoted.size();
      field_quoted = false;
    } else {
      row.fields[count] = text.substr(field_start, end - field_start);
    }
    ++count;
    field_start = end + 1;
  };
  // Hands a finished row, its last field ended, on (the header to the table), then clears it
  // for the next one.
  auto end_fields = [&]() -> Status {
    Status status;
    if (row_has_content) {
      row.fields.resize(count);
      for (const QuotedField& f : quoted_fields)  // an empty one points at nothing, not at `quoted`
        row.fields[f.index] =
            f.end == f.begin ? std::string_view() : std::string_view(quoted).substr(f.begin, f.end - f.begin);
      row.quoted_text = quoted;
      if (header_pending) {
        table.header.assign(row.fields.begin(), row.fields.end());
        width = table.header.size();
        header_pending = false;
      } else {
        if (!width) width = count;
        if (count != *width)
          return MakeError("expected " + std::to_string(*width) + " fields, found " + std::to_string(count), "",
                           table.file, row.line);
        status = on_row(row);
      }
    }
    count = 0;
    row_has_content = false;
    quoted.clear();
    quoted_fields.clear();
    return status;
  };
  const size_t bom = text.data() - start;  // offsets count from the text as given
  // After the row's end: the line break at text[i] (CR, LF or CRLF) is passed over, i left on
  // its last byte, and the next row starts after it.
  auto next_line = [&](size_t& i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    row.line = ++line;
    row.offset = bom + i + 1;
    field_start = i + 1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == field_start && count == 0 && !in_quotes) {  // a row's first byte
      size_t end = 0;
      if (SplitPlainRow(text, i, row.fields, count, end)) {
        row_has_content = count > 1 || !Trim(row.fields[0]).empty();
        if (Status s = end_fields(); !s) return s;
        if (end == text.size()) {
          field_start = end;
          break;
        }
        i = end;
        next_line(i);
        continue;
      }
      count = 0;
    }
    char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\0') {
      const size_t length = c == '\0' ? 0 : Utf8Length(text, i);
      if (length == 0) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(c));
        return MakeError(c == '\0' ? std::string("a NUL byte: the file is not text, or is UTF-16; ") + kSaveAsUtf8
                                   : std::string("byte ") + byte + " is not UTF-8 (is the file Latin-1 or "
                                     "Windows-1252?); " + kSaveAsUtf8,
                         "", table.file, line);
      }
      if (field_quoted) quoted.append(text.substr(i, length));
      if (!in_quotes) row_has_content = true;
      i += length - 1;
      continue;
    }
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          quoted += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else if (c == '\n' || c == '\r') {
        if (c == '\n' || !(i + 1 < text.size() && text[i + 1] == '\n')) ++line;
        quoted += c;
      } else {
        const size_t end = EndOfRun(text, i + 1);
        quoted.append(text.substr(i, end - i));
        i = end - 1;
      }
      continue;
    }
    if (c == '"' && !field_quoted && Trim(text.substr(field_start, i - field_start)).empty()) {
      // A quote opens a field when only spaces come before it in the field; they are dropped.
      in_quotes = field_quoted = row_has_content = true;
      quoted_fields.push_back({count, quoted.size()});
    } else if (c == ',') {
      end_field(i);
      row_has_content = true;
    } else if (c == '\r' || c == '\n') {
      end_field(i);
      if (Status s = end_fields(); !s) return s;
      next_line(i);
    } else {
      // A run of ordinary bytes (most of a field, or all of it), stepped over whole. After a
      // closing quote, it belongs to the quoted field's text ("a"b reads as ab).
      const size_t end = EndOfRun(text, i + 1);
      const std::string_view run = text.substr(i, end - i);
      if (!row_has_content && run.find_first_not_of(" \t") != std::string_view::npos) row_has_content = true;
      if (field_quoted) quoted.append(run);
      i = end - 1;
    }
  }
  if (in_quotes) return MakeError("a quoted field is never closed", "", table.file, line);
  end_field(text.size());
  if (Status s = end_fields(); !s) return s;
  if (header_pending) return MakeError("the file has no header row", "", table.file, 1);
  return {};
}

Result<CsvTable> ParseCsv(std::string_view text, std::string file, bool has_header) {
  CsvTable table;
  table.file = std::move(file);
  // The table's own copy of the text, which its fields point into, and a string for each row
  // with quoted fields (a deque: its strings stay where they are as more are added).
  struct Storage {
    std::string text;
    std::deque<std::string> quoted;
  };
  auto storage = std::make_shared<Storage>();
  storage->text.assign(text);
  std::vector<CsvRow> rows;
  Status status = ParseCsvRows(storage->text, table, has_header, [&](const CsvRow& row) -> Status {
    if (row.quoted_text.empty()) rows.push_back(row);
    else row.CopyInto(rows.emplace_back(), storage->quoted.emplace_back());
    return {};
  });
  if (!status) return status.error();
  table.rows = std::move(rows);
  table.storage = std::move(storage);
  return table;
}

namespace {

// ParseCsvRows with the parse on a thread of its own, a few batches of rows ahead of `on_row` on
// the calling thread: reading a Democracy Club file is about half parsing and half building
// declarations from the rows, and the two then take a core each. The same rows reach on_row in
// the same order, and the same first error ends it: the parser's error goes behind the rows
// before it, and an error of on_row stops the parser.
class PipelinedParse {
 public:
  PipelinedParse(std::string_view text, CsvTable& table, bool has_header) {
    parser_ = std::thread([this, text, &table, has_header] { Parse(text, table, has_header); });
  }
  ~PipelinedParse() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    changed_.notify_all();
    parser_.join();
  }

  // Hands each row to on_row in order, then `done` with each row's offset handed on; the first
  // error (on_row's, or the parser's after every row before it) ends it.
  Status Run(const std::function<Status(const CsvRow&)>& on_row, const std::function<void(size_t)>& done) {
    for (;;) {
      std::unique_lock lock(mu_);
      changed_.wait(lock, [&] { return !full_.empty() || finished_; });
      if (full_.empty()) return end_;
      Batch batch = std::move(full_.front());
      full_.pop_front();
      lock.unlock();
      changed_.notify_all();
      for (size_t i = 0; i < batch.size; ++i)
        if (Status s = on_row(batch.rows[i]); !s) return s;
      if (batch.size > 0) done(batch.rows[batch.size - 1].offset);
      lock.lock();
      free_.push_back(std::move(batch));
      lock.unlock();
      changed_.notify_all();  // the parser may be waiting for a batch to fill
    }
  }

 private:
  // Rows are kept from batch to batch (their memory reused), so that after the first few
  // batches the parser copies a row without allocating. A row's fields are views of the
  // mapping, but for quoted ones, which point into the row's string in `quoted`: reserved
  // whole, as a string moved by the vector's growing would move a short field's bytes with it.
  struct Batch {
    Batch() {
      rows.reserve(kRows);
      quoted.reserve(kRows);
    }
    std::vector<CsvRow> rows;
    std::vector<std::string> quoted;
    size_t size = 0;
  };
  static constexpr size_t kRows = 512;
  static constexpr size_t kInFlight = 8;

  void Parse(std::string_view text, CsvTable& table, bool has_header) {
    Batch batch = Take();
    Status status = ParseCsvRows(text, table, has_header, [&](const CsvRow& row) -> Status {
      if (batch.size == batch.rows.size()) {
        batch.rows.emplace_back();
        batch.quoted.emplace_back();
      }
      row.CopyInto(batch.rows[batch.size], batch.quoted[batch.size]);
      if (++batch.size < kRows) return {};
      if (!Hand(std::move(batch))) return MakeError("stopped");  // on_row failed: its error is told
      batch = Take();
      return {};
    });
    Hand(std::move(batch));
    std::lock_guard lock(mu_);
    end_ = std::move(status);
    finished_ = true;
    changed_.notify_all();
  }
  // A batch to fill: one handed back, or a new one while fewer than kInFlight exist.
  Batch Take() {
    std::unique_lock lock(mu_);
    changed_.wait(lock, [&] { return !free_.empty() || batches_ < kInFlight || stop_; });
    if (free_.empty()) {
      ++batches_;
      return Batch{};
    }
    Batch batch = std::move(free_.back());
    free_.pop_back();
    batch.size = 0;
    return batch;
  }
  // False when the reader has stopped.
  bool Hand(Batch batch) {
    {
      std::lock_guard lock(mu_);
      if (stop_) return false;
      full_.push_back(std::move(batch));
    }
    changed_.notify_all();
    return true;
  }

  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<Batch> full_, free_;
  size_t batches_ = 0;
  bool stop_ = false, finished_ = false;
  Status end_;
  std::thread parser_;
};

// Below this a thread costs more than it saves: the 1x night's 2 MB file read on one thread
// took 35.9 ms (median of 80 interleaved runs), on two 37.3 ms.
constexpr size_t kPipelineBytes = size_t{4} << 20;

}  // namespace

Status ParseCsvFileRows(const std::string& path, CsvTable& table, bool has_header,
                        const std::function<Status(const CsvRow&)>& on_row) {
  std::unique_ptr<internal::MappedFile> mapped = internal::MappedFile::Open(path);
  if (!mapped) {
    Result<std::string> text = ReadFile(path);
    if (!text) return text.error();
    return ParseCsvRows(*text, table, has_header, on_row);
  }
  if (mapped->text().size() < kPipelineBytes)
    return ParseCsvRows(mapped->text(), table, has_header, on_row);
  PipelinedParse parse(mapped->text(), table, has_header);
  return parse.Run(on_row, [&](size_t offset) { mapped->Release(offset); });
}

Result<std::string> ReadFile(const std::string& path, size_t padding) {
  std::error_code not_needed;
  if (std::filesystem::is_directory(path, not_needed)) return MakeError("this is a directory, not a file", "", path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("cannot open the file", "", path);
  // Sized once and read in one go: a 1000x night's results are 2.3 GB, and a stream copied
  // into a string holds them twice. A pipe (/dev/stdin) has no size: read it as it comes.
  std::string text;
  const std::streamoff size = in.seekg(0, std::ios::end) ? std::streamoff(in.tellg()) : -1;
  if (size >= 0) {
    text.reserve(static_cast<size_t>(size) + padding);
    text.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(text.data(), size);
    if (in.gcount() != size) return MakeError("cannot read the file", "", path);
  } else {
    in.clear();
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (in.bad()) return MakeError("cannot read the file", "", path);
  // The padding made and zeroed (within the capacity reserved for a file), so that a parser
  // reading past the text reads bytes that were written.
  text.resize(text.size() + padding);
  text.resize(text.size() - padding);
  return text;
}

}  // namespace psephos
