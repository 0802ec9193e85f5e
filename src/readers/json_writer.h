// json_writer.h
//
// Compact JSON written straight into a string, for the hot paths where building an nlohmann
// value first costs more than the writing: the engine logs every declaration it accepts, and
// building and dumping a DOM was half of its time a declaration (BENCHMARKS.md, incremental).
// The bytes are exactly those of JsonText (json_text.h) on the same value, so a log written
// either way reads the same: callers write an object's keys in sorted order, as nlohmann's
// objects keep them, and a string that needs escaping, or is not plain ASCII, is quoted by
// nlohmann itself (invalid UTF-8 becomes U+FFFD there too).
//
//   JsonWriter w;
//   w.BeginObject().Key("name").String("Jane Smith").Key("votes").Int(1204).EndObject();
//   std::string body = w.Take();               // {"name":"Jane Smith","votes":1204}
#ifndef PSEPHOS_READERS_JSON_WRITER_H_
#define PSEPHOS_READERS_JSON_WRITER_H_

#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psephos {

class JsonWriter {
 public:
  // Room for a declaration of a dozen candidates without growing.
  JsonWriter() { out_.reserve(1024); }

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  JsonWriter& Key(std::string_view key);
  // A key written as a literal in the program: known plain, so not scanned for escapes, and
  // written with its quotes and colon in one append.
  template <size_t N>
  JsonWriter& Key(const char (&key)[N]) {
    char quoted[N + 2];
    quoted[0] = '"';
    std::memcpy(quoted + 1, key, N - 1);
    quoted[N] = '"';
    quoted[N + 1] = ':';
    BeforeValue();
    out_.append(quoted, N + 2);
    after_key_ = true;
    return *this;
  }
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value) {
    BeforeValue();
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
    out_.append(digits, end);
    return *this;
  }
  JsonWriter& Bool(bool value) { return Literal(value ? std::string_view("true") : std::string_view("false")); }
  JsonWriter& Null() { return Literal("null"); }
  // A count, or null when it is not known.
  JsonWriter& IntOrNull(const std::optional<int64_t>& value) { return value ? Int(*value) : Null(); }

  // The text so far; the writer is left empty.
  std::string Take();

 private:
  // The small steps are here, not in the .cc, so that a writer's caller inlines them: the
  // engine writes a few dozen of them for every declaration it logs.
  JsonWriter& Open(char bracket) {
    BeforeValue();
    out_ += bracket;
    has_member_.push_back(false);
    return *this;
  }
  JsonWriter& Close(char bracket) {
    has_member_.pop_back();
    out_ += bracket;
    return *this;
  }
  JsonWriter& Literal(std::string_view text) {
    BeforeValue();
    out_.append(text);
    return *this;
  }
  // The comma before a value, unless it follows its key or is the first of its object or array.
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!has_member_.empty()) {
      if (has_member_.back()) out_ += ',';
      has_member_.back() = true;
    }
  }

  std::string out_;
  // For each open object or array, whether it has a member yet (a comma goes before the next).
  std::vector<unsigned char> has_member_;
  bool after_key_ = false;
};

}  // namespace psephos

#endif  // PSEPHOS_READERS_JSON_WRITER_H_
