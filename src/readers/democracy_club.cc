#include "readers/democracy_club.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/compact_string.h"
#include "core/position_index.h"
#include "readers/csv.h"
#include "readers/fields.h"
#include "readers/internal/ballot_rows.h"
#include "readers/internal/council_codes.h"

namespace psephos {

namespace {

using Json = nlohmann::ordered_json;  // ordered: objects keep document order (see ObjectLines)

// One candidate row as both formats give it, with the names of the fields it came from so the
// checks made later can name them whichever format it was. Views, read while the row is added:
// of the CSV row's fields (of the file, or of the parse's bytes for a quoted field; a 1000x night
// is 14.7 million rows), or of a JsonRow's strings.
struct DcRow {
  int64_t line = 0;          // the candidate's row (CSV) or object (JSON)
  int64_t ballot_line = 0;   // the ballot's row (CSV) or result set object (JSON)
  std::string_view ballot_id, election_name, post_id, post_label, person_name, party_id, party_name;
  int64_t votes = 0;
  bool elected = false;
  std::optional<int64_t> spoilt;
  std::string_view ballot_field, party_field, name_field, post_field, elected_field;
};

struct BallotIdParts {
  std::string council, ward, date;
};

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// local.<council>.<ward>[.by].<date>
std::optional<BallotIdParts> ParseBallotId(std::string_view id) {
  // Up to six parts are split off; a sixth means too many.
  std::array<std::string_view, 6> parts;
  size_t n = 0, start = 0;
  while (n < parts.size()) {
    size_t dot = id.find('.', start);
    parts[n++] = id.substr(start, dot == std::string_view::npos ? id.npos : dot - start);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (n != 4 && n != 5) return std::nullopt;
  if (parts[0] != "local" || parts[1].empty() || parts[2].empty()) return std::nullopt;
  if (n == 5 && parts[3] != "by") return std::nullopt;
  if (!IsIsoDate(parts[n - 1])) return std::nullopt;
  return BallotIdParts{std::string(parts[1]), std::string(parts[2]), std::string(parts[n - 1])};
}

// "MTW:E05010881" -> "E05010881"; "" when the part after ':' is not a GSS code.
std::string GssFromPostId(std::string_view post_id) {
  size_t colon = post_id.find(':');
  std::string_view code = colon == std::string_view::npos ? post_id : post_id.substr(colon + 1);
  if (code.size() != 9 || !std::isupper(static_cast<unsigned char>(code[0]))) return "";
  for (char c : code.substr(1))
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  return std::string(code);
}

// Democracy Club party id -> a label the registry resolves; nullopt for an unknown form.
std::optional<std::string> CommissionLabel(std::string_view id) {
  auto digits = [](std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
  };
  if (id == "ynmp-party:2") return std::string(kIndependent);  // DC's "Independent"
  if (id.starts_with("party:") && digits(id.substr(6))) return "PP" + std::string(id.substr(6));
  if (id.starts_with("joint-party:")) {
    // A joint description counts for its first party (Labour and Co-operative -> Labour).
    std::string_view rest = id.substr(12);
    std::string_view first = rest.substr(0, rest.find('-'));
    if (digits(first)) return "PP" + std::string(first);
  }
  return std::nullopt;
}

// "Sheffield local election" -> "Sheffield".
std::string CouncilNameFromElection(std::string_view name, std::string_view slug) {
  constexpr std::string_view kSuffix = " local election";
  if (name.ends_with(kSuffix)) return std::string(name.substr(0, name.size() - kSuffix.size()));
  return internal::CouncilNameFromSlug(slug);
}

// The fewest bytes a contest takes in a Democracy Club CSV, as far as reserving room goes: a row
// is some 150 bytes, and a contest has three candidates or more (the generated 1000x night: 794
// bytes a contest; a contest of fewer is rare, and then the list grows).
constexpr size_t kBytesPerContestAtLeast = 512;

// Builds the declarations from candidate rows fed one at a time, so that a CSV need not be
// held as rows (ReadDemocracyClubCsvText streams it); nothing is returned until Finish.
class DeclarationBuilder {
 public:
  DeclarationBuilder(std::string file, const PartyRegistry& registry, const ReadOptions& options)
      : file_(std::move(file)), options_(options), parties_(registry, options.unknown_parties) {}

  // A file of this many bytes is to come: room is made for its contests at once (an estimate;
  // more grow the list as usual).
  void Expect(size_t bytes) { index_.Reserve(bytes / kBytesPerContestAtLeast); }

  Status Add(const DcRow& row) {
    if (!first_) first_ = FieldNames{std::string(row.name_field), std::string(row.elected_field)};
    // A ballot's rows usually come together: its id is taken apart, its post read and its
    // entry in the index found once for the run of rows, not once a candidate.
    if (!last_ || last_->ballot_id != row.ballot_id) {
      auto parts = ParseBallotId(row.ballot_id);
      if (!parts)
        return MakeError("'" + std::string(row.ballot_id) +
                             "' is not a local ballot id (local.<council>.<ward>[.by].<date>)",
                         std::string(row.ballot_field), file_, row.ballot_line);
      if (last_ && last_->rows) last_->rows->FitCandidates();
      last_.emplace(LastBallot{std::string(row.ballot_id), std::move(*parts), std::nullopt, {}});
    }
    const BallotIdParts& parts = last_->parts;
    if (!options_.election_date.empty() && parts.date != options_.election_date) return {};

    auto party = PartyOf(row);
    if (!party) return party.error();
    const std::string_view name = TrimView(row.person_name);
    if (name.empty()) return MakeError("empty candidate name", std::string(row.name_field), file_, row.line);

    if (!last_->rows) {
      bool is_new = false;
      internal::BallotRows& ballot = last_->rows.emplace(index_.Get(row.ballot_id, &is_new));
      last_->post_id.clear();
      if (is_new) {
        // Room for the candidates of most wards at once, rather than growing a row at a time
        // (four blocks and a move of each candidate before it for eight); cut to their number
        // when the run ends (FitCandidates).
        ballot.declaration.candidates.reserve(8);
        // A council's contests mostly come together: its name and code are made once for the run.
        if (!council_ || council_->slug != parts.council || council_->election_name != row.election_name)
          council_.emplace(CouncilPlace{parts.council, std::string(row.election_name),
                                        CouncilNameFromElection(row.election_name, parts.council),
                                        internal::KnownCouncilGss(parts.council)});
        ballot.SetPlace(parts.council, council_->name, council_->gss, parts.ward, TrimText(row.post_label),
                        GssFromPostId(row.post_id));
        ballot.declaration.rejected = row.spoilt;
        last_->post_id = row.post_id;
      }
    }
    internal::BallotRows& ballot = *last_->rows;
    // The post of each row must be the ballot's; a row with the post text of the row before
    // it in the same ballot has been checked already.
    if (row.post_id != last_->post_id) {
      if (const std::string ward_gss = GssFromPostId(row.post_id); ballot.declaration.ward_gss != ward_gss)
        return MakeError("post '" + std::string(row.post_id) + "' differs from the ballot's earlier rows (" +
                             ballot.declaration.ward_gss + ")",
                         std::string(row.post_field), file_, row.line);
      last_->post_id = row.post_id;
    }
    ballot.Add(Candidate{CompactString(name), ShortString(*party), Candidate::Votes(row.votes), row.elected},
               row.line);
    return {};
  }

  Result<DeclarationSet> Finish() {
    const std::string name_field = first_ ? first_->name : "";
    const std::string elected_field = first_ ? first_->elected : "elected";
    DeclarationSet set;
    if (last_ && last_->rows) last_->rows->FitCandidates();
    for (internal::BallotRows ballot : index_.ballots()) {
      if (Status s = ballot.CheckNoRepeatedCandidate(file_, name_field); !s) return s.error();
      int elected = ballot.ElectedCount();
      if (elected == 0)
        return MakeError("no candidate is flagged elected in " + ballot.declaration.ballot_id,
                         elected_field, file_, ballot.first_line);
      ballot.declaration.seats = elected;
    }
    set.declarations = index_.TakeDeclarations();
    set.new_parties = parties_.new_parties();
    set.warnings = std::move(warnings_);
    return set;
  }

 private:
  struct FieldNames {
    std::string name, elected;
  };
  // The ballot of the row before, taken apart, with its place in the index once found.
  struct LastBallot {
    std::string ballot_id;
    BallotIdParts parts;
    std::optional<internal::BallotRows> rows;  // once a row of the ballot is added; good until the next Get
    std::string post_id;         // the post text last checked against the ballot's
  };

  // The council of the contest last made, as its rows name it, and what is made from that.
  struct CouncilPlace {
    std::string slug, election_name;  // the ballot id's council part; the row's election name
    std::string name, gss;
  };

  // The registry id of the row's party: by its Democracy Club id, or, for an id the registry
  // does not hold, by its name (a local party when the options allow one). The view is good
  // until the next call.
  Result<std::string_view> PartyOf(const DcRow& row) {
    // A night has a few hundred party ids and millions of rows: an id the registry holds as it
    // is (or as its label) is resolved once, whatever the row's party name.
    const uint64_t hash = ShortKeyHash(row.party_id);
    if (auto at = party_of_id_.Find(hash, [&](size_t p) { return internal::SameText(party_ids_[p].first, row.party_id); }))
      return std::string_view(party_ids_[*at].second);
    auto resolved = ResolveParty(row);
    if (!resolved) return resolved.error();
    party_ = std::move(*resolved);
    return std::string_view(party_);
  }
  Result<std::string> ResolveParty(const DcRow& row) {
    const std::string party_id = TrimText(row.party_id);
    if (party_id.empty()) return MakeError("empty party", std::string(row.party_field), file_, row.line);
    auto label = CommissionLabel(party_id);
    // An id the registry holds as it is ("RES", "LOCAL:..."): psephos generate writes those
    // that have no Democracy Club form.
    if (!label && parties_.registry().Find(party_id)) label = party_id;
    if (!label)
      return MakeError("'" + std::string(row.party_id) +
                           "' is not a Democracy Club party id (party:NN, joint-party:NN-MM, ynmp-party:2)",
                       std::string(row.party_field), file_, row.line);
    if (parties_.registry().Find(*label)) {
      // Not there (PartyOf looked): added where the search ends, once the entry it points to is.
      party_ids_.emplace_back(row.party_id, *label);
      party_of_id_.FindOrAdd(ShortKeyHash(row.party_id), party_ids_.size() - 1, [](size_t) { return false; });
      return *label;
    }
    if (auto by_name = parties_.registry().Resolve(row.party_name)) {
      // The registry holds some parties under a local id (LOCAL:english-democrats for
      // party:17): the name still finds them; say so, as ids and names should agree.
      warnings_.push_back(file_ + ":" + std::to_string(row.line) + ": party id " + std::string(row.party_id) +
                          " is not in data/parties.csv; read '" + std::string(row.party_name) + "' as " +
                          *by_name);
      return *by_name;
    }
    if (options_.unknown_parties == UnknownParties::kLocal)
      return parties_.Resolve(row.party_name, file_, row.line, std::string(row.party_field));
    return MakeError("unknown party id '" + std::string(row.party_id) + "' (" + *label + " '" +
                         std::string(row.party_name) + "' is not in data/parties.csv)",
                     std::string(row.party_field), file_, row.line);
  }

  std::string file_;
  const ReadOptions& options_;
  PartyResolver parties_;
  internal::BallotIndex index_;
  std::vector<std::string> warnings_;
  std::optional<FieldNames> first_;
  std::optional<LastBallot> last_;
  std::optional<CouncilPlace> council_;
  // A row's party id as written, and the registry id it resolved to, looked up for every row: by
  // a hash of fixed-size loads into a PositionIndex, as the registry finds its ids, rather than
  // std::hash, a bucket and a node.
  std::vector<std::pair<std::string, std::string>> party_ids_;
  PositionIndex party_of_id_;
  std::string party_;  // PartyOf's answer when not from party_ids_
};

// ---- JSON ----------------------------------------------------------------------------------

// A candidate of a result set, its texts held (some are made: a number written as text, a
// field's path), and seen as a DcRow.
struct JsonRow {
  int64_t line = 0, ballot_line = 0;
  std::string ballot_id, election_name, post_id, post_label, person_name, party_id, party_name;
  int64_t votes = 0;
  bool elected = false;
  std::optional<int64_t> spoilt;
  std::string party_field, name_field, post_field;

  DcRow View() const {
    return DcRow{.line = line,
                 .ballot_line = ballot_line,
                 .ballot_id = ballot_id,
                 .election_name = election_name,
                 .post_id = post_id,
                 .post_label = post_label,
                 .person_name = person_name,
                 .party_id = party_id,
                 .party_name = party_name,
                 .votes = votes,
                 .elected = elected,
                 .spoilt = spoilt,
                 .ballot_field = "ballot_paper_id",
                 .party_field = party_field,
                 .name_field = name_field,
                 .post_field = post_field,
                 .elected_field = "is_winner"};
  }
};

Result<DeclarationSet> BuildDeclarations(const std::vector<JsonRow>& rows, const std::string& file,
                                         const PartyRegistry& registry,
                                         const ReadOptions& options) {
  DeclarationBuilder builder(file, registry, options);
  for (const JsonRow& row : rows)
    if (Status s = builder.Add(row.View()); !s) return s.error();
  return builder.Finish();
}

// The line each JSON object starts on, in document order: nlohmann keeps no positions, so we
// count '{' outside strings and pair them with a pre-order walk of the parsed (ordered) value.
std::unordered_map<const Json*, int64_t> ObjectLines(std::string_view text, const Json& root) {
  std::vector<int64_t> starts;
  int64_t line = 1;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      starts.push_back(line);
    }
  }
  std::unordered_map<const Json*, int64_t> lines;
  size_t next = 0;
  auto walk = [&](auto& self, const Json& node) -> void {
    if (node.is_object()) {
      lines[&node] = next < starts.size() ? starts[next] : 0;
      ++next;
    }
    if (node.is_structured())
      for (const Json& child : node) self(self, child);
  };
  walk(walk, root);
  // Repeated keys would drop objects from the parsed value and shift the pairing: then
  // report no line rather than a wrong one.
  if (next != starts.size())
    for (auto& entry : lines) entry.second = 0;
  return lines;
}

// Reads result sets into rows; errors name the object's line and the key path.
class JsonRows {
 public:
  JsonRows(std::string file, std::unordered_map<const Json*, int64_t> lines)
      : file_(std::move(file)), lines_(std::move(lines)) {}

