// compact_string.h
//
// Immutable strings for the short texts a night holds by the million (a candidate's name and
// party id: 14.3 million candidates at 1000x). A std::string is 32 bytes, Boost.Container's 24:
// at 1000x each 8 bytes saved a candidate is some 115 MB (BENCHMARKS.md, Memory).
//   CompactString  16 bytes: up to 15 in the object, a longer text in a heap block of its size
//   ShortString     8 bytes: up to 7 in the object (a party id, "PP53"), a longer one on the heap
//   BallotIdString 48 bytes: up to 47 in the object (a ballot id), a longer one on the heap
//   OptionalText<Text>  std::optional<Text> in the text's size: OptionalCompactString (16 bytes),
//                       OptionalShortString (8)
//
// Each text reads as a std::string_view (an implicit conversion) and compares with any string;
// build a std::string from it where one is needed. An OptionalText reads as std::optional does
// and compares with a text, an optional string or std::nullopt.
//
//   CompactString name = "Harjit Akhtar";
//   ShortString party = "PP53";
//   if (party == "PP53") ...;
//   std::string_view view = party;
//   std::string message = "unknown party id '" + party + "'";
#ifndef PSEPHOS_CORE_COMPACT_STRING_H_
#define PSEPHOS_CORE_COMPACT_STRING_H_

#include <algorithm>
#include <bit>
#include <cassert>
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

template <typename Text>
class OptionalText;

namespace internal {

// Texts compared a byte at a time, in the order of std::string's compare (bytes unsigned):
// these are short (party ids, ward and council ids), compared millions of times a night (a
// council's maps by party, its wards in order), and string_view's compare calls memcmp.
inline bool SameText(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}
inline std::strong_ordering CompareText(std::string_view a, std::string_view b) noexcept {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) <=> static_cast<unsigned char>(b[i]);
  return a.size() <=> b.size();
}

// A compact text: it holds its bytes, copies and moves them; `Layout` says where a text goes in
// them (in the object, or the address of a heap block) and how to read it back. CompactString,
// ShortString and BallotIdString differ only in their layouts.
template <typename Layout>
class CompactText {
 public:
  static constexpr size_t kInline = Layout::kInline;  // the longest text held in the object

  CompactText() noexcept { Layout::SetEmpty(bytes_); }
  CompactText(std::string_view text) { Layout::Store(bytes_, text); }  // NOLINT: implicit, like std::string
  CompactText(const std::string& text) : CompactText(std::string_view(text)) {}  // NOLINT
  CompactText(const char* text) : CompactText(std::string_view(text)) {}  // NOLINT
  CompactText(const CompactText& other) { Layout::Store(bytes_, other.view()); }
  CompactText(CompactText&& other) noexcept {
    std::memcpy(bytes_, other.bytes_, sizeof bytes_);
    Layout::SetEmpty(other.bytes_);
  }
  CompactText& operator=(const CompactText& other) {
    if (this != &other) *this = CompactText(other);
    return *this;
  }
  CompactText& operator=(CompactText&& other) noexcept {
    if (this != &other) {
      Layout::Release(bytes_);
      std::memcpy(bytes_, other.bytes_, sizeof bytes_);
      Layout::SetEmpty(other.bytes_);
    }
    return *this;
  }
  ~CompactText() { Layout::Release(bytes_); }

  std::string_view view() const noexcept { return Layout::View(bytes_); }
  operator std::string_view() const noexcept { return view(); }  // NOLINT: reads as a view
  std::string str() const { return std::string(view()); }
  const char* data() const noexcept { return view().data(); }
  size_t size() const noexcept { return view().size(); }
  bool empty() const noexcept { return size() == 0; }
  bool starts_with(std::string_view prefix) const noexcept { return view().starts_with(prefix); }
  bool ends_with(std::string_view suffix) const noexcept { return view().ends_with(suffix); }
  auto begin() const noexcept { return view().begin(); }
  auto end() const noexcept { return view().end(); }

