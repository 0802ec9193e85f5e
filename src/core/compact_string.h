// compact_string.h
//
// Immutable strings for the short texts a night holds by the million (a candidate's name and
// party id: 14.3 million candidates at 1000x). A std::string is 32 bytes, Boost.Container's 24:
// at 1000x each 8 bytes saved a candidate is some 115 MB (BENCHMARKS.md, Memory).
//   CompactString  16 bytes: up to 15 in the object, a longer text in a heap block of its size
//   ShortString     8 bytes: up to 7 in the object (a party id, "PP53"), a longer one on the heap
//   OptionalText<Text>  std::optional<Text> in the text's size: OptionalCompactString (16 bytes),
//                       OptionalShortString (8)
//
// Each reads as a std::string_view (an implicit conversion) and compares with any string; build
// a std::string from it where one is needed.
//
//   CompactString name = "Harjit Akhtar";
//   ShortString party = "PP53";
//   if (party == "PP53") ...;
//   std::string_view view = party;
//   std::string message = "unknown party id '" + party + "'";
#ifndef PSEPHOS_CORE_COMPACT_STRING_H_
#define PSEPHOS_CORE_COMPACT_STRING_H_

#include <bit>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/core.h>

namespace psephos {

namespace internal {

// What the compact strings share, read through the text's view(): a string_view's reading,
// comparisons with any string, joining and printing.
template <typename Text>
class TextInterface {
 public:
  operator std::string_view() const noexcept { return Self().view(); }  // NOLINT: reads as a view
  std::string str() const { return std::string(Self().view()); }
  const char* data() const noexcept { return Self().view().data(); }
  size_t size() const noexcept { return Self().view().size(); }
  bool empty() const noexcept { return size() == 0; }
  bool starts_with(std::string_view prefix) const noexcept { return Self().view().starts_with(prefix); }
  bool ends_with(std::string_view suffix) const noexcept { return Self().view().ends_with(suffix); }
  auto begin() const noexcept { return Self().view().begin(); }
  auto end() const noexcept { return Self().view().end(); }

  // Against a string_view: a std::string or a literal converts to one. Two texts of one kind have
  // their own overload (std::less<> needs it under clang), a template so that it matches only
  // that kind itself: one taking any Text would make comparing with a std::string ambiguous
  // between the two conversions.
  friend bool operator==(const Text& a, std::string_view b) noexcept { return a.view() == b; }
  friend std::strong_ordering operator<=>(const Text& a, std::string_view b) noexcept {
    return a.view() <=> b;
  }
  template <typename T>
    requires std::same_as<T, Text>
  friend bool operator==(const Text& a, const T& b) noexcept {
    return a.view() == b.view();
  }
  template <typename T>
    requires std::same_as<T, Text>
  friend std::strong_ordering operator<=>(const Text& a, const T& b) noexcept {
    return a.view() <=> b.view();
  }
  friend std::string operator+(std::string a, const Text& b) { return a.append(b.view()); }
  friend std::string operator+(const Text& a, std::string_view b) { return a.str().append(b); }
  friend std::ostream& operator<<(std::ostream& out, const Text& s) { return out << s.view(); }

 private:
  const Text& Self() const noexcept { return static_cast<const Text&>(*this); }
};

// As the text's view hashes and formats.
template <typename Text>
struct TextHash {
  size_t operator()(const Text& s) const noexcept { return std::hash<std::string_view>{}(s.view()); }
};
template <typename Text>
struct TextFormatter : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const Text& s, Context& context) const {
    return fmt::formatter<std::string_view>::format(s.view(), context);
  }
};

}  // namespace internal

template <typename Text>
class OptionalText;

class CompactString : public internal::TextInterface<CompactString> {
 public:
  static constexpr size_t kInline = 15;  // the longest text held in the object

