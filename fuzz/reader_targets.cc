// reader_targets.cc
//
// Fuzz targets for every reader: each parses the input as its file format from memory (the
// *Text variants), with unknown parties becoming local parties so that a label the registry
// lacks does not end the parse before the rest of the row is read. Where a reader's output
// feeds a count (BLT ballots, SV results) the count runs too, since a profile the reader
// accepts is one the count must survive. Night JSON is also written back and re-read: what
// WriteNightJson writes, ParseNightJson must accept; and its two paths (simdjson, nlohmann)
// must read the same night from whatever the first accepts.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/stv.h"
#include "core/supplementary_vote.h"
#include "fuzz_targets.h"
#include "readers/blt.h"
#include "readers/composition_2018.h"
#include "readers/constituency_csv.h"
#include "readers/democracy_club.h"
#include "readers/internal/night_json_paths.h"
#include "readers/lancashire.h"
#include "readers/lga.h"
#include "readers/london_2014.h"
#include "readers/london_2022.h"
#include "readers/night_json.h"
#include "readers/party_registry_reader.h"
#include "readers/sheffield_2016.h"
#include "readers/stv_official.h"
#include "readers/sv_results.h"

namespace psephos::fuzz {

std::pair<std::string_view, std::string_view> SplitFiles(std::string_view input) {
  size_t at = 0;
  while (at <= input.size()) {
    if (input.substr(at).starts_with(kFileSeparator))
      return {input.substr(0, at), input.substr(at + kFileSeparator.size())};
    const size_t next = input.find('\n', at);
    if (next == std::string_view::npos) break;
    at = next + 1;
  }
  return {input, {}};
}

void PropertyFailed(std::string_view target, std::string_view what) {
  std::fprintf(stderr, "fuzz target %.*s: %.*s\n", static_cast<int>(target.size()), target.data(),
               static_cast<int>(what.size()), what.data());
  std::abort();
}

namespace {

ReadOptions Lenient() {
  ReadOptions options;
  options.unknown_parties = UnknownParties::kLocal;
  return options;
}

const PartyRegistry& Registry() { return DefaultPartyRegistry(); }

void DcJson(std::string_view in) { (void)ReadDemocracyClubJsonText(in, "fuzz.json", Registry(), Lenient()); }
void DcCsv(std::string_view in) { (void)ReadDemocracyClubCsvText(in, "fuzz.csv", Registry(), Lenient()); }
void Lga(std::string_view in) { (void)ReadLgaCsvText(in, "fuzz.csv", Registry(), Lenient()); }
void WardVotes(std::string_view in) {
  ReadOptions options = Lenient();
  options.election_date = "2018-05-03";  // ward-votes needs a date (--date), the file has none
  (void)ReadWardVotesCsvText(in, "fuzz.csv", Registry(), options, WardVotesContext{"trafford", "", {}});
}
void London2014(std::string_view in) { (void)ReadLondon2014Text(in, "fuzz.csv", Registry(), Lenient()); }
void London2022(std::string_view in) {
  auto [candidates, wards] = SplitFiles(in);
  (void)ReadLondon2022Text(candidates, "candidates.csv", wards, "wards.csv", Registry(), Lenient());
}
void Sheffield2016(std::string_view in) {
  auto [results, turnout] = SplitFiles(in);
  (void)ReadSheffield2016Text(results, "2016local.csv", turnout, "2016turnout.csv", Registry(), Lenient());
}
void Lancashire(std::string_view in) { (void)ReadLancashireCsvText(in, "fuzz.csv", Registry(), Lenient()); }

void NightJson(std::string_view in) {
  // The two paths of ParseNightJson: what simdjson's accepts, nlohmann's must accept the same.
  if (std::optional<NightFile> fast = internal::ParseNightJsonWithSimdjson(in, "fuzz.json", Registry())) {
    Result<NightFile> exact = internal::ParseNightJsonWithNlohmann(in, "fuzz.json", Registry());
    if (!exact) PropertyFailed("night-json", "simdjson's path accepts what nlohmann's refuses: " + exact.error().ToString());
    if (WriteNightJson(fast->election, fast->declarations) != WriteNightJson(exact->election, exact->declarations))
      PropertyFailed("night-json", "simdjson's path and nlohmann's read different nights");
  }
  Result<NightFile> night = ParseNightJson(in, "fuzz.json", Registry());
  if (!night) return;
  const std::string written = WriteNightJson(night->election, night->declarations);
  Result<NightFile> again = ParseNightJson(written, "written.json", Registry());
  if (!again) PropertyFailed("night-json", "WriteNightJson wrote what ParseNightJson refuses: " + again.error().ToString());
}

void Composition2018(std::string_view in) { (void)ReadCouncilSeatsText(in, "fuzz.csv", Registry(), Lenient()); }
void ConstituencyCsv(std::string_view in) {
  // Both shapes: with a header (2017) and without (the copied 2015 file).
  (void)ReadConstituencyText(in, "fuzz.csv", true);
  (void)ReadConstituencyText(in, "fuzz.csv", false);
}

void Blt(std::string_view in) {
  Result<BallotProfile> profile = ParseBlt(in, "fuzz.blt");
  if (!profile) return;
  (void)CountStv(*profile, StvRules::kScotland);
  (void)CountStv(*profile, StvRules::kNorthernIreland);
}

void StvOfficial(std::string_view in) { (void)ParseOfficialStvCount(in, "fuzz.json"); }

void SvResults(std::string_view in) {
  auto contests = ParseSvResultsCsv(in, "fuzz.csv");
  if (!contests) return;
  for (const PublishedSvContest& published : *contests) {
    Result<SvCount> count = CountSupplementaryVote(published.contest);
    if (count) (void)ToMayoralResult(published, *count);
  }
}

constexpr FuzzTarget kTargets[] = {
    {"dc-json", DcJson},
    {"dc-csv", DcCsv},
    {"lga", Lga},
    {"ward-votes", WardVotes},
    {"london-2014", London2014},
    {"london-2022", London2022},
    {"sheffield-2016", Sheffield2016},
    {"lancashire", Lancashire},
    {"night-json", NightJson},
    {"composition-2018", Composition2018},
    {"constituency-csv", ConstituencyCsv},
    {"blt", Blt},
    {"stv-official", StvOfficial},
    {"sv-results", SvResults},
};

}  // namespace

std::span<const FuzzTarget> ReaderFuzzTargets() { return kTargets; }

}  // namespace psephos::fuzz
