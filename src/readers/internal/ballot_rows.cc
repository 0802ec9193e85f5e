#include "readers/internal/ballot_rows.h"

#include <array>
#include <functional>
#include <span>
#include <utility>

#include "core/ascii_case.h"
#include "core/repeats.h"
#include "readers/fields.h"
#include "readers/internal/council_codes.h"

namespace psephos::internal {

namespace {

// A name's key for Repeats past its pairwise size: equal where EqualIgnoringCase says so.
std::string FoldName(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

}  // namespace

void BallotRows::SetPlace(std::string_view council, std::string council_name, std::string_view ward,
                          std::string ward_name, std::string ward_gss) {
  SetPlace(council, std::move(council_name), KnownCouncilGss(council), ward, std::move(ward_name), std::move(ward_gss));
}

void BallotRows::SetPlace(std::string_view council, std::string council_name, std::string council_gss,
                          std::string_view ward, std::string ward_name, std::string ward_gss) {
  declaration.council = std::string(council);
  declaration.council_name = std::move(council_name);
  declaration.council_gss = std::move(council_gss);
  declaration.ward = std::string(ward);
  declaration.ward_name = std::move(ward_name);
  declaration.ward_gss = std::move(ward_gss);
}

void BallotRows::Add(Candidate candidate, int64_t line) {
  const size_t i = declaration.candidates.size();
  if (i == 0) first_line = line;
  if (lines_.empty() && line != first_line + static_cast<int64_t>(i)) {
    lines_.reserve(i + 1);
    for (size_t k = 0; k < i; ++k) lines_.push_back(first_line + static_cast<int64_t>(k));
  }
  if (!lines_.empty()) lines_.push_back(line);
  declaration.candidates.push_back(std::move(candidate));
}

Status BallotRows::CheckNoRepeatedCandidate(const std::string& file,
                                            std::string_view field) const {
  const CompactVector<Candidate>& candidates = declaration.candidates;
  // Each name is trimmed once, not once a pair; on the stack for any usual contest.
  std::array<std::string_view, 32> few;
  std::vector<std::string_view> many;
  if (candidates.size() > few.size()) many.resize(candidates.size());
  const std::span<std::string_view> names(many.empty() ? few.data() : many.data(), candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) names[i] = TrimView(candidates[i].name);
  Repeats repeated(names, EqualIgnoringCase, FoldName);
  for (size_t i = 0; i < candidates.size(); ++i)
    if (repeated.Of(i))
      return MakeError("candidate '" + candidates[i].name + "' appears twice in " + declaration.ballot_id +
                           " (a repeated row, or two contests under one ward)",
                       std::string(field), file, LineOf(i));
  return {};
}

int BallotRows::ElectedCount() const {
  int n = 0;
  for (const Candidate& c : declaration.candidates) n += c.elected.value_or(false) ? 1 : 0;
  return n;
}

void BallotIndex::Reserve(size_t n) {
  declarations_.reserve(n);
  lines_.reserve(n);
  // The index by id is left to grow: its slots are written when made, so room for an estimate
  // would be memory used, not address space only.
}

BallotRows BallotIndex::Get(std::string_view ballot_id, bool* is_new) {
  const size_t place = by_id_.FindOrAdd(std::hash<std::string_view>{}(ballot_id), declarations_.size(), [&](size_t p) {
    return declarations_[p].ballot_id == ballot_id;
  });
  if (is_new) *is_new = place == declarations_.size();
  if (place == declarations_.size()) {
    declarations_.emplace_back().ballot_id = ballot_id;
    lines_.emplace_back();
  }
  return {declarations_[place], lines_[place]};
}

std::vector<Declaration> BallotIndex::TakeDeclarations() {
  by_id_ = {};
  lines_ = {};
  return std::exchange(declarations_, {});
}

}  // namespace psephos::internal