  // Against a string_view: a std::string or a literal converts to one. Two texts of one kind have
  // their own overload (std::less<> needs it under clang), a template so that it matches only
  // that kind itself: one taking any CompactText would make comparing with a std::string
  // ambiguous between the two conversions.
  friend bool operator==(const CompactText& a, std::string_view b) noexcept {
    return SameText(a.view(), b);
  }
  friend std::strong_ordering operator<=>(const CompactText& a, std::string_view b) noexcept {
    return CompareText(a.view(), b);
  }
  template <typename T>
    requires std::same_as<T, CompactText>
  friend bool operator==(const CompactText& a, const T& b) noexcept {
    return SameText(a.view(), b.view());
  }
  template <typename T>
    requires std::same_as<T, CompactText>
  friend std::strong_ordering operator<=>(const CompactText& a, const T& b) noexcept {
    return CompareText(a.view(), b.view());
  }
  friend std::string operator+(std::string a, const CompactText& b) { return a.append(b.view()); }
  friend std::string operator+(const CompactText& a, std::string_view b) { return a.str().append(b); }
  friend std::ostream& operator<<(std::ostream& out, const CompactText& s) { return out << s.view(); }

 private:
  template <typename>
  friend class psephos::OptionalText;
  // A mark that is no text's: a text so marked owns nothing, so destroying it frees nothing.
  void MarkNone() noexcept { Layout::MarkNone(bytes_); }
  bool IsNone() const noexcept { return Layout::IsNone(bytes_); }

  alignas(8) unsigned char bytes_[Layout::kSize];
};

// The heap block whose address a layout keeps in a text's first eight bytes.
inline const char* BlockAt(const unsigned char* bytes) noexcept {
  const char* block;
  std::memcpy(&block, bytes, sizeof block);
  return block;
}

// The tags of InlineTagged beside an inline text's length: a heap block's, and no text's.
inline constexpr unsigned char kTaggedHeap = 0xFF, kTaggedNone = 0xFE;
// InlineTagged<size>::Store, out of line.
void StoreTagged(unsigned char* bytes, size_t object_size, std::string_view text);

// Size bytes: the last is the length of an inline text (0..Size - 1), or kHeap: then the first 8
// bytes hold the block's address and the next 4 its length. kNone is neither.
template <size_t Size>
struct InlineTagged {
  static_assert(Size >= 16 && Size - 1 < kTaggedNone);
  static constexpr size_t kSize = Size, kInline = Size - 1, kTag = Size - 1;
  static constexpr unsigned char kHeap = kTaggedHeap, kNone = kTaggedNone;

  static void Store(unsigned char* bytes, std::string_view text) { StoreTagged(bytes, kSize, text); }
  static std::string_view View(const unsigned char* bytes) noexcept {
    if (bytes[kTag] != kHeap) return {reinterpret_cast<const char*>(bytes), bytes[kTag]};
    uint32_t size;
    std::memcpy(&size, bytes + sizeof(char*), sizeof size);
    return {BlockAt(bytes), size};
  }
  static void Release(unsigned char* bytes) noexcept {
    if (bytes[kTag] == kHeap) delete[] BlockAt(bytes);
  }
  static void SetEmpty(unsigned char* bytes) noexcept { bytes[kTag] = 0; }
  static void MarkNone(unsigned char* bytes) noexcept { bytes[kTag] = kNone; }
  static bool IsNone(const unsigned char* bytes) noexcept { return bytes[kTag] == kNone; }
};

// 8 bytes: bytes[0] is (length << 1) | 1 for an inline text, in bytes[1..7]; otherwise the eight
// bytes are the address of a heap block, its 4-byte length and then the text, whose lowest byte is
// even (blocks are aligned). Read so on a little-endian machine only. kNone is odd, so not an
// address, and no inline length (at most 7).
struct Inline7 {
  static_assert(std::endian::native == std::endian::little);
  static constexpr size_t kSize = 8, kInline = 7;
  static constexpr unsigned char kNone = 0xFF;

