#include "readers/results_file.h"

#include <fstream>

#include "readers/csv.h"
#include "readers/democracy_club.h"
#include "readers/lancashire.h"
#include "readers/lga.h"
#include "readers/london_2014.h"
#include "readers/london_2022.h"
#include "readers/scotland_stv_index.h"
#include "readers/sheffield_2016.h"

namespace psephos {

namespace {

constexpr std::string_view kFormats[] = {"dc-json",    "dc-csv",      "lga",            "ward-votes",
                                         "london-2014", "london-2022", "sheffield-2016", "lancashire",
                                         "scotland-stv"};

std::string FirstLine(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::getline(in, line);
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  return line;
}

// The format of a single file from its first line; "" when it cannot tell.
std::string Detect(const std::string& path) {
  std::string first = FirstLine(path);
  if (first.starts_with("[")) return "dc-json";
  if (first.starts_with("ballot_paper_id,")) return "dc-csv";
  if (first.starts_with("PublicationDate,OrganisationURI")) return "lga";
  if (first.starts_with("Ward_code,Borough_code")) return "london-2014";
  if (first.starts_with("council,council_slug,tier")) return "lancashire";
  if (first.starts_with("year,council,ward_code,ward_name,seats,")) return "scotland-stv";
  return "";
}

std::pair<std::string, std::string> SplitTwo(const std::string& files) {
  auto comma = files.find(',');
  if (comma == std::string::npos) return {files, ""};
  return {files.substr(0, comma), files.substr(comma + 1)};
}

}  // namespace

std::string_view ResultsFormatNames() {
  return "dc-json, dc-csv, lga, ward-votes, london-2014, london-2022, sheffield-2016, lancashire, scotland-stv";
}

Result<DeclarationSet> ReadResultsFile(const std::string& spec, const PartyRegistry& registry,
                                       const ReadOptions& options) {
  std::string format, files = spec;
  auto colon = spec.find(':');
  if (colon != std::string::npos) {
    std::string head = spec.substr(0, colon);
    for (std::string_view f : kFormats)
      if (head == f) {
        format = head;
        files = spec.substr(colon + 1);
      }
  }
  if (format.empty()) {
    format = Detect(files);
    if (format.empty())
      return MakeError("cannot tell the results format from the first line; name it as FORMAT:FILE (" +
                           std::string(ResultsFormatNames()) + ")",
                       "", files, 1);
  }
  if (format == "dc-json") return ReadDemocracyClubJson(files, registry, options);
  if (format == "dc-csv") return ReadDemocracyClubCsv(files, registry, options);
  if (format == "lga") return ReadLgaCsv(files, registry, options);
  if (format == "london-2014") return ReadLondon2014Csv(files, registry, options);
  if (format == "lancashire") return ReadLancashireCsv(files, registry, options);
  if (format == "scotland-stv") return ReadScotlandStvIndex(files, registry, options);
  if (format == "ward-votes") {
    auto c = files.find(':');
    if (c == std::string::npos) return MakeError("give ward-votes:COUNCIL:FILE", "--results", spec);
    WardVotesContext context;
    context.council = files.substr(0, c);
    return ReadWardVotesCsv(files.substr(c + 1), registry, options, context);
  }
  auto [first, second] = SplitTwo(files);
  if (second.empty())
    return MakeError("format " + format + " takes two files: " + format + ":FIRST,SECOND", "--results", spec);
  if (format == "london-2022") return ReadLondon2022Csv(first, second, registry, options);
  return ReadSheffield2016(first, second, registry, options);
}

}  // namespace psephos
