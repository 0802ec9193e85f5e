// compact_string.h
//
// CompactString: an immutable string in 16 bytes, for the short texts a night holds by the
// million (a candidate's name and party id: 14.3 million candidates at 1000x). Up to 15 bytes
// live in the object itself; a longer text is one heap block of its exact size. A std::string is
// 32 bytes, Boost.Container's string 24: at 1000x each 16 bytes saved a candidate text is some
// 230 MB (BENCHMARKS.md, Memory).
//
// It reads as a std::string_view (an implicit conversion) and compares with any string; build a
// std::string from it where one is needed.
//
//   CompactString party = "PP53";
//   if (party == "PP53") ...;
//   std::string_view view = party;
//   std::string message = "unknown party id '" + party + "'";
#ifndef PSEPHOS_CORE_COMPACT_STRING_H_
#define PSEPHOS_CORE_COMPACT_STRING_H_

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

class CompactString {
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
  operator std::string_view() const noexcept { return view(); }  // NOLINT: reads as a view
  std::string str() const { return std::string(view()); }
  const char* data() const noexcept { return view().data(); }
  size_t size() const noexcept { return view().size(); }
  bool empty() const noexcept { return size() == 0; }
  bool starts_with(std::string_view prefix) const noexcept { return view().starts_with(prefix); }
  bool ends_with(std::string_view suffix) const noexcept { return view().ends_with(suffix); }
  auto begin() const noexcept { return view().begin(); }
  auto end() const noexcept { return view().end(); }

  // Against a string_view: a std::string or a literal converts to one. Two CompactStrings have
  // their own overload (std::less<> needs it under clang), a template so that it matches only a
  // CompactString itself: one taking any CompactString would make comparing with a std::string
  // ambiguous between the two conversions.
  friend bool operator==(const CompactString& a, std::string_view b) noexcept { return a.view() == b; }
  friend std::strong_ordering operator<=>(const CompactString& a, std::string_view b) noexcept {
    return a.view() <=> b;
  }
  template <typename T>
    requires std::same_as<T, CompactString>
  friend bool operator==(const CompactString& a, const T& b) noexcept {
    return a.view() == b.view();
  }
  template <typename T>
    requires std::same_as<T, CompactString>
  friend std::strong_ordering operator<=>(const CompactString& a, const T& b) noexcept {
    return a.view() <=> b.view();
  }
  friend std::string operator+(std::string a, const CompactString& b) { return a.append(b.view()); }
  friend std::string operator+(const CompactString& a, std::string_view b) { return a.str().append(b); }
  friend std::ostream& operator<<(std::ostream& out, const CompactString& s) { return out << s.view(); }

 private:
  friend class OptionalCompactString;

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

// OptionalCompactString: std::optional<CompactString> in 16 bytes rather than 24 (a tag value of
// its own says "none"), for a seat's keys: 4.4 million seats up at 1000x, two keys each. It reads
// as the optional does.
//
//   OptionalCompactString defending;        // none: a vacancy
//   defending = "PP53";
//   if (defending) ++seats[*defending];
//   std::string_view shown = defending.value_or("vacant");
class OptionalCompactString {
 public:
  OptionalCompactString() noexcept { SetNone(); }
  OptionalCompactString(std::nullopt_t) noexcept { SetNone(); }                          // NOLINT
  OptionalCompactString(CompactString text) noexcept : text_(std::move(text)) {}        // NOLINT
  OptionalCompactString(std::string_view text) : text_(text) {}                         // NOLINT
  OptionalCompactString(const std::string& text) : text_(text) {}                       // NOLINT
  OptionalCompactString(const char* text) : text_(text) {}                              // NOLINT
  OptionalCompactString(const std::optional<std::string>& text) {                       // NOLINT
    if (text) text_ = *text;
    else SetNone();
  }
  // A CompactString's own copy would read the tag of "none" as a length.
  OptionalCompactString(const OptionalCompactString& other) {
    if (other) text_ = other.text_;
    else SetNone();
  }
  // Moved from, it keeps saying whether it had a text, as std::optional does.
  OptionalCompactString(OptionalCompactString&& other) noexcept : text_(std::move(other.text_)) {
    if (!has_value()) other.SetNone();
  }
  OptionalCompactString& operator=(const OptionalCompactString& other) {
    if (this != &other) *this = OptionalCompactString(other);
    return *this;
  }
  OptionalCompactString& operator=(OptionalCompactString&& other) noexcept {
    text_ = std::move(other.text_);
    if (!has_value()) other.SetNone();
    return *this;
  }

  bool has_value() const noexcept { return text_.bytes_[CompactString::kTag] != kNone; }
  explicit operator bool() const noexcept { return has_value(); }
  // As std::optional's: only when has_value().
  const CompactString& operator*() const noexcept { return text_; }
  const CompactString* operator->() const noexcept { return &text_; }
  std::string_view value_or(std::string_view otherwise) const noexcept {
    return has_value() ? text_.view() : otherwise;
  }

  friend bool operator==(const OptionalCompactString& a, const OptionalCompactString& b) noexcept {
    return a.has_value() == b.has_value() && (!a || *a == *b);
  }
  friend bool operator==(const OptionalCompactString& a, std::nullopt_t) noexcept { return !a; }

 private:
  // Neither a length (0..15) nor CompactString's mark of a heap block: a CompactString with this
  // tag owns nothing, so destroying it frees nothing.
  static constexpr unsigned char kNone = 0xFE;
  void SetNone() noexcept { text_.bytes_[CompactString::kTag] = kNone; }

  CompactString text_;
};

static_assert(sizeof(OptionalCompactString) == 16);

}  // namespace psephos

template <>
struct std::hash<psephos::CompactString> {
  size_t operator()(const psephos::CompactString& s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template <>
struct fmt::formatter<psephos::CompactString> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const psephos::CompactString& s, Context& context) const {
    return fmt::formatter<std::string_view>::format(s.view(), context);
  }
};

#endif  // PSEPHOS_CORE_COMPACT_STRING_H_
