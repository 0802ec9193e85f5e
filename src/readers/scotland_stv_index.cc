#include "readers/scotland_stv_index.h"

#include <map>

#include "core/stv.h"
#include "readers/blt.h"
#include "readers/csv.h"
#include "readers/stv_ward.h"

namespace psephos {

namespace {

// Ordinary elections of Scottish councils since STV (Local Governance (Scotland) Act 2004).
const std::map<std::string, std::string>& PollDates() {
  static const auto* dates = new std::map<std::string, std::string>{
      {"2007", "2007-05-03"}, {"2012", "2012-05-03"}, {"2017", "2017-05-04"}, {"2022", "2022-05-05"}};
  return *dates;
}

}  // namespace

Result<DeclarationSet> ReadScotlandStvIndex(const std::string& path, const PartyRegistry& registry,
                                            const ReadOptions& options) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  Result<CsvTable> table = ParseCsv(*text, path);
  if (!table) return table.error();
  const char* names[] = {"year", "council", "ward_code", "ward_name", "seats", "blt_file"};
  size_t col[6];
  for (size_t i = 0; i < 6; ++i) {
    Result<size_t> c = table->Column(names[i]);
    if (!c) return c.error();
    col[i] = *c;
  }
  const std::string dir = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/'));
  PartyResolver parties(registry, options.unknown_parties);
  DeclarationSet set;
  for (const CsvRow& row : table->rows) {
    auto date = PollDates().find(std::string(row.fields[col[0]]));
    if (date == PollDates().end())
      return table->FieldError(row, col[0], "not the year of an ordinary Scottish council election");
    if (!options.election_date.empty() && date->second != options.election_date) continue;
    Result<BallotProfile> profile = ReadBlt(dir + "/" + std::string(row.fields[col[5]]));
    if (!profile) return profile.error();
    if (std::to_string(profile->seats) != row.fields[col[4]])
      return table->FieldError(row, col[4], "the ballot file elects " + std::to_string(profile->seats));
    Result<StvCount> count = CountStv(*profile, StvRules::kScotland);
    if (!count) return count.error();
    StvWardContext where{std::string(row.fields[col[1]]), "", std::string(row.fields[col[3]]),
                         std::string(row.fields[col[2]]), date->second, dir + "/" + std::string(row.fields[col[5]])};
    Result<Declaration> d = StvDeclaration(*profile, *count, where, parties);
    if (!d) return d.error();
    set.declarations.push_back(std::move(*d));
  }
  set.new_parties = parties.new_parties();
  return set;
}

}  // namespace psephos
