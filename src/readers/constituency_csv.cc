#include "readers/constituency_csv.h"

#include <array>
#include <utility>

#include "readers/csv.h"
#include "readers/fields.h"

namespace psephos {

namespace {

// The Library's column order (2015 and 2017 alike; 2017 adds other_winner at the end).
constexpr std::array<std::string_view, 29> kLibraryColumns = {
    "ons_id",        "ons_region_id", "constituency_name", "county_name", "region_name",
    "country_name",  "constituency_type", "declaration_time", "result",   "first_party",
    "second_party",  "electorate",    "valid_votes",       "invalid_votes", "majority",
    "con",           "lab",           "ld",                "ukip",        "green",
    "snp",           "pc",            "dup",               "sf",          "sdlp",
    "uup",           "alliance",      "other",             "other_winner"};

// Vote columns and the party ids they count for.
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kVoteColumns = {{
    {"con", "PP52"}, {"lab", "PP53"}, {"ld", "PP90"}, {"ukip", "PP85"}, {"green", "PP63"},
    {"snp", "PP102"}, {"pc", "PP77"}, {"dup", "PP70"}, {"sf", "PP39"}, {"sdlp", "PP55"},
    {"uup", "PP83"}, {"alliance", "PP103"}, {"other", "OTHER"}}};

// first_party codes. Labour and Co-operative winners are "Lab" in these files.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kWinnerCodes = {{
    {"Con", "PP52"}, {"Lab", "PP53"}, {"LD", "PP90"}, {"UKIP", "PP85"}, {"Green", "PP63"},
    {"SNP", "PP102"}, {"PC", "PP77"}, {"DUP", "PP70"}, {"SF", "PP39"}, {"SDLP", "PP55"},
    {"UUP", "PP83"}, {"Alliance", "PP103"}, {"Spk", "SPK"}, {"Ind", "IND"}}};

}  // namespace

Result<std::vector<ConstituencyResult>> ReadConstituencyText(std::string_view text, std::string file,
                                                             bool has_header) {
  Result<CsvTable> parsed = ParseCsv(text, std::move(file), has_header);
  if (!parsed) return parsed.error();
  CsvTable& table = *parsed;
  if (!has_header) {
    // Name the columns, so that errors name them too.
    size_t width = table.rows.empty() ? 0 : table.rows.front().fields.size();
    if (width != 28 && width != 29)
      return MakeError("expected 28 or 29 fields in a Library summary without a header, found " +
                           std::to_string(width), "", table.file, table.rows.empty() ? 1 : table.rows.front().line);
    table.header.assign(kLibraryColumns.begin(), kLibraryColumns.begin() + static_cast<long>(width));
  }
  auto column = [&](std::string_view name) { return table.Column(name); };
  size_t ons_id = 0, name = 0, region = 0, country = 0, first_party = 0, electorate = 0, valid = 0,
         invalid = 0;
  for (auto [wanted, out] : {std::pair<std::string_view, size_t*>{"ons_id", &ons_id},
                             {"constituency_name", &name}, {"region_name", &region},
                             {"country_name", &country}, {"first_party", &first_party},
                             {"electorate", &electorate}, {"valid_votes", &valid},
                             {"invalid_votes", &invalid}}) {
    Result<size_t> index = column(wanted);
    if (!index) return index.error();
    *out = *index;
  }
  std::array<size_t, kVoteColumns.size()> vote_index{};
  for (size_t i = 0; i < kVoteColumns.size(); ++i) {
    Result<size_t> index = column(kVoteColumns[i].first);
    if (!index) return index.error();
    vote_index[i] = *index;
  }

  std::vector<ConstituencyResult> results;
  results.reserve(table.rows.size());
  for (const CsvRow& row : table.rows) {
    ConstituencyResult seat;
    seat.ons_id = TrimText(row.fields[ons_id]);
    if (seat.ons_id.empty()) return table.FieldError(row, ons_id, "empty; expected an ONS constituency code");
    seat.name = TrimText(row.fields[name]);
    if (seat.name.empty()) return table.FieldError(row, name, "empty; expected the constituency's name");
    seat.region = TrimText(row.fields[region]);
    seat.country = TrimText(row.fields[country]);
    for (auto [field, out] : {std::pair{electorate, &seat.electorate}, std::pair{valid, &seat.valid_votes},
                              std::pair{invalid, &seat.invalid_votes}}) {
      Result<int64_t> value = ParseCount(table, row, field);
      if (!value) return value.error();
      *out = *value;
    }
    int64_t sum = 0;
    for (size_t i = 0; i < kVoteColumns.size(); ++i) {
      Result<int64_t> value = ParseCount(table, row, vote_index[i]);
      if (!value) return value.error();
      seat.votes[std::string(kVoteColumns[i].second)] = *value;
      sum += *value;
    }
    if (sum != seat.valid_votes)
      return table.FieldError(row, valid, std::to_string(seat.valid_votes) +
                                              " valid votes, but the party columns add up to " +
                                              std::to_string(sum));
    std::string code = TrimText(row.fields[first_party]);
    for (const auto& [known, id] : kWinnerCodes)
      if (code == known) seat.winner = std::string(id);
    if (seat.winner.empty())
      return table.FieldError(row, first_party, "'" + code +
                                                    "' is not a party code of the Library's summaries "
                                                    "(Con, Lab, LD, UKIP, Green, SNP, PC, DUP, SF, SDLP, UUP, "
                                                    "Alliance, Spk, Ind)");
    results.push_back(std::move(seat));
  }
  return results;
}

Result<std::vector<ConstituencyResult>> ReadConstituencyCsv(const std::string& path, bool has_header) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  return ReadConstituencyText(*text, path, has_header);
}

}  // namespace psephos
