// sheffield_2016.h
//
// Reads Sheffield City Council's all-out election of 5 May 2016 as cut and pasted from the
// council's results pages (sheffield-2016-all-out/2016local.csv, no header, CRLF), with the
// optional ward turnout file beside it (2016turnout.csv: ward, electorate, turnout percent).
// The 2016 election is the one the 2018 thirds election is compared with.
//
//   Result<DeclarationSet> set = ReadSheffield2016(
//       dir + "/2016local.csv", dir + "/2016turnout.csv", DefaultPartyRegistry(), {});
//
// The results file mixes three kinds of row, told apart by the second field:
//   ward,candidate,<name>,<party label>,<votes>
//   ward,elected,"Elected: A, B and C, <party>."     (or "A and B, <party>, and C, <party>.")
//   ward,turnout,"Electorate: 14,399. Turnout: 39%"
// What the reader makes of them:
//   - One declaration per ward: ballot id local.sheffield.<ward-slug>.2016-05-05, three seats
//     (the 2016 all-out election on new boundaries filled every seat, three a ward), no GSS
//     codes (the file has none). Party labels are resolved through the registry.
//   - No per-candidate elected flags: the file has none, so `elected` stays unknown. The
//     "Elected:" line is a check instead: the three candidates with the most votes must be
//     the three it names, with the same parties, else the file is in error. Names compare
//     ignoring case, allowing the source's known misspellings: "Murphey" for Murphy and
//     "Mohammed" for Mohammad (see kKnownVariants). A tie
//     for third place cannot be checked and is an error.
//   - Electorate from the turnout line. Its percentage is rounded, so ballot papers are left
//     unknown rather than invented. When the turnout file is given, its electorate must agree.
#ifndef PSEPHOS_READERS_SHEFFIELD_2016_H_
#define PSEPHOS_READERS_SHEFFIELD_2016_H_

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/party.h"
#include "readers/declaration_set.h"

namespace psephos {

// turnout_path may be "" to skip the turnout file.
Result<DeclarationSet> ReadSheffield2016(const std::string& results_path,
                                         const std::string& turnout_path,
                                         const PartyRegistry& registry,
                                         const ReadOptions& options);
// turnout_text may be empty to skip the cross-check.
Result<DeclarationSet> ReadSheffield2016Text(std::string_view results_text, std::string results_file,
                                             std::string_view turnout_text, std::string turnout_file,
                                             const PartyRegistry& registry,
                                             const ReadOptions& options);

}  // namespace psephos

#endif  // PSEPHOS_READERS_SHEFFIELD_2016_H_
