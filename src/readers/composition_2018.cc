#include "readers/composition_2018.h"

#include <cctype>
#include <utility>

#include "readers/csv.h"
#include "readers/fields.h"

namespace psephos {

namespace {

bool HasLetterOrDigit(std::string_view text) {
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c))) return true;
  return false;
}

}  // namespace

Result<std::vector<CouncilComposition>> ReadCouncilSeatsText(std::string_view text,
                                                             std::string file,
                                                             const PartyRegistry& registry,
                                                             const ReadOptions& options) {
  Result<CsvTable> parsed = ParseCsv(text, std::move(file));
  if (!parsed) return parsed.error();
  const CsvTable& table = *parsed;
  size_t code = 0, name = 0, label = 0, seats = 0;
  for (auto [column, out] : {std::pair<std::string_view, size_t*>{"LAD18CD", &code}, {"LAD18NM", &name},
                             {"party_label_as_scraped", &label}, {"seats", &seats}}) {
    Result<size_t> index = table.Column(column);
    if (!index) return index.error();
    *out = *index;
  }

  std::vector<CouncilComposition> councils;
  std::map<std::string, size_t> index_of;
  PartyResolver parties(registry, options.unknown_parties);
  for (const CsvRow& row : table.rows) {
    std::string gss = TrimText(row.fields[code]);
    if (gss.empty()) return table.FieldError(row, code, "empty; expected a council GSS code");
    std::string council_name = TrimText(row.fields[name]);
    if (council_name.empty()) return table.FieldError(row, name, "empty; expected the council's name");
    std::string party_label = TrimText(row.fields[label]);
    // "_" is the scraper's mark for a councillor with no party shown.
    if (!party_label.empty() && !HasLetterOrDigit(party_label)) party_label = "Not specified";
    Result<std::string> id = parties.Resolve(party_label, table, row, label);
    if (!id) return id.error();
    Result<int64_t> count = ParseCount(table, row, seats);
    if (!count) return count.error();
    if (*count == 0 || *count > 200)
      return table.FieldError(row, seats, "expected 1 to 200 seats, not " + std::to_string(*count));

    auto [it, is_new] = index_of.emplace(gss, councils.size());
    if (is_new) councils.push_back(CouncilComposition{gss, council_name, {}, 0});
    CouncilComposition& council = councils[it->second];
    if (council.council_name != council_name)
      return table.FieldError(row, name, "'" + council_name + "' differs from the name given earlier for " +
                                             gss + " ('" + council.council_name + "')");
    // Several labels can name one party ("Labour", "Labour & Co-operative"): they add up.
    council.seats[*id] += static_cast<int>(*count);
    council.total += static_cast<int>(*count);
  }
  return councils;
}

Result<std::vector<CouncilComposition>> ReadCouncilSeatsCsv(const std::string& path,
                                                            const PartyRegistry& registry,
                                                            const ReadOptions& options) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  return ReadCouncilSeatsText(*text, path, registry, options);
}

}  // namespace psephos
