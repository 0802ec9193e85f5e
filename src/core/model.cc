#include "core/model.h"

#include <cctype>

namespace psephos {

namespace {

template <typename E, size_t N>
std::optional<E> ParseEnum(std::string_view text, const std::pair<E, std::string_view> (&names)[N]) {
  for (const auto& [value, name] : names)
    if (name == text) return value;
  return std::nullopt;
}

constexpr std::pair<CouncilType, std::string_view> kCouncilTypes[] = {
    {CouncilType::kLondonBorough, "london-borough"},
    {CouncilType::kMetropolitanBorough, "metropolitan-borough"},
    {CouncilType::kNonMetropolitanDistrict, "non-metropolitan-district"},
    {CouncilType::kUnitary, "unitary"},
};
constexpr std::pair<ElectoralCycle, std::string_view> kCycles[] = {
    {ElectoralCycle::kAllOut, "all-out"},
    {ElectoralCycle::kThirds, "thirds"},
    {ElectoralCycle::kHalves, "halves"},
};
constexpr std::pair<PollStatus, std::string_view> kStatuses[] = {
    {PollStatus::kContested, "contested"},
    {PollStatus::kUncontested, "uncontested"},
    {PollStatus::kPostponed, "postponed"},
};
constexpr std::pair<VotingSystem, std::string_view> kSystems[] = {
    {VotingSystem::kFirstPastThePost, "fptp"},
    {VotingSystem::kStv, "stv"},
};

template <typename E, size_t N>
std::string_view NameOf(E value, const std::pair<E, std::string_view> (&names)[N]) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return "?";
}

}  // namespace

std::string_view ToString(CouncilType type) { return NameOf(type, kCouncilTypes); }
std::optional<CouncilType> ParseCouncilType(std::string_view text) {
  return ParseEnum(text, kCouncilTypes);
}
std::string_view ToString(ElectoralCycle cycle) { return NameOf(cycle, kCycles); }
std::optional<ElectoralCycle> ParseElectoralCycle(std::string_view text) {
  return ParseEnum(text, kCycles);
}
std::string_view ToString(PollStatus status) { return NameOf(status, kStatuses); }
std::optional<PollStatus> ParsePollStatus(std::string_view text) {
  return ParseEnum(text, kStatuses);
}
std::string_view ToString(VotingSystem system) { return NameOf(system, kSystems); }
std::optional<VotingSystem> ParseVotingSystem(std::string_view text) {
  return ParseEnum(text, kSystems);
}

const Ward* Council::FindWard(std::string_view ward_id) const {
  for (const Ward& ward : wards)
    if (ward.id == ward_id) return &ward;
  return nullptr;
}

int Council::SeatsUp() const {
  int seats = 0;
  for (const Ward& ward : wards) seats += static_cast<int>(ward.seats_up.size());
  return seats;
}

std::optional<double> Declaration::Turnout() const {
  if (!electorate || !ballot_papers || *electorate <= 0) return std::nullopt;
  return static_cast<double>(*ballot_papers) / static_cast<double>(*electorate);
}

std::string Slugify(std::string_view name) {
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == '\'' || c == '`' || c == '.') continue;  // "St. John's" -> "st-johns"
    if (std::isalnum(c)) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      dash = true;
    }
  }
  return out;
}

std::string BallotDate(std::string_view ballot_id) {
  return ballot_id.size() >= 10 ? std::string(ballot_id.substr(ballot_id.size() - 10)) : "";
}

std::string BallotId(std::string_view council, std::string_view ward, std::string_view date) {
  std::string id = "local.";
  id += council;
  id += '.';
  id += ward;
  id += '.';
  id += date;
  return id;
}

}  // namespace psephos
