#include "readers/json_writer.h"

#include <algorithm>
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <nlohmann/json.hpp>

#include "readers/json_text.h"

namespace psephos {
namespace {

// Printable ASCII other than the quote and the backslash is written as it is by nlohmann
// (ensure_ascii off); anything else goes through nlohmann so the bytes cannot differ.
// The engine quotes some fifty strings a declaration it logs: the longer ones (ballot ids,
// times) are checked sixteen bytes a step where SSE2 is there (every x86-64).
bool IsPlain(std::string_view text) {
  static constexpr auto kPlain = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    return plain;
  }();
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // Signed, a byte of 0x80 or more is below 0x20 too: one compare finds both.
    const __m128i special = _mm_or_si128(_mm_cmplt_epi8(bytes, space),
                                         _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)));
    if (_mm_movemask_epi8(special) != 0) return false;
  }
#endif
  for (; i < text.size(); ++i)
    if (!kPlain[static_cast<unsigned char>(text[i])]) return false;
  return true;
}

}  // namespace

JsonWriter& JsonWriter::Key(std::string_view key) {
  String(key);
  Put(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  if (IsPlain(value)) {
    char* at = Room(value.size() + 2);
    at[0] = '"';
    if (!value.empty()) std::memcpy(at + 1, value.data(), value.size());
    at[value.size() + 1] = '"';
    size_ += value.size() + 2;
  } else {
    Append(JsonText(nlohmann::json(std::string(value))));
  }
  return *this;
}

void JsonWriter::Grow(size_t n) {
  constexpr size_t kFirstRoom = 1024;
  out_.resize(std::max({out_.size() * 2, size_ + n, kFirstRoom}));
}

std::string JsonWriter::Take() {
  out_.resize(size_);
  std::string text = std::move(out_);
  out_ = std::string();  // room is made again, by Grow, only if the writer is used again
  size_ = 0;
  depth_ = 0;
  after_key_ = false;
  return text;
}

}  // namespace psephos
