#include "readers/json_writer.h"

#include <array>
#include <cassert>
#include <charconv>
#include <nlohmann/json.hpp>

#include "readers/json_text.h"

namespace psephos {
namespace {

// Printable ASCII other than the quote and the backslash is written as it is by nlohmann
// (ensure_ascii off); anything else goes through nlohmann so the bytes cannot differ.
bool IsPlain(std::string_view text) {
  static constexpr auto kPlain = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    return plain;
  }();
  for (char c : text)
    if (!kPlain[static_cast<unsigned char>(c)]) return false;
  return true;
}

void AppendQuoted(std::string& out, std::string_view text) {
  if (IsPlain(text)) {
    const size_t at = out.size();
    out.resize(at + text.size() + 2);
    out[at] = '"';
    text.copy(out.data() + at + 1, text.size());
    out.back() = '"';
  } else {
    out += JsonText(nlohmann::json(std::string(text)));
  }
}

}  // namespace

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_member_.empty()) {
    if (has_member_.back()) out_ += ',';
    has_member_.back() = true;
  }
}

JsonWriter& JsonWriter::Open(char bracket) {
  BeforeValue();
  out_ += bracket;
  has_member_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
  has_member_.pop_back();
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendQuoted(out_, key);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::PlainKey(std::string_view key) {
  assert(IsPlain(key));  // a literal of the program's own
  BeforeValue();
  out_.append(1, '"').append(key).append("\":");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendQuoted(out_, value);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t value) {
  BeforeValue();
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out_.append(digits, end);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

std::string JsonWriter::Take() {
  has_member_.clear();
  after_key_ = false;
  std::string text = std::move(out_);
  out_ = std::string();
  return text;
}

}  // namespace psephos
