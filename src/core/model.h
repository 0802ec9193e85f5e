// model.h
//
// The election model: an Election (a night), its Councils, the Ward contests each council
// holds, and the Declaration of a ward's result with its Candidates. Plain values with no
// behaviour beyond small accessors; counting lives in ward_count.h, council outcomes in
// council_outcome.h.
//
// Identifiers follow the uk-election-ids convention (DOMAIN.md):
//   election group  local.2018-05-03
//   one council     local.trafford.2018-05-03      (Council::id is the slug "trafford")
//   one ward        local.trafford.altrincham.2018-05-03  (Declaration::ballot_id)
// Party keys are Electoral Commission ids ("PP53"); see party.h.
#ifndef PSEPHOS_CORE_MODEL_H_
#define PSEPHOS_CORE_MODEL_H_

#include <boost/container/flat_map.hpp>
#include <boost/container/vector.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/compact_string.h"
#include "core/optional_count.h"

namespace psephos {

enum class CouncilType { kLondonBorough, kMetropolitanBorough, kNonMetropolitanDistrict, kUnitary };
enum class ElectoralCycle { kAllOut, kThirds, kHalves };

// "london-borough", "metropolitan-borough", "non-metropolitan-district", "unitary".
std::string_view ToString(CouncilType type);
std::optional<CouncilType> ParseCouncilType(std::string_view text);
// "all-out", "thirds", "halves".
std::string_view ToString(ElectoralCycle cycle);
std::optional<ElectoralCycle> ParseElectoralCycle(std::string_view text);

// A list a night holds millions of: a vector whose size and capacity are 32-bit, so that it is 16
// bytes, not std::vector's 24. Every declaration holds one (its candidates) and every ward (its
// seats up): 2.9 million each at 1000x (BENCHMARKS.md, Memory). Used as std::vector is.
template <typename T>
using CompactVector =
    boost::container::vector<T, void, boost::container::vector_options_t<boost::container::stored_size<uint32_t>>>;

// Seats, or a change in seats, by control key or totals group: a council's handful of parties,
// in key order. One sorted block rather than a tree with a node a party: a council's seats not up,
// its outcome and its start hold fifteen of these, and the 1000x night's peak fell 5,124 -> 4,830
// MiB (BENCHMARKS.md). Keys are ShortStrings (an entry 16 bytes): party ids fit in the object.
using SeatsByKey = boost::container::flat_map<ShortString, int, std::less<>>;

// One seat up for election in a ward, as known before the night (from nominations). Its keys
// are ShortStrings (a party id, "PP53"; an independent's longer key goes to the heap) and a
// ward's texts CompactStrings, as a declaration's are: a 1000x night sets up 2.9 million wards
// and 4.4 million seats.
struct SeatUp {
  // Control key of the party defending the seat (the holder on the eve of poll);
  // nullopt when the seat is vacant.
  OptionalShortString defending;
  // Control key of the party that won this seat the last time it was fought (notional where
  // boundaries changed); nullopt when not known.
  OptionalShortString last_won;
};

// A ward as set up before the night: its identity and the seats it fills this time.
struct Ward {
  CompactString id;    // slug within the council: "altrincham"
  CompactString gss;   // ONS code (E05...), "" when not known
  CompactString name;  // "Altrincham"
  CompactVector<SeatUp> seats_up;
};

// A council and what is known of it before the night.
struct Council {
  std::string id;    // slug: "trafford"
  std::string gss;   // E06/E07/E08/E09..., "" when not known
  std::string name;  // "Trafford"
  CouncilType type = CouncilType::kNonMetropolitanDistrict;
  std::string region;  // "North West", "London", ...
  int total_seats = 0;  // every seat on the council, vacancies included
  ElectoralCycle cycle = ElectoralCycle::kAllOut;
  // Seats not up this time, by control key; vacancies among them counted apart.
  SeatsByKey not_up;
  int vacant_not_up = 0;
  std::vector<Ward> wards;
  // False when the council was inferred from declarations alone (no nominations data):
  // then there is no baseline and outcomes say "control" rather than "hold"/"gain".
  bool has_baseline = true;

