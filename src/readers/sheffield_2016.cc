#include "readers/sheffield_2016.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "readers/csv.h"
#include "readers/fields.h"
#include "readers/internal/ballot_rows.h"

namespace psephos {

namespace {

constexpr std::string_view kCouncil = "sheffield";
constexpr std::string_view kDate = "2016-05-05";
constexpr int kSeats = 3;

// Columns, for errors: the file has no header, so we name them.
enum Column : size_t { kWard = 0, kKind = 1, kName = 2, kText = 2, kParty = 3, kVotes = 4 };

// Splits the text into physical lines and parses each on its own: the row kinds have
// different widths, which one CsvTable would refuse. No field spans lines in this file.
Result<CsvTable> ParseMixedRows(std::string_view text, const std::string& file) {
  CsvTable table;
  table.file = file;
  table.header = {"ward", "kind", "candidate", "party", "votes"};
  // Each line's table holds what its row's fields point into; this table keeps them all.
  auto storage = std::make_shared<std::vector<std::shared_ptr<const void>>>();
  int64_t line = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view physical = text.substr(start, end - start);
    ++line;
    start = end;
    if (start < text.size() && text[start] == '\r') ++start;
    if (start < text.size() && text[start] == '\n') ++start;
    if (TrimText(physical).empty()) continue;
    auto one = ParseCsv(physical, file, /*has_header=*/false);
    if (!one) {
      Error e = one.error();
      e.line = line;
      return e;
    }
    CsvRow row = std::move(one->rows.at(0));
    row.line = line;
    table.rows.push_back(std::move(row));
    storage->push_back(std::move(one->storage));
  }
  table.storage = std::move(storage);
  if (table.rows.empty()) return MakeError("the file is empty", "", file);
  return table;
}

// Spellings the council's "Elected:" text uses for names the candidate rows spell otherwise,
// word for word: "Murphey" for Murphy twice (SOURCE.md), and "Mohammed" for the candidate
// row's "Mohammad" Maroof (Nether Edge & Sharrow). Both sides are folded the same way, so a
// name spelt "Mohammed" on both (Shaffaq Mohammed, Ecclesall) still matches.
constexpr std::pair<std::string_view, std::string_view> kKnownVariants[] = {
    {"murphey", "murphy"}, {"mohammed", "mohammad"}};

std::string FoldName(std::string_view name) {
  std::string out;
  std::string word;
  auto flush = [&] {
    for (const auto& [variant, usual] : kKnownVariants)
      if (word == variant) word = usual;
    out += word;
    word.clear();
  };
  for (char c : TrimText(name)) {
    if (c == ' ') {
      flush();
      out += ' ';
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  flush();
  return out;
}

struct NamedWinner {
  std::string name;
  std::string party_label;
};

// "Elected: A, B and C, Party." / "Elected: A and B, Party, and C, Party." -> names with parties.
std::optional<std::vector<NamedWinner>> ParseElectedLine(std::string_view text) {
  std::string t = TrimText(text);
  constexpr std::string_view kPrefix = "Elected:";
  if (!std::string_view(t).starts_with(kPrefix) || !std::string_view(t).ends_with(".")) return std::nullopt;
  std::string body = TrimText(std::string_view(t).substr(kPrefix.size(), t.size() - kPrefix.size() - 1));
  std::vector<std::string> groups;
  for (size_t start = 0;;) {
    size_t at = body.find(", and ", start);
    groups.push_back(body.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 6;
  }
  std::vector<NamedWinner> winners;
  for (const std::string& group : groups) {
    size_t comma = group.rfind(", ");
    if (comma == std::string::npos) return std::nullopt;
    std::string party = TrimText(group.substr(comma + 2));
    std::string names = group.substr(0, comma);
    // Names are separated by ", " and the last by " and ".
    size_t and_at = names.rfind(" and ");
    std::vector<std::string> list;
    std::string head = and_at == std::string::npos ? names : names.substr(0, and_at);
    for (size_t start = 0;;) {
      size_t at = head.find(", ", start);
      list.push_back(TrimText(head.substr(start, at == std::string::npos ? std::string::npos : at - start)));
      if (at == std::string::npos) break;
      start = at + 2;
    }
    if (and_at != std::string::npos) list.push_back(TrimText(names.substr(and_at + 5)));
    for (std::string& name : list) {
      if (name.empty() || party.empty()) return std::nullopt;
      winners.push_back({std::move(name), party});
    }
  }
  return winners;
}

// "Electorate: 14,399. Turnout: 39%" -> 14399.
std::optional<int64_t> ParseElectorate(std::string_view text) {
  std::string t = TrimText(text);
  constexpr std::string_view kPrefix = "Electorate:";
  if (!std::string_view(t).starts_with(kPrefix)) return std::nullopt;
  std::string digits;
  size_t i = kPrefix.size();
  while (i < t.size() && t[i] == ' ') ++i;
  while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == ',')) digits += t[i++];
  return ParseCountText(digits);
}

struct WardExtras {
  const CsvRow* elected = nullptr;
  const CsvRow* turnout = nullptr;
};

// The top three by votes must be the three the "Elected:" line names, party for party.
Status CheckElectedLine(const CsvTable& table, const CsvRow& row, const Declaration& d,
                        const PartyRegistry& registry) {
  auto named = ParseElectedLine(row.fields[kText]);
  if (!named || named->size() != static_cast<size_t>(kSeats))
    return table.FieldError(row, kText, "expected 'Elected: <three names with their parties>.'");
  CompactVector<Candidate> order = d.candidates;
  std::stable_sort(order.begin(), order.end(), [](const Candidate& a, const Candidate& b) { return a.votes > b.votes; });
  if (order.size() > static_cast<size_t>(kSeats) && order[kSeats - 1].votes == order[kSeats].votes)
    return table.FieldError(row, kText, "a tie for the third seat in " + d.ward_name + ": the file cannot say who won it");
  std::map<std::string, std::string> top;  // folded name -> party
  for (int i = 0; i < kSeats && i < static_cast<int>(order.size()); ++i) top[FoldName(order[i].name)] = order[i].party;
  for (const NamedWinner& w : *named) {
    auto it = top.find(FoldName(w.name));
    if (it == top.end())
      return table.FieldError(row, kText, "names " + w.name + " as elected, but " + w.name +
                                              " is not among the three with the most votes in " + d.ward_name);
    auto party = registry.Resolve(w.party_label);
    if (!party || *party != it->second)
      return table.FieldError(row, kText, "names " + w.name + " as " + w.party_label +
                                              ", but the candidate row gives another party");
  }
  return {};
}

}  // namespace

Result<DeclarationSet> ReadSheffield2016Text(std::string_view results_text, std::string results_file,
                                             std::string_view turnout_text, std::string turnout_file,
                                             const PartyRegistry& registry,
                                             const ReadOptions& options) {
  if (!options.election_date.empty() && options.election_date != kDate) return DeclarationSet{};
  auto table = ParseMixedRows(results_text, results_file);
  if (!table) return table.error();
  PartyResolver parties(registry, options.unknown_parties);
  internal::BallotIndex index;
  std::map<std::string, WardExtras> extras;  // by ballot id

  for (const CsvRow& row : table->rows) {
    std::string ward_name = TrimText(row.fields[kWard]);
    std::string ward = Slugify(ward_name);
    if (ward.empty()) return table->FieldError(row, kWard, "empty ward");
    std::string kind = row.fields.size() > 1 ? TrimText(row.fields[kKind]) : "";
    size_t width = kind == "candidate" ? 5 : 3;
    if (kind != "candidate" && kind != "elected" && kind != "turnout")
      return table->FieldError(row, kKind, "'" + kind + "' is not a row kind (candidate, elected or turnout)");
    if (row.fields.size() != width)
      return MakeError("a " + kind + " row has " + std::to_string(width) + " fields, found " +
                           std::to_string(row.fields.size()),
                       "", table->file, row.line);
    std::string ballot_id = BallotId(kCouncil, ward, kDate);
    internal::BallotRows ballot = index.Get(ballot_id);
    Declaration& d = ballot.declaration;
    if (d.council.empty()) {
      ballot.SetPlace(kCouncil, "Sheffield", ward, ward_name, "");
      d.seats = kSeats;
    }
    WardExtras& extra = extras[ballot_id];
    if (kind == "candidate") {
      std::string name = TrimText(row.fields[kName]);
      if (name.empty()) return table->FieldError(row, kName, "empty candidate name");
      auto party = parties.Resolve(row.fields[kParty], *table, row, kParty);
      if (!party) return party.error();
      auto votes = ParseCount(*table, row, kVotes);
      if (!votes) return votes.error();
      ballot.Add(Candidate{name, *party, Candidate::Votes(*votes), std::nullopt}, row.line);
    } else if (kind == "elected") {
      if (extra.elected) return MakeError("a second 'elected' row for " + ward_name, "elected", table->file, row.line);
      extra.elected = &row;
    } else {
      if (extra.turnout) return MakeError("a second 'turnout' row for " + ward_name, "turnout", table->file, row.line);
      auto electorate = ParseElectorate(row.fields[kText]);
      if (!electorate)
        return MakeError("expected 'Electorate: <number>. Turnout: <percent>%'", "turnout", table->file, row.line);
      d.electorate = *electorate;
      extra.turnout = &row;
    }
  }

  DeclarationSet set;
  for (internal::BallotRows ballot : index.ballots()) {
    Declaration& d = ballot.declaration;
    const WardExtras& extra = extras[d.ballot_id.str()];
    if (d.candidates.empty())
      return MakeError("no candidate rows for " + d.ward_name, "candidate", table->file,
                       extra.elected ? extra.elected->line : extra.turnout->line);
    if (Status s = ballot.CheckNoRepeatedCandidate(table->file, "candidate"); !s) return s.error();
    if (!extra.elected) return MakeError("no 'elected' row for " + d.ward_name, "elected", table->file, ballot.first_line);
    if (!extra.turnout) return MakeError("no 'turnout' row for " + d.ward_name, "turnout", table->file, ballot.first_line);
    if (Status s = CheckElectedLine(*table, *extra.elected, d, parties.registry()); !s) {
      Error e = s.error();
      e.field = "elected";
      return e;
    }
  }

  if (!TrimText(turnout_text).empty()) {
    auto turnout = ParseCsv(turnout_text, turnout_file, /*has_header=*/false);
    if (!turnout) return turnout.error();
    turnout->header = {"ward", "electorate", "turnout_percent"};
    if (turnout->rows.front().fields.size() != 3)
      return MakeError("expected 3 fields: ward, electorate, turnout_percent", "", turnout->file, turnout->rows.front().line);
    std::map<std::string, const Declaration*> by_ward;
    for (const internal::BallotRows ballot : index.ballots()) by_ward[ballot.declaration.ward.str()] = &ballot.declaration;
    for (const CsvRow& row : turnout->rows) {
      auto it = by_ward.find(Slugify(TrimText(row.fields[0])));
      if (it == by_ward.end()) return turnout->FieldError(row, 0, "a ward the results file does not have");
      auto electorate = ParseCount(*turnout, row, 1);
      if (!electorate) return electorate.error();
      if (it->second->electorate != *electorate)
        return turnout->FieldError(row, 1, "disagrees with the results file's electorate for " + it->second->ward_name);
    }
  }

  set.declarations = index.TakeDeclarations();
  set.new_parties = parties.new_parties();
  return set;
}

Result<DeclarationSet> ReadSheffield2016(const std::string& results_path,
                                         const std::string& turnout_path,
                                         const PartyRegistry& registry,
                                         const ReadOptions& options) {
  auto results = ReadFile(results_path);
  if (!results) return results.error();
  std::string turnout;
  if (!turnout_path.empty()) {
    auto text = ReadFile(turnout_path);
    if (!text) return text.error();
    turnout = std::move(*text);
  }
  return ReadSheffield2016Text(*results, results_path, turnout, turnout_path, registry, options);
}

}  // namespace psephos