  CompactString() noexcept { bytes_[kTag] = 0; }
  CompactString(std::string_view text) { Assign(text); }  // NOLINT: implicit, like std::string
  CompactString(const std::string& text) : CompactString(std::string_view(text)) {}  // NOLINT
  CompactString(const char* text) : CompactString(std::string_view(text)) {}  // NOLINT
  CompactString(const CompactString& other) { Assign(other.view()); }
  CompactString(CompactString&& other) noexcept {
    std::memcpy(bytes_, other.bytes_, sizeof bytes_);
    other.bytes_[kTag] = 0;
  }
  CompactString& operator=(const CompactString& other) {
    if (this != &other) *this = CompactString(other);
    return *this;
  }
  CompactString& operator=(CompactString&& other) noexcept {
    if (this != &other) {
      Free();
      std::memcpy(bytes_, other.bytes_, sizeof bytes_);
      other.bytes_[kTag] = 0;
    }
    return *this;
  }
  ~CompactString() { Free(); }

  std::string_view view() const noexcept {
    if (!OnHeap()) return {reinterpret_cast<const char*>(bytes_), bytes_[kTag]};
    return {HeapData(), HeapSize()};
  }

 private:
  template <typename>
  friend class OptionalText;
  // A tag neither a length (0..15) nor kHeap: a text so marked owns nothing, so destroying it
  // frees nothing. "None" for OptionalText.
  static constexpr unsigned char kNone = 0xFE;
  void MarkNone() noexcept { bytes_[kTag] = kNone; }
  bool IsNone() const noexcept { return bytes_[kTag] == kNone; }

  // bytes_[kTag] is the length of an inline text (0..15), or kHeap: then the first 8 bytes hold
  // the block's address and the next 4 its length.
  static constexpr size_t kTag = 15;
  static constexpr unsigned char kHeap = 0xFF;

  bool OnHeap() const noexcept { return bytes_[kTag] == kHeap; }
  const char* HeapData() const noexcept {
    const char* data;
    std::memcpy(&data, bytes_, sizeof data);
    return data;
  }
  uint32_t HeapSize() const noexcept {
    uint32_t size;
    std::memcpy(&size, bytes_ + sizeof(char*), sizeof size);
    return size;
  }
  void Assign(std::string_view text);
  void Free() noexcept {
    if (OnHeap()) delete[] HeapData();
  }

  alignas(8) unsigned char bytes_[16];
};

static_assert(sizeof(CompactString) == 16);

// ShortString: as CompactString in 8 bytes, for a text that is nearly always 7 bytes or fewer (a
// candidate's party id: "PP53", "IND").
class ShortString : public internal::TextInterface<ShortString> {
 public:
  static constexpr size_t kInline = 7;  // the longest text held in the object

  ShortString() noexcept { SetEmpty(); }
  ShortString(std::string_view text) { Assign(text); }  // NOLINT: implicit, like std::string
  ShortString(const std::string& text) : ShortString(std::string_view(text)) {}  // NOLINT
  ShortString(const char* text) : ShortString(std::string_view(text)) {}  // NOLINT
  ShortString(const ShortString& other) { Assign(other.view()); }
  ShortString(ShortString&& other) noexcept {
    std::memcpy(bytes_, other.bytes_, sizeof bytes_);
    other.SetEmpty();
  }
  ShortString& operator=(const ShortString& other) {
    if (this != &other) *this = ShortString(other);
    return *this;
  }
  ShortString& operator=(ShortString&& other) noexcept {
    if (this != &other) {
      Free();
      std::memcpy(bytes_, other.bytes_, sizeof bytes_);
      other.SetEmpty();
    }
    return *this;
  }
  ~ShortString() { Free(); }

  std::string_view view() const noexcept {
    if (Inline()) return {reinterpret_cast<const char*>(bytes_ + 1), static_cast<size_t>(bytes_[0] >> 1)};
    const char* block = Block();
    uint32_t size;
    std::memcpy(&size, block, sizeof size);
    return {block + sizeof size, size};
  }

