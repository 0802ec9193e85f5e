// night_json.h
//
// Psephos's own JSON for a night: the councils as set up before polling day (seats not up,
// and per ward the seats up with the party defending each and the party that last won it)
// and any declarations. The format is documented in docs/NIGHT_FORMAT.md; the demo night,
// the test fixtures and the API (later) all use it. Party fields take registry ids ("PP53")
// or any name the registry resolves ("Labour"); "IND" is an independent.
//
//   Result<NightFile> night = ReadNightJson("tests/fixtures/trafford-2018.json", registry);
//   Result<Night> n = Night::Create(std::move(night->election), registry);
//   std::string text = WriteNightJson(election, declarations, registry);
#ifndef PSEPHOS_READERS_NIGHT_JSON_H_
#define PSEPHOS_READERS_NIGHT_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/party.h"
#include "core/supplementary_vote.h"

namespace psephos {

struct NightFile {
  Election election;
  std::vector<Declaration> declarations;
};

// Errors name the file, the line (for syntax errors) and the JSON path of the field
// ("councils[0].wards[3].defending[1]"). Read through simdjson, a council at a time (a 1000x
// setup is 320 MB), and through nlohmann, whose messages the errors are, when simdjson cannot
// parse the text or the night in it is wrong; both paths read a good file the same
// (internal/night_json_paths.h).
Result<NightFile> ParseNightJson(std::string_view text, std::string file,
                                 const PartyRegistry& registry);
Result<NightFile> ReadNightJson(const std::string& path, const PartyRegistry& registry);
// One declaration as a JSON object (the "declarations" items), e.g. an API body.
Result<Declaration> ParseDeclarationJson(std::string_view text, std::string file,
                                         const PartyRegistry& registry);

// What the API takes as a body: one declaration object, an array of them, or an object with a
// "declarations" array. Paths in errors: "declarations[2].candidates[0].votes".
Result<std::vector<Declaration>> ParseDeclarationsJson(std::string_view text, std::string file,
                                                       const PartyRegistry& registry);
// One council's setup as a JSON object (the "councils" items).
Result<Council> ParseCouncilJson(std::string_view text, std::string file, const PartyRegistry& registry);

// A mayoral contest's declared result: the contest id, its area, and the supplementary vote
// counts as published: {"ballot": "mayor.tower-hamlets.2018-05-03", "area": "Tower Hamlets",
// "candidates": [{"name": ..., "party": ..., "first": 26000}, ...], "second_added": [...] or
// absent, "table": [[...], ...] or absent, "lot": [...] or absent, "correction": true for a
// recount (absent otherwise)}.
struct MayoralDeclaration {
  std::string ballot_id;
  std::string area;
  SvContest contest;
  bool correction = false;  // as POSTed; the log records the result, not the flag
};
Result<MayoralDeclaration> ParseMayorJson(std::string_view text, std::string file);
std::string WriteMayorJson(const MayoralDeclaration& mayor);

// A withdrawal: {"council": "<id>", "ward": "<id>"}, as POSTed and as logged.
struct Withdrawal {
  std::string council;
  std::string ward;
};
Result<Withdrawal> ParseWithdrawalJson(std::string_view text, std::string file);
std::string WriteWithdrawalJson(const Withdrawal& withdrawal);

// One declaration, one council: compact JSON objects that the Parse functions read back.
std::string WriteDeclarationJson(const Declaration& declaration);
std::string WriteCouncilJson(const Council& council);

// The inverse of ParseNightJson: ids as stored, two-space indent, stable key order.
std::string WriteNightJson(const Election& election, const std::vector<Declaration>& declarations);

}  // namespace psephos

#endif  // PSEPHOS_READERS_NIGHT_JSON_H_