  int64_t Line(const Json& node) const {
    auto it = lines_.find(&node);
    return it == lines_.end() ? 0 : it->second;
  }

  // The value at a '.'-separated path under `node`, which must exist and not be null.
  Result<const Json*> At(const Json& node, std::string_view path, const std::string& prefix) const {
    const Json* at = &node;
    size_t start = 0;
    while (start <= path.size()) {
      size_t dot = path.find('.', start);
      std::string key(path.substr(start, dot == std::string_view::npos ? path.npos : dot - start));
      if (!at->is_object() || !at->contains(key) || (*at)[key].is_null())
        return MakeError("missing", prefix + std::string(path), file_, Line(node));
      at = &(*at)[key];
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    return at;
  }

  Result<std::string> String(const Json& node, std::string_view path, const std::string& prefix) const {
    auto at = At(node, path, prefix);
    if (!at) return at.error();
    if ((*at)->is_string()) return (*at)->get<std::string>();
    if ((*at)->is_number_integer()) return (*at)->dump();
    return MakeError("expected a string", prefix + std::string(path), file_, Line(node));
  }

  Result<int64_t> Count(const Json& node, std::string_view path, const std::string& prefix) const {
    auto at = At(node, path, prefix);
    if (!at) return at.error();
    const Json& v = **at;
    if (v.is_number_unsigned() && v.get<uint64_t>() <= 1'000'000'000) return static_cast<int64_t>(v.get<uint64_t>());
    if (v.is_number_integer() && v.get<int64_t>() < 0)
      return MakeError("negative (" + v.dump() + "); expected a whole number >= 0", prefix + std::string(path), file_, Line(node));
    if (v.is_string())
      if (auto n = ParseCountText(v.get<std::string>())) return *n;
    return MakeError(v.dump() + " is not a whole number up to 1,000,000,000", prefix + std::string(path), file_, Line(node));
  }

  Result<bool> Flag(const Json& node, std::string_view path, const std::string& prefix) const {
    auto at = At(node, path, prefix);
    if (!at) return at.error();
    if ((*at)->is_boolean()) return (*at)->get<bool>();
    if ((*at)->is_string())
      if (auto b = ParseFlagText((*at)->get<std::string>())) return *b;
    return MakeError((*at)->dump() + " is not an elected flag (expected true/false)", prefix + std::string(path), file_, Line(node));
  }

  Result<std::vector<JsonRow>> Read(const Json& root) const {
    if (!root.is_array()) return MakeError("expected a JSON array of result sets", "", file_, 1);
    std::vector<JsonRow> rows;
    for (size_t b = 0; b < root.size(); ++b) {
      const Json& set = root[b];
      if (!set.is_object())
        return MakeError("expected a result set object", "[" + std::to_string(b) + "]", file_, 0);
      auto ballot_id = String(set, "ballot_paper_id", "");
      if (!ballot_id) return ballot_id.error();
      std::optional<int64_t> spoilt;
      if (set.contains("num_spoilt_ballots") && !set["num_spoilt_ballots"].is_null()) {
        auto n = Count(set, "num_spoilt_ballots", "");
        if (!n) return n.error();
        spoilt = *n;
      }
      auto results = At(set, "candidate_results", "");
      if (!results) return results.error();
      if (!(*results)->is_array())
        return MakeError("expected an array", "candidate_results", file_, Line(set));
      for (size_t c = 0; c < (*results)->size(); ++c) {
        const Json& cand = (**results)[c];
        std::string prefix = "candidate_results[" + std::to_string(c) + "].";
        if (!cand.is_object()) return MakeError("expected a candidate result object", prefix, file_, Line(set));
        JsonRow row;
        row.line = Line(cand);
        row.ballot_line = Line(set);
        row.ballot_id = *ballot_id;
        row.spoilt = spoilt;
        row.party_field = prefix + "membership.on_behalf_of.id";
        row.name_field = prefix + "membership.person.name";
        row.post_field = prefix + "membership.post.id";
        auto votes = Count(cand, "num_ballots", prefix);
        if (!votes) return votes.error();
        auto winner = Flag(cand, "is_winner", prefix);
        if (!winner) return winner.error();
        auto elected = Flag(cand, "membership.elected", prefix);
        if (!elected) return elected.error();
        if (*winner != *elected)
          return MakeError("is_winner and membership.elected disagree", prefix + "is_winner", file_, row.line);
        auto election = String(cand, "membership.election.name", prefix);
        if (!election) return election.error();
        auto post_id = String(cand, "membership.post.id", prefix);
        if (!post_id) return post_id.error();
        auto post_label = String(cand, "membership.post.label", prefix);
        if (!post_label) return post_label.error();
        auto name = String(cand, "membership.person.name", prefix);
        if (!name) return name.error();
        auto party_id = String(cand, "membership.on_behalf_of.id", prefix);
        if (!party_id) return party_id.error();
        auto party_name = String(cand, "membership.on_behalf_of.name", prefix);
        if (!party_name) return party_name.error();
        row.votes = *votes;
        row.elected = *winner;
        row.election_name = *election;
        row.post_id = *post_id;
        row.post_label = *post_label;
        row.person_name = *name;
        row.party_id = *party_id;
        row.party_name = *party_name;
        rows.push_back(std::move(row));
      }
    }
    return rows;
  }

 private:
  std::string file_;
  std::unordered_map<const Json*, int64_t> lines_;
};

// ---- CSV -----------------------------------------------------------------------------------

enum CsvColumn { kBallot, kPostId, kPostLabel, kName, kPartyId, kPartyName, kVotes, kElected, kSpoilt };

Result<std::vector<size_t>> CsvColumns(const CsvTable& table) {
  std::vector<size_t> col;
  for (const char* name : {"ballot_paper_id", "post_id", "post_label", "person_name", "party_id",
                           "party_name", "votes", "elected", "spoilt"}) {
    auto c = table.Column(name);
    if (!c) return c.error();
    col.push_back(*c);
  }
  return col;
}

// Fills `row` from a CSV row, as views of its fields (its fields' names are the columns', set
// once where it is made).
Status ReadCsvRow(const CsvTable& table, const std::vector<size_t>& col, const CsvRow& r, DcRow& row) {
  row.line = row.ballot_line = r.line;
  row.ballot_id = TrimView(r.fields[col[kBallot]]);
  row.post_id = TrimView(r.fields[col[kPostId]]);
  row.post_label = r.fields[col[kPostLabel]];
  row.person_name = r.fields[col[kName]];
  row.party_id = r.fields[col[kPartyId]];
  row.party_name = r.fields[col[kPartyName]];
  auto votes = ParseCount(table, r, col[kVotes]);
  if (!votes) return votes.error();
  row.votes = *votes;
  auto elected = ParseFlag(table, r, col[kElected], /*empty_is_false=*/false);
  if (!elected) return elected.error();
  row.elected = *elected;
  auto spoilt = ParseOptionalCount(table, r, col[kSpoilt]);
  if (!spoilt) return spoilt.error();
  row.spoilt = *spoilt;
  return {};
}

}  // namespace

Result<DeclarationSet> ReadDemocracyClubJsonText(std::string_view text, std::string file,
                                                 const PartyRegistry& registry,
                                                 const ReadOptions& options) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // nlohmann reports a byte offset; turn it into a line.
    int64_t line = 1;
    for (size_t i = 0; i < text.size() && i < e.byte; ++i) line += text[i] == '\n' ? 1 : 0;
    return MakeError(std::string("not valid JSON: ") + e.what(), "", file, line);
  } catch (const Json::exception& e) {
    // A number too large for a double ("2e308") throws out_of_range (406), not parse_error;
    // it has no byte offset, but its message quotes the number, so find that for the line.
    const std::string what = e.what();
    const size_t open = what.find('\''), close = what.rfind('\'');
    size_t at = std::string_view::npos;
    if (open != std::string::npos && close > open) at = text.find(what.substr(open + 1, close - open - 1));
    const int64_t line = at == std::string_view::npos ? 1 : 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
    return MakeError("not valid JSON: " + what, "", file, line);
  }
  JsonRows reader(file, ObjectLines(text, root));
  auto rows = reader.Read(root);
  if (!rows) return rows.error();
  return BuildDeclarations(*rows, file, registry, options);
}

