#include "demo/internal/profile.h"

#include <algorithm>
#include <vector>

#include "demo/internal/names.h"

namespace psephos::demo_internal {

namespace {

// An archetype: its weight among councils of a type, and vote shares in percent when the seats
// were last fought, in PartyIndex order (Con, Lab, LD, Green, UKIP, Ind, Res, minor).
struct Archetype {
  int weight;
  Weights shares;
  int independent_per_mille;
};

// The shares are loosely those of 2014 local results in such places: they are a shape, not data.
const std::vector<Archetype>& ArchetypesFor(CouncilType type) {
  static const std::vector<Archetype> london = {
      {58, {24, 46, 9, 9, 8, 1, 0, 3}, 30},   // inner and east London, Labour
      {16, {43, 27, 11, 8, 8, 1, 0, 2}, 30},  // outer London, Conservative
      {16, {35, 36, 10, 8, 8, 1, 0, 2}, 30},  // Labour-Conservative battleground
      {10, {36, 14, 34, 7, 7, 0, 0, 2}, 30},  // south-west London, Lib Dem-Conservative
  };
  static const std::vector<Archetype> metropolitan = {
      {70, {22, 48, 7, 4, 17, 1, 0, 1}, 60},  // Labour city
      {16, {33, 39, 8, 4, 14, 1, 0, 1}, 60},  // Labour-Conservative battleground
      {5, {45, 30, 8, 4, 12, 1, 0, 0}, 60},   // Conservative suburb
      {9, {15, 38, 28, 3, 14, 2, 0, 0}, 80},  // Labour-Lib Dem
  };
  static const std::vector<Archetype> district = {
      {34, {41, 21, 15, 5, 15, 3, 0, 0}, 100},  // Conservative shire
      {18, {35, 34, 8, 4, 17, 2, 0, 0}, 80},    // Conservative-Labour battleground
      {12, {29, 45, 6, 4, 15, 1, 0, 0}, 60},    // Labour town
      {12, {36, 12, 33, 4, 13, 2, 0, 0}, 80},   // Lib Dem-Conservative
      {13, {30, 24, 22, 4, 17, 3, 0, 0}, 120},  // three-way
      {11, {30, 16, 12, 4, 12, 26, 0, 0}, 500}, // independent-minded
  };
  static const std::vector<Archetype> unitary = {
      {35, {26, 45, 8, 4, 15, 2, 0, 0}, 60},   // Labour city
      {22, {44, 24, 12, 5, 14, 1, 0, 0}, 80},  // Conservative
      {25, {36, 36, 9, 4, 14, 1, 0, 0}, 60},   // battleground
      {10, {30, 26, 24, 4, 15, 1, 0, 0}, 80},  // three-way
      {8, {22, 33, 30, 3, 11, 1, 0, 0}, 60},   // Labour-Lib Dem
  };
  switch (type) {
    case CouncilType::kLondonBorough: return london;
    case CouncilType::kMetropolitanBorough: return metropolitan;
    case CouncilType::kNonMetropolitanDistrict: return district;
    case CouncilType::kUnitary: return unitary;
  }
  return district;
}

}  // namespace

CouncilProfile MakeProfile(Rng& rng, CouncilType type) {
  const std::vector<Archetype>& archetypes = ArchetypesFor(type);
  std::vector<int> weights;
  for (const Archetype& a : archetypes) weights.push_back(a.weight);
  const Archetype& archetype = archetypes[rng.Pick(weights)];
  const bool london = type == CouncilType::kLondonBorough;

  CouncilProfile profile;
  profile.independent_per_mille = archetype.independent_per_mille;
  for (int p = 0; p < kPartyCount; ++p) profile.last[p] = archetype.shares[p] * 10;
  // Each council its own lean around the archetype (sd about 5 points for the big three).
  for (int p : {kCon, kLab, kLd})
    profile.last[p] = std::max(20, profile.last[p] + static_cast<int>(rng.Bell(50)));
  // Residents' groups: outer London and commuter districts (Havering, Epsom and Ewell...).
  if ((london && profile.last[kCon] > 300 && rng.Chance(1, 5)) ||
      (type == CouncilType::kNonMetropolitanDistrict && rng.Chance(1, 12))) {
    profile.has_residents = true;
    profile.last[kRes] = rng.Between(150, 300);
    profile.last[kCon] = std::max(100, profile.last[kCon] - profile.last[kRes] / 2);
  }
  const std::vector<std::string>& minors = MinorPartyIds();
  profile.minor_party = minors[rng.Below(minors.size())];

  // 2014 -> 2018: UKIP keeps about a seventh of its vote; the rest goes mostly Conservative
  // outside London. London moves to Labour, the Lib Dems recover everywhere, more where strong.
  Weights& now = profile.now;
  now = profile.last;
  const int ukip_lost = now[kUkip] - now[kUkip] * 15 / 100;
  now[kUkip] -= ukip_lost;
  if (london) {
    now[kCon] += ukip_lost * 40 / 100 - 30;
    now[kLab] += ukip_lost * 30 / 100 + 30;
    now[kLd] += ukip_lost * 30 / 100 + 30;
  } else {
    now[kCon] += ukip_lost * 55 / 100 + 10;
    now[kLab] += ukip_lost * 25 / 100 + 10;
    now[kLd] += ukip_lost * 20 / 100 + 30;
  }
  if (profile.last[kLd] > 220) now[kLd] += 50;  // where they are strong they gain most
  // And each council its own swing (sd about 2.5 points).
  for (int p : {kCon, kLab, kLd})
    now[p] = std::max(20, now[p] + static_cast<int>(rng.Bell(25)));
  return profile;
}

std::string_view PartyId(PartyIndex party, const CouncilProfile& profile) {
  switch (party) {
    case kCon: return "PP52";
    case kLab: return "PP53";
    case kLd: return "PP90";
    case kGrn: return "PP63";
    case kUkip: return "PP85";
    case kInd: return "IND";
    case kRes: return "RES";
    case kMinor: return profile.minor_party;
    case kPartyCount: break;
  }
  return "IND";
}

}  // namespace psephos::demo_internal
