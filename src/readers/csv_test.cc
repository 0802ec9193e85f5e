#include "readers/csv.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>

#include "testing.h"

namespace psephos {
namespace {

// A row's fields as strings of their own, to keep past the parse and compare.
std::vector<std::string> Strings(const CsvRow& row) { return {row.fields.begin(), row.fields.end()}; }

// A row kept past the parse: its fields copied.
struct OwnedRow {
  int64_t line = 0;
  size_t offset = 0;
  std::vector<std::string> fields;
};

TEST(Csv, ByteOrderMarkAndLineEndsGiveTheSameRows) {
  auto plain = ParseCsv("name,votes\nAnn Able,10\nBée,20\n", "a.csv");
  ASSERT_TRUE(plain) << plain.error().ToString();
  for (const char* variant : {"\xEF\xBB\xBFname,votes\nAnn Able,10\nBée,20\n", "name,votes\r\nAnn Able,10\r\nBée,20\r\n",
                              "\xEF\xBB\xBFname,votes\r\nAnn Able,10\r\nBée,20", "name,votes\rAnn Able,10\rBée,20\r"}) {
    auto table = ParseCsv(variant, "a.csv");
    ASSERT_TRUE(table) << table.error().ToString();
    EXPECT_EQ(table->header, plain->header);
    ASSERT_EQ(table->rows.size(), 2u);
    for (size_t i = 0; i < 2; ++i) {
      EXPECT_EQ(table->rows[i].fields, plain->rows[i].fields);
      EXPECT_EQ(table->rows[i].line, plain->rows[i].line);
    }
  }
}

// Each way a field can be written, and what it reads as: a plain run between commas is copied
// whole (the common case); spaces, quotes, UTF-8 and the last field of a file without a final
// line break take the byte-by-byte path. Both must give these fields and lines.
TEST(Csv, EveryShapeOfFieldReadsAsWritten) {
  struct Case {
    std::string text;
    std::vector<std::vector<std::string>> rows;
    std::vector<int64_t> lines;
  };
  const std::vector<Case> cases = {
      {"a,b\n1,2\n", {{"1", "2"}}, {2}},
      {"a,b\n1,2", {{"1", "2"}}, {2}},
      {"a,b\r\n1,2\r\n3,4\r\n", {{"1", "2"}, {"3", "4"}}, {2, 3}},
      {"a,b\r1,2\r3,4", {{"1", "2"}, {"3", "4"}}, {2, 3}},
      {"a,b\n  1 , 2 \n", {{"  1 ", " 2 "}}, {2}},
      {"a,b\n1,\n,2\n,\n", {{"1", ""}, {"", "2"}, {"", ""}}, {2, 3, 4}},
      {"a,b\n\n   \n1,2\n\n", {{"1", "2"}}, {4}},
      {"a,b\n\"x\",\"y,z\"\n", {{"x", "y,z"}}, {2}},
      {"a,b\n  \"x\" y,\"say \"\"hi\"\"\"\n", {{"x y", "say \"hi\""}}, {2}},
      {"a,b\nx\"y,2\n", {{"x\"y", "2"}}, {2}},
      {"a,b\n\"two\nlines\",2\n3,4\n", {{"two\nlines", "2"}, {"3", "4"}}, {2, 4}},
      {"a,b\nBée,20\nAnn,Bée\n", {{"Bée", "20"}, {"Ann", "Bée"}}, {2, 3}},
      {"a,b\nthe first field is longer than sixteen bytes,and so is the second one here\n",
       {{"the first field is longer than sixteen bytes", "and so is the second one here"}}, {2}},
  };
  for (const Case& c : cases) {
    auto table = ParseCsv(c.text, "a.csv");
    ASSERT_TRUE(table) << c.text << ": " << table.error().ToString();
    EXPECT_EQ(table->header, (std::vector<std::string>{"a", "b"})) << c.text;
    ASSERT_EQ(table->rows.size(), c.rows.size()) << c.text;
    for (size_t i = 0; i < c.rows.size(); ++i) {
      EXPECT_EQ(Strings(table->rows[i]), c.rows[i]) << c.text;
      EXPECT_EQ(table->rows[i].line, c.lines[i]) << c.text;
    }
  }
  // A row short of a field, ended by a line break or by the end of the file, names its line.
  for (const char* text : {"a,b\n1,2\n3\n", "a,b\n1,2\n3"}) {
    auto short_row = ParseCsv(text, "a.csv");
    ASSERT_FALSE(short_row) << text;
    EXPECT_EQ(short_row.error().ToString(), "a.csv:3: expected 2 fields, found 1") << text;
  }
}

// The rules of csv.h, a byte at a time and nothing else: what ParseCsv must agree with on any
// text, however its own loop takes runs of bytes at once. Knows two UTF-8 sequences (é and
// U+FEFF) and calls any other byte of 0x80 or more, and NUL, not text: the texts below hold no others.
struct ModelTable {
  std::string error;  // a phrase of the error's message; empty when the text parses
  int64_t error_line = 0;
  std::vector<std::string> header;
  std::vector<OwnedRow> rows;
};

ModelTable ModelParse(std::string_view text) {
  ModelTable t;
  auto fail = [&](std::string phrase, int64_t line) {
    t.error = std::move(phrase);
    t.error_line = line;
    return t;
  };
  const size_t bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  text.remove_prefix(bom);
  if (text.find_first_not_of(" \t") == std::string_view::npos) return fail("the file is empty", 0);
  auto blank = [](std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; };
  OwnedRow row;
  std::string field;
  int64_t line = 1;
  row.line = 1;
  row.offset = bom;
  bool in_quotes = false, quoted = false, content = false, header_pending = true;
  size_t width = 0;
  auto end_field = [&] {
    row.fields.push_back(field);
    field.clear();
    quoted = false;
  };
  auto end_row = [&]() -> bool {
    end_field();
    if (content) {
      if (header_pending) {
        t.header = row.fields;
        width = row.fields.size();
        header_pending = false;
      } else if (row.fields.size() != width) {
        return false;
      } else {
        t.rows.push_back(row);
      }
    }
    row.fields.clear();
    content = false;
    return true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) {
      if (c == '\0') return fail("a NUL byte", line);
      const std::string_view rest = text.substr(i);
      const size_t length = rest.starts_with("é") ? 2 : rest.starts_with("\xEF\xBB\xBF") ? 3 : 0;
      if (length == 0) return fail("is not UTF-8", line);
      field += rest.substr(0, length);
      content = content || !in_quotes;
      i += length - 1;
    } else if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        if (c == '\n' || (c == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n'))) ++line;
        field += c;
      }
    } else if (c == '"' && blank(field) && !quoted) {
      field.clear();
      in_quotes = quoted = content = true;
    } else if (c == ',') {
      end_field();
      content = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (!end_row()) return fail("expected " + std::to_string(width) + " fields, found " + std::to_string(row.fields.size()), row.line);
      row.line = ++line;
      row.offset = bom + i + 1;
    } else {
      field += c;
      content = content || (c != ' ' && c != '\t');
    }
  }
  if (in_quotes) return fail("a quoted field is never closed", line);
  if (!end_row()) return fail("expected " + std::to_string(width) + " fields, found " + std::to_string(row.fields.size()), row.line);
  if (header_pending) return fail("the file has no header row", 1);
  return t;
}

// Texts made of the bytes that steer the parser, long and short runs between them, compared
// with the model: the rows (fields, line, offset) or the error (its message and line).
TEST(Csv, AgreesWithTheRulesByteByByteOnRandomTexts) {
  const std::vector<std::string> pieces = {",", ",", "\"", "\"\"", "\n", "\r", "\r\n", " ", "\t", "a", "b",
                                           "Ann", "seventeen letters", "a run longer than sixteen bytes",
                                           "é", "\xEF\xBB\xBF", "\xE9", std::string(1, '\0')};
  uint64_t state = 2018;
  auto next = [&](uint64_t bound) {  // xorshift: the same texts on every machine
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state % bound;
  };
  for (int n = 0; n < 100000; ++n) {
    std::string text = next(4) == 0 ? "a,b\n" : "";
    for (uint64_t k = next(24); k > 0; --k) {
      const uint64_t p = next(100);
      // The bytes that make an error are rare, so that most texts parse.
      text += p < 1 ? pieces[15 + next(3)] : pieces[p % 15];
    }
    const ModelTable want = ModelParse(text);
    auto got = ParseCsv(text, "r.csv");
    ASSERT_EQ(got.ok(), want.error.empty()) << ::testing::PrintToString(text) << " -> "
                                            << (got ? std::string("rows") : got.error().ToString());
    if (!got) {
      EXPECT_NE(got.error().message.find(want.error), std::string::npos) << ::testing::PrintToString(text) << ": " << got.error().ToString();
      if (want.error_line) {
        EXPECT_EQ(got.error().line, want.error_line) << ::testing::PrintToString(text);
      }
      continue;
    }
    ASSERT_EQ(got->header, want.header) << ::testing::PrintToString(text);
    ASSERT_EQ(got->rows.size(), want.rows.size()) << ::testing::PrintToString(text);
    for (size_t i = 0; i < want.rows.size(); ++i) {
      ASSERT_EQ(Strings(got->rows[i]), want.rows[i].fields) << ::testing::PrintToString(text) << " row " << i;
      ASSERT_EQ(got->rows[i].line, want.rows[i].line) << ::testing::PrintToString(text) << " row " << i;
      ASSERT_EQ(got->rows[i].offset, want.rows[i].offset) << ::testing::PrintToString(text) << " row " << i;
    }
  }
}

using RowParse = std::function<Status(CsvTable&, const std::function<Status(const CsvRow&)>&)>;

std::vector<OwnedRow> RowsOf(const RowParse& parse) {
  CsvTable table;
  std::vector<OwnedRow> rows;
  Status s = parse(table, [&](const CsvRow& row) -> Status {
    rows.push_back({row.line, row.offset, Strings(row)});
    return {};
  });
  EXPECT_TRUE(s) << s.error().ToString();
  return rows;
}

// A file streamed from its mapping (pages behind the parse handed back every 64 MiB, so this
// one is longer than that) gives the rows the text gives, each knowing the byte it starts at.
TEST(Csv, AFileStreamedGivesTheRowsOfItsText) {
  std::string text = "\xEF\xBB\xBFname,votes\r\n\"Quoted,\r\nline\",1\r\n";
  const std::string long_name(4000, 'x');
  // Every 97th row has a short quoted field: its bytes are the parse's own, copied with the row
  // into the batch handed between threads, where a view of them must stay good.
  for (int i = 0; text.size() < (size_t{70} << 20); ++i)
    text += (i % 97 == 0 ? "\"q," + std::to_string(i) + "\"" : long_name + std::to_string(i)) + "," +
            std::to_string(i) + "\r\n";
  testing::TempDir dir;
  const std::string path = dir.File("big.csv");
  std::ofstream(path, std::ios::binary) << text;

  const auto from_text = RowsOf([&](CsvTable& t, const auto& on_row) { return ParseCsvRows(text, t, true, on_row); });
  const auto from_file = RowsOf([&](CsvTable& t, const auto& on_row) { return ParseCsvFileRows(path, t, true, on_row); });
  ASSERT_EQ(from_file.size(), from_text.size());
  ASSERT_GT(from_file.size(), 1000u);
  for (size_t i = 0; i < from_text.size(); ++i) {
    ASSERT_EQ(from_file[i].fields, from_text[i].fields) << "row " << i;
    ASSERT_EQ(from_file[i].line, from_text[i].line) << "row " << i;
    ASSERT_EQ(from_file[i].offset, from_text[i].offset) << "row " << i;
  }
  EXPECT_EQ(from_text[0].offset, 15u);  // after the mark (3 bytes) and the header (12)
  EXPECT_EQ(from_text[0].line, 2);
  EXPECT_EQ(from_text[1].line, 4);      // the quoted line break counts
  EXPECT_TRUE(text.substr(from_text[1].offset).starts_with("\"q,0\",0"));
  EXPECT_EQ(from_file[1].fields[0], "q,0");
  EXPECT_EQ(from_file[98].fields[0], "q,97");
  // A file that is not there, or a directory, is refused as ReadFile refuses it.
  CsvTable table;
  Status missing = ParseCsvFileRows(dir.File("none.csv"), table, true, [](const CsvRow&) { return Status(); });
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().ToString().find("cannot open"), std::string::npos);
}

