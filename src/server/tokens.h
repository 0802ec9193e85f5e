// tokens.h
//
// Who may write: bearer tokens, each with the name of its holder (a desk, a feed), read from
// the service's token file. Reads need no token. The name goes into the results log as the
// entry's author, so every write can be traced to a token.
//
//   Result<Tokens> tokens = ReadTokens("tokens.txt");   // lines: "<name> <token>"
//   std::optional<std::string> who = tokens->Holder(bearer);
//
// The comparison takes the same time whatever the token, matching or not, so the time a
// refusal takes says nothing of how close a guess was.
#ifndef PSEPHOS_SERVER_TOKENS_H_
#define PSEPHOS_SERVER_TOKENS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace psephos {

class Tokens {
 public:
  // Fails on a token shorter than 16 characters, a name or token used twice, a line that is
  // not "<name> <token>". Blank lines and lines starting with '#' are skipped.
  static Result<Tokens> Parse(std::string_view text, const std::string& file);
  // One token, made from the system's random source, held by `name` (when no file is given).
  static Tokens Random(std::string name);

  // The holder of `token`, or nullopt.
  std::optional<std::string> Holder(std::string_view token) const;
  bool empty() const { return entries_.empty(); }
  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;  // name, token
};

Result<Tokens> ReadTokens(const std::string& path);

}  // namespace psephos

#endif  // PSEPHOS_SERVER_TOKENS_H_
