// simd_json.h (internal)
//
// SimdJson: a read-only view of a value in a simdjson DOM with the part of nlohmann::json's
// interface that the night reader uses (find, is_*, get<T>, items, size), so that one reader,
// written once as a template, reads a document parsed by either library (night_json.cc).
// simdjson parses a big setup about fifteen times faster than nlohmann builds its DOM (the 10x
// setup: 37M instructions against some 600M); nlohmann stays the reader of record, whose
// messages the errors are.
//
//   simdjson::dom::parser parser;
//   simdjson::dom::element root;
//   if (parser.parse(text.data(), text.size()).get(root)) ... not JSON ...
//   SimdJson doc(root);
//   if (auto it = doc.find("councils"); it != doc.end() && it->is_array())
//     for (SimdJson council : Elements(*it)) ...
//
// Where the two libraries differ, the view behaves as nlohmann's DOM does: a key given twice
// in an object is its last value; items() go in key order, each key once; a whole number at
// or above zero is unsigned as well as an integer. What neither path needs (floating point,
// writing) is left out.
#ifndef PSEPHOS_READERS_INTERNAL_SIMD_JSON_H_
#define PSEPHOS_READERS_INTERNAL_SIMD_JSON_H_

#include <simdjson.h>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace psephos::internal {

class SimdJson {
 public:
  using Type = simdjson::dom::element_type;

  SimdJson() = default;
  explicit SimdJson(simdjson::dom::element element) : element_(element) {}

  bool is_object() const { return element_.type() == Type::OBJECT; }
  bool is_array() const { return element_.type() == Type::ARRAY; }
  bool is_null() const { return element_.type() == Type::NULL_VALUE; }
  bool is_string() const { return element_.type() == Type::STRING; }
  bool is_boolean() const { return element_.type() == Type::BOOL; }
  bool is_number_integer() const { return element_.type() == Type::INT64 || element_.type() == Type::UINT64; }
  bool is_number_unsigned() const {
    return element_.type() == Type::UINT64 || (element_.type() == Type::INT64 && Int() >= 0);
  }

  // Only what the reader asks for: std::string, int64_t, int and bool, each of the right type
  // (checked by the is_* above first, as the reader does).
  template <typename T>
  T get() const {
    if constexpr (std::is_same_v<T, std::string>) {
      return std::string(Text());
    } else if constexpr (std::is_same_v<T, bool>) {
      return ValueOf<bool>(element_.get_bool());
    } else {
      return static_cast<T>(Int());
    }
  }
  std::string_view Text() const {
    return ValueOf<std::string_view>(element_.get_string());
  }

  size_t size() const {
    if (is_array()) return Array().size();
    if (is_object()) return Object().size();
    return 1;
  }
  bool empty() const { return size() == 0; }
  // The i-th element of an array: a walk from the first (simdjson keeps no index), for the short
  // arrays of a ward's seats; longer ones are gone through with Elements.
  SimdJson operator[](size_t i) const {
    size_t at = 0;
    for (simdjson::dom::element e : Array())
      if (at++ == i) return SimdJson(e);
    return SimdJson();
  }

  // The key's last value, as nlohmann keeps it; end() for a key not there or a value that is not
  // an object. What is found is used as nlohmann's iterator is: `it->`, `*it`, `it == end()`.
  class Found;
  Found find(std::string_view key) const;
  Found end() const;
  // find() for each of `keys` in one pass over the object's members, for objects read by the
  // million (a 1000x setup's 2.9 million wards): a find goes over every member each time.
  template <size_t N>
  std::array<Found, N> FindEach(const std::array<std::string_view, N>& keys) const;

  // The members of an object in key order, each key once (its last value).
  std::vector<std::pair<std::string, SimdJson>> items() const {
    std::map<std::string, SimdJson, std::less<>> members;
    for (simdjson::dom::key_value_pair field : Object())
      members.insert_or_assign(std::string(field.key), SimdJson(field.value));
    return {members.begin(), members.end()};
  }

  // The value as compact JSON, for messages.
  std::string dump() const { return simdjson::minify(element_); }

  friend bool operator!=(const SimdJson& value, const char* text) {
    return !value.is_string() || value.Text() != text;
  }

  // The value as an array or an object, which it must be. Returned by value: a simdjson_result's
  // value_unsafe() refers into the result, which a range-for over it would outlive.
  simdjson::dom::array Array() const {
    return ValueOf<simdjson::dom::array>(element_.get_array());
  }
  simdjson::dom::object Object() const {
    return ValueOf<simdjson::dom::object>(element_.get_object());
  }

 private:
  int64_t Int() const {
    if (element_.type() == Type::UINT64)
      return static_cast<int64_t>(ValueOf<uint64_t>(element_.get_uint64()));  // wrapped, as nlohmann's get<int64_t> does
    return ValueOf<int64_t>(element_.get_int64());
  }

  // A simdjson result's value, or T's default when it holds an error (a value of another type:
  // the reader asks only after checking the type).
  template <typename T, typename R>
  static T ValueOf(R&& result) {
    T value{};
    if (std::forward<R>(result).get(value) != simdjson::SUCCESS) return T{};
    return value;
  }

  simdjson::dom::element element_;
};

class SimdJson::Found {
 public:
  Found() = default;
  explicit Found(SimdJson value) : value_(value), found_(true) {}
  const SimdJson* operator->() const { return &value_; }
  const SimdJson& operator*() const { return value_; }
  // Equal only when neither holds a value: a key found is never end().
  bool operator==(const Found& other) const { return !found_ && !other.found_; }

 private:
  SimdJson value_;
  bool found_ = false;
};

inline SimdJson::Found SimdJson::find(std::string_view key) const {
  return FindEach(std::array<std::string_view, 1>{key})[0];
}

inline SimdJson::Found SimdJson::end() const { return Found(); }

template <size_t N>
std::array<SimdJson::Found, N> SimdJson::FindEach(const std::array<std::string_view, N>& keys) const {
  std::array<Found, N> found;
  if (!is_object()) return found;
  for (simdjson::dom::key_value_pair field : Object())
    for (size_t i = 0; i < N; ++i)
      if (field.key == keys[i]) {
        found[i] = Found(SimdJson(field.value));  // the last of a key given twice, as find()
        break;
      }
  return found;
}

// The elements of an array, in order, as a range: `for (SimdJson e : Elements(value))`.
class SimdJsonElements {
 public:
  explicit SimdJsonElements(simdjson::dom::array array) : array_(array) {}
  class Iterator {
   public:
    explicit Iterator(simdjson::dom::array::iterator it) : it_(it) {}
    SimdJson operator*() const { return SimdJson(*it_); }
    Iterator& operator++() {
      ++it_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return it_ != other.it_; }

   private:
    simdjson::dom::array::iterator it_;
  };
  Iterator begin() const { return Iterator(array_.begin()); }
  Iterator end() const { return Iterator(array_.end()); }

 private:
  simdjson::dom::array array_;
};
inline SimdJsonElements Elements(const SimdJson& array) { return SimdJsonElements(array.Array()); }

}  // namespace psephos::internal

#endif  // PSEPHOS_READERS_INTERNAL_SIMD_JSON_H_
