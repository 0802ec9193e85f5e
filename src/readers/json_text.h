// json_text.h
//
// JSON as text, safely: names and labels from inputs are quoted back in errors, views and log
// entries, and a byte sequence that is not UTF-8 must never make serialising throw (one bad
// byte in a URL once stopped the server). Invalid bytes become U+FFFD.
//
//   std::string body = JsonText(view);           // compact
//   std::string file = JsonText(night, 1);       // indented
#ifndef PSEPHOS_READERS_JSON_TEXT_H_
#define PSEPHOS_READERS_JSON_TEXT_H_

#include <nlohmann/json.hpp>
#include <string>

namespace psephos {

inline std::string JsonText(const nlohmann::json& value, int indent = -1) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace psephos

#endif  // PSEPHOS_READERS_JSON_TEXT_H_
