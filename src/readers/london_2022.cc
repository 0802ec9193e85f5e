#include "readers/london_2022.h"

#include <map>
#include <utility>
#include <vector>

#include "core/model.h"
#include "readers/csv.h"
#include "readers/fields.h"

namespace psephos {

namespace {

// Looks up named columns; the first missing one is the error.
Status FindColumns(const CsvTable& table,
                   std::initializer_list<std::pair<std::string_view, size_t*>> wanted) {
  for (const auto& [name, out] : wanted) {
    Result<size_t> index = table.Column(name);
    if (!index) return index.error();
    *out = *index;
  }
  return {};
}

Result<std::string> Required(const CsvTable& table, const CsvRow& row, size_t column,
                             std::string_view what) {
  std::string text = TrimText(row.fields[column]);
  if (text.empty()) return table.FieldError(row, column, "empty; expected " + std::string(what));
  return text;
}

// "Kensington & Chelsea" -> "Kensington and Chelsea": the borough files of other years spell
// it out, and Slugify drops '&', so this keeps one council slug across years.
std::string SpellOutAmpersand(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '&') out += "and";
    else out += c;
  }
  return out;
}

struct WardFigures {
  const CsvRow* row = nullptr;
  int64_t seats = 0, electorate = 0, ballot_papers = 0, rejected = 0;
  bool used = false;
};

struct WardColumns {
  size_t seats = 0, electorate = 0, valid = 0, rejected = 0, polling = 0, postal = 0, date = 0;
};

Result<std::map<std::string, WardFigures>> ReadWards(const CsvTable& table, const ReadOptions& options) {
  WardColumns c;
  size_t ward_gss = 0, borough_gss = 0;
  Status found = FindColumns(table, {{"num_councillors", &c.seats}, {"entitled_electors", &c.electorate},
                                     {"valid_ballots", &c.valid}, {"rejected_ballots", &c.rejected},
                                     {"ballots_polling", &c.polling}, {"ballots_postal", &c.postal},
                                     {"election_date", &c.date}, {"WD22CD", &ward_gss},
                                     {"LAD22CD", &borough_gss}});
  if (!found) return found.error();
  std::map<std::string, WardFigures> wards;
  for (const CsvRow& row : table.rows) {
    if (!options.election_date.empty() && TrimText(row.fields[c.date]) != options.election_date) continue;
    Result<std::string> borough = Required(table, row, borough_gss, "a borough GSS code (E09...)");
    if (!borough) return borough.error();
    Result<std::string> ward = Required(table, row, ward_gss, "a ward GSS code (E05...)");
    if (!ward) return ward.error();
    WardFigures figures;
    figures.row = &row;
    for (auto [column, out] : {std::pair{c.seats, &figures.seats}, std::pair{c.electorate, &figures.electorate},
                               std::pair{c.rejected, &figures.rejected}}) {
      Result<int64_t> value = ParseCount(table, row, column);
      if (!value) return value.error();
      *out = *value;
    }
    if (figures.seats < 1 || figures.seats > 3)
      return table.FieldError(row, c.seats, "a ward elects 1 to 3 councillors, not " + std::to_string(figures.seats));
    Result<int64_t> valid = ParseCount(table, row, c.valid);
    if (!valid) return valid.error();
    Result<int64_t> polling = ParseCount(table, row, c.polling);
    if (!polling) return polling.error();
    Result<int64_t> postal = ParseCount(table, row, c.postal);
    if (!postal) return postal.error();
    figures.ballot_papers = *polling + *postal;
    if (figures.rejected > figures.ballot_papers)
      return table.FieldError(row, c.rejected, "more rejected ballots than ballot papers (polling + postal)");
    std::string key = *borough + "/" + *ward;
    if (auto it = wards.find(key); it != wards.end())
      return table.FieldError(row, ward_gss, "ward " + *ward + " is listed twice (first at line " +
                                                 std::to_string(it->second.row->line) + ")");
    wards.emplace(std::move(key), figures);
  }
  return wards;
}

}  // namespace