  const Ward* FindWard(std::string_view ward_id) const;
  int SeatsUp() const;
};

// The name a CompactString (16 bytes, not 32), the party id a ShortString (8) and the votes 32
// bits, so that a candidate is 32 bytes: a 1000x night holds 14.3 million (BENCHMARKS.md, Memory).
struct Candidate {
  // The most votes a candidate can hold. Every reader refuses a count over 10^9; sums of votes
  // (WardCount::total_votes, the shares) are 64-bit.
  static constexpr int64_t kMaxVotes = 1'000'000'000;
  // A count a reader has checked (0..kMaxVotes), as a candidate holds it.
  static constexpr int32_t Votes(int64_t checked) { return static_cast<int32_t>(checked); }

  CompactString name;
  ShortString party;  // party registry id ("PP53"); independents: the registry's "IND"
  int32_t votes = 0;
  // The returning officer's word, when the source gives it. It is the truth when a tie for the
  // last seat was decided by lot.
  std::optional<bool> elected;
};

enum class PollStatus : uint8_t {
  kContested,    // votes counted
  kUncontested,  // candidates <= seats: elected unopposed, no votes recorded
  kPostponed,    // countermanded (e.g. a candidate died): no result on the night
};
std::string_view ToString(PollStatus status);
std::optional<PollStatus> ParsePollStatus(std::string_view text);

// How a ward's seats were filled. Under STV (Scottish and Northern Irish councils) the
// candidates' `votes` are first preferences and the `elected` flags come from the count
// (core/stv.h): first preferences alone do not say who won, so the flags are the truth.
enum class VotingSystem : uint8_t {
  kFirstPastThePost,  // "fptp"
  kStv,               // "stv"
};
std::string_view ToString(VotingSystem system);
std::optional<VotingSystem> ParseVotingSystem(std::string_view text);

// The declared result of one ward contest. Its texts are CompactStrings, as a candidate's are (its
// ballot id, nearly always longer than 15, a BallotIdString), and its counts OptionalCounts: a
// night keeps every declaration (2.9 million at 1000x).
struct Declaration {
  BallotIdString ballot_id;  // local.<council>.<ward>[.by].<date>
  CompactString council;    // council slug
  CompactString council_name;  // as the source names it; used when the council was not set up
  CompactString council_gss;   // "" when not known
  CompactString ward;       // ward slug
  CompactString ward_name;  // as declared
  CompactString ward_gss;   // "" when not known
  int seats = 1;
  PollStatus status = PollStatus::kContested;
  VotingSystem voting_system = VotingSystem::kFirstPastThePost;
  OptionalCount electorate;
  OptionalCount ballot_papers;  // ballot papers counted, rejected included
  OptionalCount rejected;
  CompactVector<Candidate> candidates;
  CompactString declared_at;  // ISO 8601 time of declaration, "" when not known

  // Turnout as a fraction (ballot papers / electorate), when both are known.
  std::optional<double> Turnout() const;
};

// An election night: one election group, its councils, and the declarations so far.
struct Election {
  std::string id;    // local.2018-05-03
  std::string name;  // "English local elections, 3 May 2018"
  std::string date;  // 2018-05-03
  bool rehearsal = false;
  std::vector<Council> councils;
};

// "Barnsley & Dearne" -> "barnsley-dearne": the slug rule of uk-election-ids (lower case,
// '&' and punctuation dropped, runs of anything else become one '-').
std::string Slugify(std::string_view name);

// local.<council>.<ward>.<date>
std::string BallotId(std::string_view council, std::string_view ward, std::string_view date);
// The polling date a ballot id ends with (its last ten characters); "" for an id shorter than a date.
std::string BallotDate(std::string_view ballot_id);

}  // namespace psephos

#endif  // PSEPHOS_CORE_MODEL_H_