// A big file (4 MiB or more) is parsed on a thread of its own, batches ahead of on_row: the
// rows handed on before an error, and the error, are the ones the text gives, whether the
// parser finds it (a row of three fields, a byte not UTF-8) or on_row does (and the parser is
// stopped).
TEST(Csv, AFileParsedAheadStopsAtTheSameErrorAsItsText) {
  std::string text = "name,votes\n";
  for (int i = 0; text.size() < (size_t{5} << 20); ++i) text += "candidate " + std::to_string(i) + "," + std::to_string(i) + "\n";
  testing::TempDir dir;
  for (const std::string& bad : {std::string("a,b,c\n"), std::string("caf\xE9,1\n"), std::string()}) {
    const std::string whole = text + bad + "after,1\n";
    const std::string path = dir.File("bad.csv");
    std::ofstream(path, std::ios::binary | std::ios::trunc) << whole;
    for (size_t stop_at : {size_t{0}, size_t{700}, size_t{5000}, SIZE_MAX}) {
      auto run = [&](auto parse) {
        std::vector<int64_t> lines;
        CsvTable table;
        Status s = parse(table, [&](const CsvRow& row) -> Status {
          if (lines.size() == stop_at) return MakeError("on_row says no", "", "", row.line);
          lines.push_back(row.line);
          return {};
        });
        return std::pair{lines, s.ok() ? std::string("ok") : s.error().ToString()};
      };
      const auto from_text = run([&](CsvTable& t, const auto& on_row) { return ParseCsvRows(whole, t, true, on_row); });
      const auto from_file = run([&](CsvTable& t, const auto& on_row) { return ParseCsvFileRows(path, t, true, on_row); });
      EXPECT_EQ(from_file.second, from_text.second) << bad.size() << " " << stop_at;
      EXPECT_EQ(from_file.first, from_text.first) << bad.size() << " " << stop_at;
    }
  }
}

