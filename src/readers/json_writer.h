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

#include <cstdint>
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
  // A key written as a literal in the program: known plain, so not scanned for escapes.
  template <size_t N>
  JsonWriter& Key(const char (&key)[N]) { return PlainKey(std::string_view(key, N - 1)); }
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // A count, or null when it is not known.
  JsonWriter& IntOrNull(const std::optional<int64_t>& value) { return value ? Int(*value) : Null(); }

  // The text so far; the writer is left empty.
  std::string Take();

 private:
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  void BeforeValue();
  JsonWriter& PlainKey(std::string_view key);

  std::string out_;
  // For each open object or array, whether it has a member yet (a comma goes before the next).
  std::vector<bool> has_member_;
  bool after_key_ = false;
};

}  // namespace psephos

#endif  // PSEPHOS_READERS_JSON_WRITER_H_
