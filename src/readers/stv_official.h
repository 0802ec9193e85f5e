// stv_official.h
//
// Reads a Scottish council's official STV count as transcribed to JSON by the #council17
// project (../shared/data/scotland-stv/official-count-json, SOURCE.md there): the result sheet
// of one ward, per stage every candidate's transfers and total, and when each was elected or
// excluded. The figures keep the precision the sheet printed them with (some sheets give five
// decimal places, some round to two), so that a count can be compared to the sheet's precision.
//
//   Result<OfficialStvCount> sheet = ReadOfficialStvCount(path);
//   sheet->stages[s].totals[c]      // a SheetFigure, or nullopt where the sheet is blank
//
// Candidates are in the order of the file's first stage. The sheet's names differ from the
// ballot file's ("Norman Work" vs "Norrie WORK (SNP)"), so match candidates by their first
// preferences (stage 1), not by name.
#ifndef PSEPHOS_READERS_STV_OFFICIAL_H_
#define PSEPHOS_READERS_STV_OFFICIAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace psephos {

// A number as printed: its value in 1/100000 of a vote and how many decimals it had.
struct SheetFigure {
  int64_t units = 0;
  int decimals = 0;
  // Whether `units` (exact) prints as this figure at the sheet's precision: within half a unit
  // of its last place, so 1250.04905 matches "1250.05" and "1250.04905" but not "1250.04".
  bool Matches(int64_t units) const;
};
std::optional<SheetFigure> ParseSheetFigure(std::string_view text);

struct OfficialStvCount {
  struct Candidate {
    std::string id;
    std::string name;   // "Firstname Surname"
    std::string party;
    int elected_at = 0;   // stage at which the sheet says "Elected" (0: not elected)
    int excluded_at = 0;  // stage at which the sheet says "Excluded" (0: never)
  };
  struct Stage {
    std::vector<std::optional<SheetFigure>> transfers;  // per candidate; nullopt where blank
    std::vector<std::optional<SheetFigure>> totals;
  };
  std::string file;
  std::string ward_name;
  int seats = 0;
  int64_t valid_poll = 0;
  int64_t quota = 0;
  std::vector<Candidate> candidates;
  std::vector<Stage> stages;
};

Result<OfficialStvCount> ReadOfficialStvCount(const std::string& path);
Result<OfficialStvCount> ParseOfficialStvCount(std::string_view text, const std::string& file);

}  // namespace psephos

#endif  // PSEPHOS_READERS_STV_OFFICIAL_H_
