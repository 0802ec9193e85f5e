#include "core/error.h"

namespace psephos {

std::string Error::ToString() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
  } else if (line > 0) {
    out += "line " + std::to_string(line) + ": ";
  }
  if (!field.empty()) out += field + ": ";
  out += message;
  return out;
}

Error MakeError(std::string message, std::string field, std::string file, int64_t line) {
  return Error{std::move(file), line, std::move(field), std::move(message), ErrorKind::kInvalid};
}

Error WithKind(Error error, ErrorKind kind) {
  error.kind = kind;
  return error;
}

}  // namespace psephos
