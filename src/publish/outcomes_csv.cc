#include "publish/outcomes_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Whether a field must be quoted (RFC 4180): it holds a comma, a quote or a line break. Ids
// never do; an independent's control key is its candidate's name ("IND:Smith, John"), which may.
// Sixteen bytes a step where SSE2 is there (every x86-64), the last step ending at the field's
// end, and a field shorter than that by a table: every field of 3.9 million lines at 1000x is
// looked at, and four compares a byte made the writing half as long again.
bool NeedsQuotes(std::string_view field) {
#if defined(__SSE2__)
  if (field.size() >= 16) {
    auto special = [](const char* at) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
      const __m128i found = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(',')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'))),
          _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r'))));
      return _mm_movemask_epi8(found) != 0;
    };
    for (size_t i = 0; i + 16 < field.size(); i += 16)
      if (special(field.data() + i)) return true;
    return special(field.data() + field.size() - 16);
  }
#endif
  static constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> special{};
    for (unsigned char c : {',', '"', '\n', '\r'}) special[c] = true;
    return special;
  }();
  bool any = false;
  for (char c : field) any |= kSpecial[static_cast<unsigned char>(c)];
  return any;
}

// One line of fields (ids, control keys, labels, numbers), appended where it will be written: a
// 1000x night is 3.9 million lines, and a string made for each piece of each was most of
// writing them. A field is quoted only where it must be, so that every other line is as the
// peers write it. The line ends with the statement that makes it.
class Line {
 public:
  explicit Line(std::string& text) : text_(text) {}
  Line& operator<<(std::string_view field) {
    if (!first_) text_ += ',';
    first_ = false;
    if (!NeedsQuotes(field)) {
      text_ += field;
      return *this;
    }
    text_ += '"';
    for (char c : field) {
      if (c == '"') text_ += '"';
      text_ += c;
    }
    text_ += '"';
    return *this;
  }
  Line& operator<<(int64_t n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    return *this << std::string_view(digits, static_cast<size_t>(end - digits));
  }
  Line& operator<<(int n) { return *this << int64_t{n}; }
  ~Line() { text_ += '\n'; }

 private:
  std::string& text_;
  bool first_ = true;
};

// A council's lines (its declared wards' winners, its control, its seats) appended to `text`.
void AppendCouncil(const Night& night, const Council& council, std::string& text) {
  const CouncilOutcome& o = *night.Outcome(council.id);
  if (const auto* declared = night.Declared(council.id)) {
    // A ward's winners by control key, in key order: one to three seats, so a few pairs sorted.
    std::vector<std::pair<std::string, int>> won;
    for (const WardResult& result : *declared) {
      won.clear();
      for (size_t i : result.count.elected) {
        const Candidate& c = result.declaration->candidates[i];
        std::string key = PartyRegistry::ControlKey(c.party, c.name);
        auto same = std::find_if(won.begin(), won.end(), [&](const auto& w) { return w.first == key; });
        if (same != won.end()) ++same->second;
        else won.emplace_back(std::move(key), 1);
      }
      std::sort(won.begin(), won.end());
      for (const auto& [key, n] : won) Line(text) << "ward" << result.declaration->ballot_id.view() << key << n;
    }
  }
  Line(text) << "council" << council.id << ControlId(o.control) << LabelId(o) << o.after.unknown;
  for (const auto& [key, n] : o.after.seats)
    if (n > 0) Line(text) << "seats" << council.id << key.view() << n;
}

// Councils a thread's text holds before it is written: some 3 MB at 1000x, so that two threads
// sharing the councils hold little beside a night at its peak, and a thread is started some
// forty times for its 150,000 councils.
constexpr size_t kCouncilBlock = 2048;

}  // namespace

void WriteOutcomesCsv(const Night& night, std::ostream& out, const RunBoth& run_both) {
  const std::vector<Council>& councils = night.councils();
  PartyTallies tallies(CouncilFilter{}, Baseline::kEveOfPoll);
  // The councils two blocks at a time, one block's lines made on each thread when there are two
  // (writing was a tenth of psephos outcomes at 1000x, on one core of two), then written in
  // order; the tallies, which only add up, are kept by the first of the two.
  std::string text, other;
  auto append = [&](size_t from, size_t to, std::string& into) {
    for (size_t i = from; i < to; ++i) AppendCouncil(night, councils[i], into);
  };
  for (size_t first = 0; first < councils.size(); first += 2 * kCouncilBlock) {
    const size_t half = std::min(councils.size(), first + kCouncilBlock);
    const size_t end = std::min(councils.size(), half + kCouncilBlock);
    auto here = [&] {
      append(first, half, text);
      for (size_t i = first; i < end; ++i)
        tallies.Add(councils[i], ContributionOf(*night.Outcome(councils[i].id), night.registry()));
    };
    if (run_both && end > half) run_both(here, [&] { append(half, end, other); });
    else {
      here();
      append(half, end, other);
    }
    out << text << other;
    text.clear();
    other.clear();
  }
  const StateOfParties state = tallies.State();
  for (const PartyTally& t : state.parties)
    Line(text) << "party" << t.group << t.councils << t.councils_change << t.seats << t.seats_change;
  Line(text) << "noc" << state.noc << state.noc_change;
  Line(text) << "settled" << state.councils_settled << state.councils_total;
  out << text;
}

}  // namespace psephos
