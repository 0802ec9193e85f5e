// generator.h
//
// The demo night: a seeded, deterministic generator of a synthetic election night shaped like
// the English local elections of 3 May 2018 (150 councils, about 4,400 seats). It is made up:
// councils, wards and candidates have invented names, votes are drawn from a simple model,
// and no real result is copied. What it keeps from the real night is the shape: 32 London
// boroughs elected all-out, 34 metropolitan boroughs by thirds, 67 districts (mostly thirds),
// 17 unitaries; Labour holding London and the big cities, the Conservatives the shires, a few
// Liberal Democrat and hung councils; UKIP collapsing; counts through the night and a second
// wave on Friday; and the awkward cases a results service must handle (an uncontested ward,
// a tie decided by lot, a postponed poll), each at least once.
//
// The same options give the same night on every machine: the random numbers come from a PRNG
// written out in demo/internal/random.h and all arithmetic is integer. There is no I/O, clock
// or global state. Council GSS codes are left empty, as are ward codes: the places are not real.
//
//   GeneratedNight night = GenerateNight({.seed = 2018});
//   Result<Night> live = Night::Create(std::move(night.election), registry);  // core/night.h
//   for (Declaration& d : night.declarations) live->Apply(std::move(d));  // declared_at order
//
// `scale` multiplies the number of councils (scale 1000: 150,000 councils, about 4.4 million
// seats) for benchmarks; the work is linear in the size of the night.
#ifndef PSEPHOS_DEMO_GENERATOR_H_
#define PSEPHOS_DEMO_GENERATOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/model.h"

namespace psephos {

struct GeneratorOptions {
  uint64_t seed = 2018;
  // Copies of the 150-council night (each with fresh councils, names and votes); at least 1.
  int scale = 1;
  // Polling day, YYYY-MM-DD. Declarations run from the evening of this day into the next.
  std::string date = "2018-05-03";
};

struct GeneratedNight {
  // id local.<date>, name "Demo night: English local elections (synthetic)"; every council
  // with its seats not up (by control key) and the seats up in each ward, defended and last won.
  Election election;
  // One declaration per ward, sorted by declared_at (ISO 8601 with the UK offset, e.g.
  // "2018-05-04T02:13:27+01:00"); ties in time keep council and ward order.
  std::vector<Declaration> declarations;
};

// Generates the night. A scale below 1 counts as 1; a date that is not YYYY-MM-DD falls back
// to 2018-05-03 (the generator has no error path: its input is the programmer's).
GeneratedNight GenerateNight(const GeneratorOptions& options);

// The same night as a stream, for nights too big to hold (scale 1000 is about 3 million
// wards): `visit` gets each council in council order with its declarations in ward order,
// declared_at set, and may move from both. The councils and declarations are those of
// GenerateNight (which sorts the declarations by time).
//
//   Election header = NightElection(options);   // id, name, date, rehearsal; no councils
//   StreamNight(options, [&](Council& c, std::vector<Declaration>& ds) { ... });
using CouncilVisitor = std::function<void(Council& council, std::vector<Declaration>& declarations)>;
void StreamNight(const GeneratorOptions& options, const CouncilVisitor& visit);
Election NightElection(const GeneratorOptions& options);

}  // namespace psephos

#endif  // PSEPHOS_DEMO_GENERATOR_H_
