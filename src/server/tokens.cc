#include "server/tokens.h"

#include <random>
#include <set>

#include "readers/csv.h"

namespace psephos {

namespace {

// Compares every byte of the longer of the two, so the time does not depend on where they
// first differ.
bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  const size_t n = std::max(a.size(), b.size());
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ y);
  }
  return diff == 0;
}

}  // namespace

Result<Tokens> Tokens::Parse(std::string_view text, const std::string& file) {
  Tokens out;
  std::set<std::string> names, tokens;
  int64_t line_no = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    const size_t space = line.find_first_of(" \t");
    if (space == std::string_view::npos) return MakeError("expected '<name> <token>'", "token", file, line_no);
    std::string name(line.substr(0, space));
    std::string_view rest = line.substr(space);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    std::string token(rest);
    if (token.find_first_of(" \t") != std::string::npos)
      return MakeError("expected '<name> <token>' (a token has no spaces)", "token", file, line_no);
    if (token.size() < 16) return MakeError("a token needs at least 16 characters", "token", file, line_no);
    if (!names.insert(name).second) return MakeError("name '" + name + "' appears twice", "name", file, line_no);
    if (!tokens.insert(token).second) return MakeError("a token appears twice", "token", file, line_no);
    out.entries_.emplace_back(std::move(name), std::move(token));
    if (end == text.size()) break;
  }
  if (out.entries_.empty()) return MakeError("no tokens in the file", "", file);
  return out;
}

Tokens Tokens::Random(std::string name) {
  std::random_device random;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (int i = 0; i < 32; ++i) token += kHex[random() % 16];
  Tokens out;
  out.entries_.emplace_back(std::move(name), std::move(token));
  return out;
}

std::optional<std::string> Tokens::Holder(std::string_view token) const {
  std::optional<std::string> holder;
  // Every entry is compared, matched or not.
  for (const auto& [name, secret] : entries_)
    if (ConstantTimeEqual(token, secret)) holder = name;
  return holder;
}

Result<Tokens> ReadTokens(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return text.error();
  return Tokens::Parse(*text, path);
}

}  // namespace psephos
