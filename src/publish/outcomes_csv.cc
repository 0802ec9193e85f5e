#include "publish/outcomes_csv.h"

#include <map>
#include <string>

#include "core/state_of_parties.h"

namespace psephos {

namespace {

std::string ControlId(const Control& control) {
  if (!control.settled) return "";
  return std::string(control.party.value_or("NOC"));
}

// The eve-of-poll label with ids for names (CouncilOutcome::Label's rule).
std::string LabelId(const CouncilOutcome& o) {
  if (!o.control.settled) return "";
  const std::string after = ControlId(o.control);
  const std::string before = ControlId(o.before_eve_of_poll);
  if (after == before) return after + " hold";
  return after + " gain from " + before;
}

}  // namespace

void WriteOutcomesCsv(const Night& night, std::ostream& out) {
  PartyTallies tallies(CouncilFilter{}, Baseline::kEveOfPoll);
  std::string text;
  for (const Council& council : night.councils()) {
    const CouncilOutcome& o = *night.Outcome(council.id);
    tallies.Add(council, ContributionOf(o, night.registry()));
    if (const auto* declared = night.Declared(council.id)) {
      for (const WardResult& result : *declared) {
        std::map<std::string, int> won;
        for (size_t i : result.count.elected) {
          const Candidate& c = result.declaration->candidates[i];
          ++won[PartyRegistry::ControlKey(c.party, c.name)];
        }
        for (const auto& [key, n] : won)
          text += "ward," + result.declaration->ballot_id + "," + key + "," + std::to_string(n) + "\n";
      }
    }
    text += "council," + council.id + "," + ControlId(o.control) + "," + LabelId(o) + "," +
            std::to_string(o.after.unknown) + "\n";
    for (const auto& [key, n] : o.after.seats)
      if (n > 0) text += "seats," + council.id + "," + key + "," + std::to_string(n) + "\n";
    if (text.size() > (1 << 16)) {
      out << text;
      text.clear();
    }
  }
  const StateOfParties state = tallies.State();
  for (const PartyTally& t : state.parties)
    text += "party," + t.group + "," + std::to_string(t.councils) + "," + std::to_string(t.councils_change) +
            "," + std::to_string(t.seats) + "," + std::to_string(t.seats_change) + "\n";
  text += "noc," + std::to_string(state.noc) + "," + std::to_string(state.noc_change) + "\n";
  text += "settled," + std::to_string(state.councils_settled) + "," + std::to_string(state.councils_total) + "\n";
  out << text;
}

}  // namespace psephos
