#include "readers/json_writer.h"

#include <array>
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

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendQuoted(out_, key);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendQuoted(out_, value);
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
