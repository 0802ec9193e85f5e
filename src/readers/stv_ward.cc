#include "readers/stv_ward.h"

#include <map>

namespace psephos {

namespace {

// Ballot-paper descriptions as the Scottish preference-profile files abbreviate them.
const std::map<std::string, std::string>& ScottishAbbreviations() {
  static const auto* table = new std::map<std::string, std::string>{
      {"C", "Conservative"}, {"Con", "Conservative"}, {"Lab", "Labour"}, {"LD", "Liberal Democrats"},
      {"Lib", "Liberal Democrats"}, {"Grn", "Green"}, {"SNP", "SNP"}, {"Ind", "Independent"},
      {"ind", "Independent"}, {"UKIP", "UKIP"}};
  return *table;
}

}  // namespace

Result<Declaration> StvDeclaration(const BallotProfile& profile, const StvCount& count,
                                   const StvWardContext& context, PartyResolver& parties) {
  if (static_cast<int>(count.elected.size()) != profile.seats)
    return MakeError("the count filled " + std::to_string(count.elected.size()) + " of " +
                         std::to_string(profile.seats) + " seats (a tie for the lot?)", "elected", context.file);
  Declaration d;
  d.council = context.council;
  d.council_name = context.council_name;
  d.ward_name = context.ward_name.empty() ? profile.title : context.ward_name;
  d.ward = Slugify(d.ward_name);
  d.ward_gss = context.ward_gss;
  d.ballot_id = BallotId(d.council, d.ward, context.date);
  d.seats = profile.seats;
  d.voting_system = VotingSystem::kStv;
  d.ballot_papers = count.valid_poll + count.empty_ballots;
  std::vector<int64_t> first = count.FirstPreferences();
  for (size_t c = 0; c < profile.candidates.size(); ++c) {
    std::string name = profile.candidates[c], label;
    if (size_t open = name.rfind(" ("); open != std::string::npos && name.ends_with(")")) {
      label = name.substr(open + 2, name.size() - open - 3);
      name = name.substr(0, open);
    }
    if (label.empty()) label = "Independent";
    auto known = ScottishAbbreviations().find(label);
    Result<std::string> party = parties.Resolve(known != ScottishAbbreviations().end() ? known->second : label,
                                                context.file, 0, "candidate " + std::to_string(c + 1));
    if (!party) return party.error();
    // Never more than the ballot papers, which the count holds to 10^8; checked all the same,
    // as a candidate holds 32 bits.
    const int64_t votes = first[c] / StvCount::kUnit;
    if (votes > Candidate::kMaxVotes)
      return MakeError("more than 1,000,000,000 first preferences (" + std::to_string(votes) + ")",
                       "candidate " + std::to_string(c + 1), context.file);
    d.candidates.push_back(Candidate{name, *party, Candidate::Votes(votes), count.IsElected(c)});
  }
  return d;
}

}  // namespace psephos