Result<DeclarationSet> ReadDemocracyClubJson(const std::string& path,
                                             const PartyRegistry& registry,
                                             const ReadOptions& options) {
  auto text = ReadFile(path);
  if (!text) return text.error();
  return ReadDemocracyClubJsonText(*text, path, registry, options);
}

namespace {

// A Democracy Club CSV into declarations, its rows as `parse_rows(table, on_row)` hands them on
// (from text, or streamed from a file): each row becomes a candidate as it is parsed, so the
// file is never held as rows.
template <typename ParseRows>
Result<DeclarationSet> ReadDcCsvRows(const std::string& file, size_t bytes, const PartyRegistry& registry,
                                     const ReadOptions& options, ParseRows&& parse_rows) {
  CsvTable table;
  table.file = file;
  DeclarationBuilder builder(file, registry, options);
  builder.Expect(bytes);
  std::vector<size_t> col;
  DcRow row;
  row.ballot_field = "ballot_paper_id";
  row.party_field = "party_id";
  row.name_field = "person_name";
  row.post_field = "post_id";
  row.elected_field = "elected";
  Status parsed = parse_rows(table, [&](const CsvRow& r) -> Status {
    if (col.empty()) {
      auto found = CsvColumns(table);
      if (!found) return found.error();
      col = std::move(*found);
    }
    if (Status read = ReadCsvRow(table, col, r, row); !read) return read;
    return builder.Add(row);
  });
  if (!parsed) return parsed.error();
  if (col.empty())
    if (auto found = CsvColumns(table); !found) return found.error();
  return builder.Finish();
}

}  // namespace

Result<DeclarationSet> ReadDemocracyClubCsvText(std::string_view text, std::string file,
                                                const PartyRegistry& registry,
                                                const ReadOptions& options) {
  return ReadDcCsvRows(file, text.size(), registry, options, [&](CsvTable& table, const auto& on_row) {
    return ParseCsvRows(text, table, /*has_header=*/true, on_row);
  });
}

Result<DeclarationSet> ReadDemocracyClubCsv(const std::string& path,
                                            const PartyRegistry& registry,
                                            const ReadOptions& options) {
  std::error_code unknown;  // not a regular file: no estimate, and the reading says what is wrong
  const std::uintmax_t bytes = std::filesystem::file_size(path, unknown);
  return ReadDcCsvRows(path, unknown ? 0 : static_cast<size_t>(bytes), registry, options,
                       [&](CsvTable& table, const auto& on_row) {
    return ParseCsvFileRows(path, table, /*has_header=*/true, on_row);
  });
}

}  // namespace psephos