// A table's fields are views of what the table keeps: the text it was parsed from may go, and a
// copy of the table stays good after the table itself has gone.
TEST(Csv, ATableOutlivesItsTextAndItsCopiesOutliveIt) {
  std::optional<CsvTable> copy;
  {
    std::string text = "name,votes\n\"Able, Ann\",10\nBée,\"2\"\"0\"\n";
    auto table = ParseCsv(text, "a.csv");
    ASSERT_TRUE(table) << table.error().ToString();
    text.assign(text.size(), 'x');
    copy = *table;
  }
  ASSERT_EQ(copy->rows.size(), 2u);
  EXPECT_EQ(Strings(copy->rows[0]), (std::vector<std::string>{"Able, Ann", "10"}));
  EXPECT_EQ(Strings(copy->rows[1]), (std::vector<std::string>{"Bée", "2\"0"}));
}

TEST(Csv, TextThatIsNotUtf8IsRefusedWithItsLine) {
  using namespace std::string_literals;  // "\0" inside a literal, kept
  struct Case {
    std::string text;
    int64_t line;
    const char* message;
  };
  for (const Case& c : {
           Case{"name,votes\nAnn,1\nCl\xE9ment,2\n", 3, "byte 0xE9 is not UTF-8 (is the file Latin-1"},
           Case{"name,votes\n\"A\nB\xC3\",1\n", 3, "byte 0xC3 is not UTF-8"},         // cut short, in quotes
           Case{"name,votes\nA\xC0\xAF,1\n", 2, "byte 0xC0 is not UTF-8"},            // overlong '/'
           Case{"name,votes\nA\xED\xA0\x80,1\n", 2, "byte 0xED is not UTF-8"},        // a surrogate
           Case{"name,votes\nA\xF4\x90\x80\x80,1\n", 2, "byte 0xF4 is not UTF-8"},    // past U+10FFFF
           Case{"\xFF\xFEn\0a\0m\0e\0"s, 1, "the file is UTF-16"},
           Case{"n\0a\0m\0e\0\n\0"s, 1, "a NUL byte"},                              // UTF-16 without a mark
       }) {
    auto table = ParseCsv(c.text, "x.csv");
    ASSERT_FALSE(table) << c.text;
    EXPECT_EQ(table.error().line, c.line) << c.text;
    EXPECT_NE(table.error().message.find(c.message), std::string::npos) << table.error().message;
    EXPECT_NE(table.error().message.find("save it as UTF-8"), std::string::npos);
  }
  // Every well-formed sequence is kept as it is: 2, 3 and 4 bytes.
  auto table = ParseCsv("name\nZoë Ñ € 𝄞\n", "x.csv");
  ASSERT_TRUE(table);
  EXPECT_EQ(table->rows[0].fields[0], "Zoë Ñ € 𝄞");
}

}  // namespace
}  // namespace psephos
