// error.h
//
// Error: what went wrong with an input, and where: the file, the line and the field.
// Every reader and every check in the core reports a bad input as an Error value, never a
// crash and never a partial result. Result<T> carries either a value or an Error.
//
//   Result<Declaration> r = ReadSomething(...);
//   if (!r) { std::cerr << r.error().ToString() << "\n"; return 2; }
//   Use(*r);
#ifndef PSEPHOS_CORE_ERROR_H_
#define PSEPHOS_CORE_ERROR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>

namespace psephos {

// What kind of wrong an Error is, for callers that answer differently (the HTTP API: 422, 404,
// 409). Most bad input is kInvalid.
enum class ErrorKind {
  kInvalid,   // the input itself is wrong (syntax, a field out of range, counts that disagree)
  kNotFound,  // it names something the night does not have (a council, a ward)
  kConflict,  // it contradicts what is already recorded (a ward declared twice)
  kUnavailable,  // not the input's fault: the results log could not record it (disk full)
};

struct Error {
  std::string file;     // "" when the input is not a file (an API body, a value in memory)
  int64_t line = 0;     // 1-based; 0 when not known or not line-oriented
  std::string field;    // the column, key or concept that was wrong; "" when the whole record is
  std::string message;  // what was expected, in the domain's words
  ErrorKind kind = ErrorKind::kInvalid;

  // "file:line: field: message", leaving out the parts that are empty.
  std::string ToString() const;
};

Error MakeError(std::string message, std::string field = {}, std::string file = {},
                int64_t line = 0);
// The same error, of another kind.
Error WithKind(Error error, ErrorKind kind);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit by design
  explicit operator bool() const { return v_.index() == 0; }
  bool ok() const { return v_.index() == 0; }
  T& operator*() & { return std::get<0>(v_); }
  const T& operator*() const& { return std::get<0>(v_); }
  T&& operator*() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }
  Error& error() { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Status: a Result with no value. Status() is success, held as a null pointer, made and
// dropped for nothing: a Status is returned for every row a reader reads and every declaration
// a night checks (an Error held in place was three strings to make and test, most of a short
// check's cost).
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::make_unique<Error>(std::move(error))) {}  // NOLINT: implicit by design
  Status(const Status& other) : error_(other.error_ ? std::make_unique<Error>(*other.error_) : nullptr) {}
  Status& operator=(const Status& other) {
    if (this != &other) error_ = other.error_ ? std::make_unique<Error>(*other.error_) : nullptr;
    return *this;
  }
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;
  explicit operator bool() const { return !error_; }
  bool ok() const { return !error_; }
  // The error; an empty one for success.
  const Error& error() const { return error_ ? *error_ : kNoError; }

 private:
  static inline const Error kNoError{};
  std::unique_ptr<Error> error_;
};

}  // namespace psephos

#endif  // PSEPHOS_CORE_ERROR_H_