 private:
  // bytes_[0] is (length << 1) | 1 for an inline text, in bytes_[1..7]; otherwise the eight
  // bytes are the address of a heap block, its 4-byte length and then the text, whose lowest
  // byte is even (blocks are aligned). Read so on a little-endian machine only.
  static_assert(std::endian::native == std::endian::little);
  template <typename>
  friend class OptionalText;
  // Odd, so not a block's address, and no inline length (at most 7): a text so marked owns
  // nothing. "None" for OptionalText.
  static constexpr unsigned char kNone = 0xFF;
  void MarkNone() noexcept { bytes_[0] = kNone; }
  bool IsNone() const noexcept { return bytes_[0] == kNone; }
  bool Inline() const noexcept { return (bytes_[0] & 1) != 0; }
  void SetEmpty() noexcept { bytes_[0] = 1; }
  const char* Block() const noexcept {
    const char* block;
    std::memcpy(&block, bytes_, sizeof block);
    return block;
  }
  void Assign(std::string_view text);
  void Free() noexcept {
    if (!Inline()) delete[] Block();
  }

  alignas(8) unsigned char bytes_[8];
};

static_assert(sizeof(ShortString) == 8);

// OptionalText<Text>: std::optional<Text> in the text's own size (a mark of its own says "none"),
// for a seat's keys: 4.4 million seats up at 1000x, two keys each. It reads as the optional does.
//
//   OptionalShortString defending;        // none: a vacancy
//   defending = "PP53";
//   if (defending) ++seats[*defending];
//   std::string_view shown = defending.value_or("vacant");
template <typename Text>
class OptionalText {
 public:
  OptionalText() noexcept { text_.MarkNone(); }
  OptionalText(std::nullopt_t) noexcept { text_.MarkNone(); }              // NOLINT: as optional
  OptionalText(Text text) noexcept : text_(std::move(text)) {}             // NOLINT: as optional
  OptionalText(std::string_view text) : text_(text) {}                     // NOLINT: as optional
  OptionalText(const std::string& text) : text_(text) {}                   // NOLINT: as optional
  OptionalText(const char* text) : text_(text) {}                          // NOLINT: as optional
  OptionalText(const std::optional<std::string>& text) {                   // NOLINT: as optional
    if (text) text_ = *text;
    else text_.MarkNone();
  }
  // The text's own copy would read the mark of "none" as a length.
  OptionalText(const OptionalText& other) {
    if (other) text_ = other.text_;
    else text_.MarkNone();
  }
  // Moved from, it keeps saying whether it had a text, as std::optional does.
  OptionalText(OptionalText&& other) noexcept : text_(std::move(other.text_)) {
    if (!has_value()) other.text_.MarkNone();
  }
  OptionalText& operator=(const OptionalText& other) {
    if (this != &other) *this = OptionalText(other);
    return *this;
  }
  OptionalText& operator=(OptionalText&& other) noexcept {
    text_ = std::move(other.text_);
    if (!has_value()) other.text_.MarkNone();
    return *this;
  }

  bool has_value() const noexcept { return !text_.IsNone(); }
  explicit operator bool() const noexcept { return has_value(); }
  // As std::optional's: only when has_value().
  const Text& operator*() const noexcept { return text_; }
  const Text* operator->() const noexcept { return &text_; }
  std::string_view value_or(std::string_view otherwise) const noexcept {
    return has_value() ? text_.view() : otherwise;
  }

  friend bool operator==(const OptionalText& a, const OptionalText& b) noexcept {
    return a.has_value() == b.has_value() && (!a || *a == *b);
  }
  friend bool operator==(const OptionalText& a, std::nullopt_t) noexcept { return !a; }

 private:
  Text text_;
};

using OptionalCompactString = OptionalText<CompactString>;
using OptionalShortString = OptionalText<ShortString>;

static_assert(sizeof(OptionalCompactString) == 16);
static_assert(sizeof(OptionalShortString) == 8);

}  // namespace psephos

template <>
struct std::hash<psephos::CompactString> : psephos::internal::TextHash<psephos::CompactString> {};
template <>
struct std::hash<psephos::ShortString> : psephos::internal::TextHash<psephos::ShortString> {};
template <>
struct fmt::formatter<psephos::CompactString> : psephos::internal::TextFormatter<psephos::CompactString> {};
template <>
struct fmt::formatter<psephos::ShortString> : psephos::internal::TextFormatter<psephos::ShortString> {};

#endif  // PSEPHOS_CORE_COMPACT_STRING_H_