  static void Store(unsigned char* bytes, std::string_view text);
  static std::string_view View(const unsigned char* bytes) noexcept {
    if (Inline(bytes)) return {reinterpret_cast<const char*>(bytes + 1), static_cast<size_t>(bytes[0] >> 1)};
    const char* block = BlockAt(bytes);
    uint32_t size;
    std::memcpy(&size, block, sizeof size);
    return {block + sizeof size, size};
  }
  static void Release(unsigned char* bytes) noexcept {
    if (!Inline(bytes)) delete[] BlockAt(bytes);
  }
  static void SetEmpty(unsigned char* bytes) noexcept { bytes[0] = 1; }
  static void MarkNone(unsigned char* bytes) noexcept { bytes[0] = kNone; }
  static bool IsNone(const unsigned char* bytes) noexcept { return bytes[0] == kNone; }
  static bool Inline(const unsigned char* bytes) noexcept { return (bytes[0] & 1) != 0; }
};

}  // namespace internal

// A text of up to 15 bytes in the object: a name, a ward's id, a declaration's texts.
using CompactString = internal::CompactText<internal::InlineTagged<16>>;
// A text of up to 47 bytes in 48: a ballot id ("local.<council>.<ward>.<date>"), nearly always
// longer than 15, so that the 16 bytes and a heap block of a CompactString (64 bytes) are 48.
using BallotIdString = internal::CompactText<internal::InlineTagged<48>>;
// A text nearly always of 7 bytes or fewer, in 8: a candidate's party id ("PP53", "IND").
using ShortString = internal::CompactText<internal::Inline7>;

static_assert(sizeof(CompactString) == 16);
static_assert(sizeof(BallotIdString) == 48);
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
  // As std::optional's: only when has_value() (none's mark would read as a length).
  const Text& operator*() const noexcept {
    assert(has_value());
    return text_;
  }
  const Text* operator->() const noexcept {
    assert(has_value());
    return &text_;
  }
  std::string_view value_or(std::string_view otherwise) const noexcept {
    return has_value() ? text_.view() : otherwise;
  }
  // As a std::optional<std::string>, for a caller that keeps one.
  std::optional<std::string> str() const {
    return has_value() ? std::optional<std::string>(text_.str()) : std::nullopt;
  }

  friend bool operator==(const OptionalText& a, const OptionalText& b) noexcept {
    return a.has_value() == b.has_value() && (!a || *a == *b);
  }
  friend bool operator==(const OptionalText& a, std::nullopt_t) noexcept { return !a; }
  // Without a temporary OptionalText (a heap block for a long text); and against an optional,
  // two nones are equal, which the standard library's template would not say.
  template <typename String>
    requires std::convertible_to<const String&, std::string_view>
  friend bool operator==(const OptionalText& a, const String& b) noexcept {
    return a && *a == std::string_view(b);
  }
  friend bool operator==(const OptionalText& a, const std::optional<std::string>& b) noexcept {
    return b ? a == std::string_view(*b) : !a;
  }

 private:
  Text text_;
};

using OptionalCompactString = OptionalText<CompactString>;
using OptionalShortString = OptionalText<ShortString>;

static_assert(sizeof(OptionalCompactString) == 16);
static_assert(sizeof(OptionalShortString) == 8);

}  // namespace psephos

// Hashed and formatted as their text.
template <typename Layout>
struct std::hash<psephos::internal::CompactText<Layout>> {
  size_t operator()(const psephos::internal::CompactText<Layout>& s) const noexcept {
    return std::hash<std::string_view>{}(s.view());
  }
};
template <typename Layout>
struct fmt::formatter<psephos::internal::CompactText<Layout>> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const psephos::internal::CompactText<Layout>& s, Context& context) const {
    return fmt::formatter<std::string_view>::format(s.view(), context);
  }
};

#endif  // PSEPHOS_CORE_COMPACT_STRING_H_
