// results_file.h
//
// One entry point for every results format the readers know, chosen by name or detected from
// the file's first line. Used by the CLI (--results [FORMAT:]FILE) and, later, the API.
//
//   Result<DeclarationSet> set = ReadResultsFile("lga:trafford.csv", registry, options);
//   Result<DeclarationSet> set = ReadResultsFile("results.csv", registry, options);  // detected
//
// Formats (name: files):
//   dc-json         Democracy Club result sets, API JSON
//   dc-csv          Democracy Club result sets, flat CSV
//   lga             LGA transparency CSV (e.g. Trafford)
//   ward-votes      wardcode,ward,candidate,party,votes; as ward-votes:COUNCIL:FILE, needs --date;
//                   every ward elects one
//   london-2014     London borough elections 2014 candidate file
//   london-2022     GLA 2022 files, as london-2022:CANDIDATES,WARDS
//   sheffield-2016  Sheffield 2016 all-out, as sheffield-2016:RESULTS,TURNOUT
//   lancashire      DCLEAPIL-derived Lancashire ward results
//   scotland-stv    an index of Scottish STV ballot files, each ward counted (scotland_stv_index.h)
#ifndef PSEPHOS_READERS_RESULTS_FILE_H_
#define PSEPHOS_READERS_RESULTS_FILE_H_

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/party.h"
#include "readers/declaration_set.h"

namespace psephos {

std::string_view ResultsFormatNames();

// `spec` is FILE or FORMAT:FILE[,FILE2] as above. Fails on an unknown format, a file that
// cannot be detected, or any error of the format's reader.
Result<DeclarationSet> ReadResultsFile(const std::string& spec, const PartyRegistry& registry,
                                       const ReadOptions& options);

}  // namespace psephos

#endif  // PSEPHOS_READERS_RESULTS_FILE_H_
