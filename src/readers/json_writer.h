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
  JsonWriter() { has_member_.reserve(8); }

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  JsonWriter& Key(std::string_view key);
  // A key written as a literal in the program: known plain, so not scanned for escapes, and
  // written with its quotes and colon in one copy.
  template <size_t N>
  JsonWriter& Key(const char (&key)[N]) {
    BeforeValue();
    char* at = Room(N + 2);
    at[0] = '"';
    std::memcpy(at + 1, key, N - 1);
    at[N] = '"';
    at[N + 1] = ':';
    size_ += N + 2;
    after_key_ = true;
    return *this;
  }
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value) {
    BeforeValue();
    char* at = Room(20);  // the most digits and sign an int64_t has
    size_ = std::to_chars(at, at + 20, value).ptr - out_.data();
    return *this;
  }
  JsonWriter& Bool(bool value) { return Literal(value ? std::string_view("true") : std::string_view("false")); }
  JsonWriter& Null() { return Literal("null"); }
  // A count, or null when it is not known.
  JsonWriter& IntOrNull(const std::optional<int64_t>& value) { return value ? Int(*value) : Null(); }
  // A value that is JSON text already (the caller knows it is), copied as it is.
  JsonWriter& Raw(std::string_view json) { return Literal(json); }

  // The text so far; the writer is left empty.
  std::string Take();

 private:
  // The small steps are here, not in the .cc, so that a writer's caller inlines them: the
  // engine writes some fifty of them for every declaration it logs. Each writes into `out_`
  // at `size_`, made room for first: through std::string's append and push_back, calls that
  // checked the capacity a byte or a few at a time, writing a declaration took 8,000
  // instructions rather than 4,600 (a tenth of the engine's work on it).
  JsonWriter& Open(char bracket) {
    BeforeValue();
    Put(bracket);
    if (depth_ == has_member_.size()) has_member_.push_back(false);
    has_member_[depth_++] = false;
    return *this;
  }
  JsonWriter& Close(char bracket) {
    --depth_;
    Put(bracket);
    return *this;
  }
  JsonWriter& Literal(std::string_view text) {
    BeforeValue();
    Append(text);
    return *this;
  }
  // The comma before a value, unless it follows its key or is the first of its object or array.
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ > 0) {
      if (has_member_[depth_ - 1]) Put(',');
      has_member_[depth_ - 1] = true;
    }
  }
  // Where the next `n` bytes go; `out_` grows (doubling) when they do not fit, from room for a
  // declaration of a dozen candidates at the first write.
  char* Room(size_t n) {
    if (size_ + n > out_.size()) Grow(n);
    return out_.data() + size_;
  }
  void Grow(size_t n);
  void Put(char c) {
    *Room(1) = c;
    ++size_;
  }
  void Append(std::string_view text) {
    if (text.empty()) return;  // its data() may be null, which memcpy may not be given
    std::memcpy(Room(text.size()), text.data(), text.size());
    size_ += text.size();
  }

  std::string out_;  // the text is out_[0, size_); the rest is room
  size_t size_ = 0;
  // For each open object or array (the first depth_), whether it has a member yet (a comma goes
  // before the next).
  std::vector<unsigned char> has_member_;
  size_t depth_ = 0;
  bool after_key_ = false;
};

}  // namespace psephos

#endif  // PSEPHOS_READERS_JSON_WRITER_H_