Result<DeclarationSet> ReadLondon2022Text(std::string_view candidates_text,
                                          std::string candidates_file,
                                          std::string_view wards_text, std::string wards_file,
                                          const PartyRegistry& registry,
                                          const ReadOptions& options) {
  Result<CsvTable> candidates_table = ParseCsv(candidates_text, std::move(candidates_file));
  if (!candidates_table) return candidates_table.error();
  Result<CsvTable> wards_table = ParseCsv(wards_text, std::move(wards_file));
  if (!wards_table) return wards_table.error();
  const CsvTable& table = *candidates_table;

  size_t borough_name = 0, ward_name = 0, date = 0, surname = 0, firstname = 0, party = 0,
         votes = 0, elected = 0, ward_gss = 0, borough_gss = 0;
  Status found = FindColumns(table, {{"borough_original", &borough_name}, {"ward_original", &ward_name},
                                     {"election_date", &date}, {"surname", &surname},
                                     {"firstname", &firstname}, {"party", &party}, {"votes", &votes},
                                     {"elected", &elected}, {"WD22CD", &ward_gss}, {"LAD22CD", &borough_gss}});
  if (!found) return found.error();

  Result<std::map<std::string, WardFigures>> wards = ReadWards(*wards_table, options);
  if (!wards) return wards.error();

  DeclarationSet set;
  PartyResolver parties(registry, options.unknown_parties);
  std::map<std::string, size_t> ward_index;  // "<borough gss>/<ward gss>" -> declaration
  std::vector<const CsvRow*> ward_first_row;

  for (const CsvRow& row : table.rows) {
    Result<std::string> poll_date = Required(table, row, date, "the election date (YYYY-MM-DD)");
    if (!poll_date) return poll_date.error();
    if (!options.election_date.empty() && *poll_date != options.election_date) continue;
    Result<std::string> borough = Required(table, row, borough_gss, "a borough GSS code (E09...)");
    if (!borough) return borough.error();
    Result<std::string> ward = Required(table, row, ward_gss, "a ward GSS code (E05...)");
    if (!ward) return ward.error();
    Result<std::string> council_name = Required(table, row, borough_name, "the borough's name");
    if (!council_name) return council_name.error();
    Result<std::string> name_of_ward = Required(table, row, ward_name, "the ward's name");
    if (!name_of_ward) return name_of_ward.error();

    std::string key = *borough + "/" + *ward;
    auto figures = wards->find(key);
    if (figures == wards->end())
      return table.FieldError(row, ward_gss, "ward " + *ward + " of " + *borough + " is not in " +
                                                 wards_table->file);
    auto [it, is_new] = ward_index.emplace(key, set.declarations.size());
    if (is_new) {
      figures->second.used = true;
      Declaration d;
      d.council_name = SpellOutAmpersand(*council_name);
      d.council = Slugify(d.council_name);
      d.council_gss = *borough;
      d.ward_name = *name_of_ward;
      d.ward = Slugify(d.ward_name);
      d.ward_gss = *ward;
      d.ballot_id = BallotId(d.council, d.ward, *poll_date);
      d.seats = static_cast<int>(figures->second.seats);
      d.electorate = figures->second.electorate;
      d.ballot_papers = figures->second.ballot_papers;
      d.rejected = figures->second.rejected;
      set.declarations.push_back(std::move(d));
      ward_first_row.push_back(&row);
    }
    Declaration& d = set.declarations[it->second];
    if (d.ward_name != *name_of_ward)
      return table.FieldError(row, ward_name, "differs from the ward's first row (line " +
                                                  std::to_string(ward_first_row[it->second]->line) + ")");

    Candidate candidate;
    std::string first = TrimText(row.fields[firstname]);
    Result<std::string> last = Required(table, row, surname, "the candidate's surname");
    if (!last) return last.error();
    candidate.name = first.empty() ? *last : first + " " + *last;
    Result<std::string> id = parties.Resolve(row.fields[party], table, row, party);
    if (!id) return id.error();
    candidate.party = std::move(*id);
    Result<int64_t> count = ParseCount(table, row, votes);
    if (!count) return count.error();
    candidate.votes = Candidate::Votes(*count);
    Result<bool> flag = ParseFlag(table, row, elected, /*empty_is_false=*/false);
    if (!flag) return flag.error();
    candidate.elected = *flag;
    d.candidates.push_back(std::move(candidate));
  }

  for (size_t i = 0; i < set.declarations.size(); ++i) {
    Declaration& d = set.declarations[i];
    if (Status s = CheckFlaggedSeats(d, table, *ward_first_row[i], elected); !s) return s.error();
  }
  // Every ward of the ward file must have had candidates: otherwise the join lost a ward.
  for (const auto& [key, figures] : *wards) {
    if (figures.used) continue;
    Result<size_t> column = wards_table->Column("WD22CD");
    return wards_table->FieldError(*figures.row, column ? *column : 0,
                                   "ward " + key + " has no candidates in " + table.file);
  }
  set.new_parties = parties.new_parties();
  return set;
}

Result<DeclarationSet> ReadLondon2022Csv(const std::string& candidates_path,
                                         const std::string& wards_path,
                                         const PartyRegistry& registry,
                                         const ReadOptions& options) {
  Result<std::string> candidates = ReadFile(candidates_path);
  if (!candidates) return candidates.error();
  Result<std::string> wards = ReadFile(wards_path);
  if (!wards) return wards.error();
  return ReadLondon2022Text(*candidates, candidates_path, *wards, wards_path, registry, options);
}

}  // namespace psephos
