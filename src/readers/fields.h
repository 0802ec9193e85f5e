// fields.h
//
// Parsing the values found in real results files, strictly: vote counts written "1,571",
// elected flags written "Yes", "yes", "t", "True", "ELECTED", and party labels resolved
// through the party registry. Each parser returns an Error naming file, line and column.
//
//   Result<int64_t> votes = ParseCount(table, row, column);
//   PartyResolver parties(registry, UnknownParties::kError);
//   Result<std::string> id = parties.Resolve(label, table, row, column);
#ifndef PSEPHOS_READERS_FIELDS_H_
#define PSEPHOS_READERS_FIELDS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/party.h"
#include "readers/csv.h"

namespace psephos {

// A count of votes, ballots or electors: digits, optionally grouped by commas in threes
// ("1,571"), surrounding spaces allowed. Rejects negatives, decimals, "NaN", and anything
// above 10^9 (no ward has so many).
std::optional<int64_t> ParseCountText(std::string_view text);
Result<int64_t> ParseCount(const CsvTable& table, const CsvRow& row, size_t column);
// Empty field -> nullopt; otherwise as ParseCount.
Result<std::optional<int64_t>> ParseOptionalCount(const CsvTable& table, const CsvRow& row,
                                                  size_t column);

// Elected flags, case-insensitively: yes/y/true/t/elected/1 and no/n/false/f/not elected/0.
// An empty field is "not elected" when empty_is_false, else an error.
std::optional<bool> ParseFlagText(std::string_view text);
Result<bool> ParseFlag(const CsvTable& table, const CsvRow& row, size_t column,
                       bool empty_is_false);

// For files whose elected flags are the returning officer's word: the number flagged must be
// the seats (else an error at `row`, `column`), and a ward with no more candidates than seats
// is marked uncontested.
Status CheckFlaggedSeats(Declaration& declaration, const CsvTable& table, const CsvRow& row,
                         size_t column);

// Trims spaces and tabs (and a non-breaking space) from both ends.
std::string TrimText(std::string_view text);
namespace internal {
std::string_view TrimEnds(std::string_view text);
}  // namespace internal
// The same, as a view of `text`. Inline, as a row's fields are trimmed millions of times and
// most have nothing to trim, which their first and last bytes tell.
inline std::string_view TrimView(std::string_view text) {
  auto edge = [](char c) { return c == ' ' || c == '\t' || c == '\xC2' || c == '\xA0'; };
  if (text.empty() || (!edge(text.front()) && !edge(text.back()))) return text;
  return internal::TrimEnds(text);
}

enum class UnknownParties {
  kError,  // a label the registry cannot resolve is an error
  kLocal,  // it becomes a local party "LOCAL:<slug>", reported in new_parties()
};

// Resolves party labels in one file. With kLocal, unknown labels are registered as local
// parties in a copy of the registry that the caller can take (and show as warnings). The copy
// is made at the first such label, not before: a registry is hundreds of parties and aliases,
// and a reader (one a CSV body posted to the service) mostly meets none.
// `registry` must outlive the resolver.
class PartyResolver {
 public:
  PartyResolver(const PartyRegistry& registry, UnknownParties unknown);
  Result<std::string> Resolve(std::string_view label, const CsvTable& table, const CsvRow& row,
                              size_t column);
  // Same, for sources that are not CSV (the error gets file/line/field from the caller).
  Result<std::string> Resolve(std::string_view label, const std::string& file, int64_t line,
                              const std::string& field);
  // Local parties made for unknown labels: label -> id.
  const std::map<std::string, std::string>& new_parties() const { return new_parties_; }
  const PartyRegistry& registry() const { return own_ ? *own_ : *base_; }

 private:
  const PartyRegistry* base_;
  std::optional<PartyRegistry> own_;  // base_ and the local parties, once there is one
  UnknownParties unknown_;
  std::map<std::string, std::string> new_parties_;
};

}  // namespace psephos

#endif  // PSEPHOS_READERS_FIELDS_H_
