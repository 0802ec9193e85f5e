#include "readers/stv_official.h"

#include <map>
#include <nlohmann/json.hpp>

#include "readers/csv.h"
#include "readers/fields.h"

namespace psephos {

namespace {

using nlohmann::json;

Result<std::string> Text(const json& object, const std::string& key, const std::string& file,
                         const std::string& where) {
  // Some transcriptions write figures as JSON numbers; their text is the figure as printed.
  auto it = object.find(key);
  if (it != object.end() && it->is_number()) return it->dump();
  if (it != object.end() && it->is_null()) return std::string();  // blank on the sheet
  if (it == object.end() || !it->is_string()) return MakeError("expected a string or a number", where + "." + key, file);
  return it->get<std::string>();
}

Result<int64_t> Whole(const json& object, const std::string& key, const std::string& file,
                      const std::string& where) {
  Result<std::string> text = Text(object, key, file, where);
  if (!text) return text.error();
  std::optional<int64_t> value = ParseCountText(*text);
  if (!value) return MakeError("expected a whole number, found '" + *text + "'", where + "." + key, file);
  return *value;
}

Result<int> Stage(const json& object, const std::string& key, const std::string& file, const std::string& where) {
  Result<int64_t> n = Whole(object, key, file, where);
  if (!n) return n.error();
  if (*n < 1 || *n > 1000) return MakeError("expected a stage number", where + "." + key, file);
  return static_cast<int>(*n);
}

}  // namespace

std::optional<SheetFigure> ParseSheetFigure(std::string_view text) {
  std::string t = TrimText(text);
  if (t.empty()) return std::nullopt;
  bool negative = t[0] == '-';
  if (negative) t = t.substr(1);
  size_t dot = t.find('.');
  std::string whole = t.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : t.substr(dot + 1);
  if (whole.empty() || frac.size() > 5) return std::nullopt;
  for (char c : whole + frac)
    if (c < '0' || c > '9') return std::nullopt;
  if (whole.size() > 9) return std::nullopt;
  SheetFigure f;
  f.decimals = static_cast<int>(frac.size());
  f.units = std::stoll(whole) * 100000 + (frac.empty() ? 0 : std::stoll(frac + std::string(5 - frac.size(), '0')));
  if (negative) f.units = -f.units;
  return f;
}

bool SheetFigure::Matches(int64_t exact) const {
  int64_t place = 1;
  for (int i = decimals; i < 5; ++i) place *= 10;
  int64_t diff = exact - units;
  if (diff < 0) diff = -diff;
  return 2 * diff <= place;  // half a unit of the last printed place (a rounding tie either way)
}

Result<OfficialStvCount> ParseOfficialStvCount(std::string_view text, const std::string& file) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) return MakeError("not valid JSON", "", file);
  OfficialStvCount sheet;
  sheet.file = file;
  if (!doc.contains("Constituency") || !doc["Constituency"].is_object())
    return MakeError("expected an object", "Constituency", file);
  const json& c = doc["Constituency"];
  if (!c.contains("countInfo") || !c["countInfo"].is_object()) return MakeError("expected an object", "Constituency.countInfo", file);
  if (!c.contains("countGroup") || !c["countGroup"].is_array()) return MakeError("expected an array", "Constituency.countGroup", file);
  const json& info = c["countInfo"];
  const std::string where = "Constituency.countInfo";
  Result<int64_t> seats = Whole(info, "Number_Of_Seats", file, where);
  Result<int64_t> valid = Whole(info, "Valid_Poll", file, where);
  Result<int64_t> quota = Whole(info, "Quota", file, where);
  Result<std::string> name = Text(info, "Constituency_Name", file, where);
  for (const Error* e : {seats ? nullptr : &seats.error(), valid ? nullptr : &valid.error(),
                         quota ? nullptr : &quota.error(), name ? nullptr : &name.error()})
    if (e) return *e;
  sheet.seats = static_cast<int>(*seats);
  sheet.valid_poll = *valid;
  sheet.quota = *quota;
  sheet.ward_name = *name;

  std::map<std::string, size_t> index;  // Candidate_Id -> position
  const json& group = c["countGroup"];
  for (size_t i = 0; i < group.size(); ++i) {
    const json& row = group[i];
    const std::string at = "Constituency.countGroup[" + std::to_string(i) + "]";
    if (!row.is_object()) return MakeError("expected an object", at, file);
    Result<int> stage = Stage(row, "Count_Number", file, at);
    Result<std::string> id = Text(row, "Candidate_Id", file, at);
    if (!stage) return stage.error();
    if (!id) return id.error();
    auto [it, added] = index.emplace(*id, sheet.candidates.size());
    if (added) {
      if (*stage != 1) return MakeError("candidate " + *id + " first appears after stage 1", at, file);
      OfficialStvCount::Candidate candidate;
      candidate.id = *id;
      Result<std::string> first = Text(row, "Firstname", file, at), last = Text(row, "Surname", file, at),
                          party = Text(row, "Party_Name", file, at);
      if (!first || !last || !party) return MakeError("expected Firstname, Surname and Party_Name", at, file);
      candidate.name = *first + " " + *last;
      candidate.party = *party;
      sheet.candidates.push_back(candidate);
    }
    if (static_cast<size_t>(*stage) > sheet.stages.size()) sheet.stages.resize(static_cast<size_t>(*stage));
    OfficialStvCount::Stage& s = sheet.stages[static_cast<size_t>(*stage) - 1];
    s.totals.resize(sheet.candidates.size());
    s.transfers.resize(sheet.candidates.size());
    for (auto [key, out] : {std::pair{"Total_Votes", &s.totals}, std::pair{"Transfers", &s.transfers}}) {
      Result<std::string> figure = Text(row, key, file, at);
      if (!figure) return figure.error();
      std::optional<SheetFigure> parsed = ParseSheetFigure(*figure);
      if (!parsed && !TrimText(*figure).empty())
        return MakeError("expected a number of votes, found '" + *figure + "'", at + "." + key, file);
      (*out)[it->second] = parsed;
    }
    Result<std::string> status = Text(row, "Status", file, at);
    if (!status) return status.error();
    if (*status == "Elected" || *status == "Excluded") {
      // The stage it occurred on; one Edinburgh 2012 sheet leaves it blank on the row of the
      // stage itself, so a blank means this row's stage. The first mention counts.
      Result<std::string> blank = Text(row, "Occurred_On_Count", file, at);
      Result<int> when = blank && TrimText(*blank).empty() ? Result<int>(*stage) : Stage(row, "Occurred_On_Count", file, at);
      if (!when) return when.error();
      int& slot = *status == "Elected" ? sheet.candidates[it->second].elected_at : sheet.candidates[it->second].excluded_at;
      if (slot == 0) slot = *when;
    } else if (!status->empty()) {
      return MakeError("expected Elected, Excluded or nothing, found '" + *status + "'", at + ".Status", file);
    }
  }
  for (auto& s : sheet.stages) {
    s.totals.resize(sheet.candidates.size());
    s.transfers.resize(sheet.candidates.size());
  }
  if (sheet.stages.empty()) return MakeError("no stages", "Constituency.countGroup", file);
  return sheet;
}

Result<OfficialStvCount> ReadOfficialStvCount(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  return ParseOfficialStvCount(*text, path);
}

}  // namespace psephos
