// outcomes_csv.h
//
// The night's outcomes as flat CSV lines, keyed by ids only (no display names), for open-data
// users and for checking Psephos against other tools (bench/peers/ compute the same lines in
// SQL and pandas; scripts/bench batch compares them sorted). Changes are against the eve of
// poll, as news reports of control use. One line each, no header; a field holding a comma, a
// quote or a line break (an independent's key is the candidate's name) is quoted as RFC 4180
// says, every other field is written as it is:
//
//   ward,<ballot id>,<control key>,<seats won>          every declared ward's winners by party
//   council,<id>,<control>,<label>,<seats to declare>  control: a control key, NOC, or "" while
//                                                      not settled; label: "PP53 hold",
//                                                      "PP52 gain from NOC", "NOC gain from PP53",
//                                                      "NOC hold", or "" while not settled
//   seats,<council>,<control key>,<seats>              the composition after (seats held > 0)
//   party,<group>,<councils>,<change>,<seats>,<change> the state of the parties (settled councils)
//   noc,<councils>,<change>
//   settled,<councils settled>,<councils>
//
//   WriteOutcomesCsv(night, std::cout);
//   WriteOutcomesCsv(night, std::cout, run_both);  // made on two threads, the same lines
//                                                  // (psephos outcomes: cli's RunOnTwoThreads)
#ifndef PSEPHOS_PUBLISH_OUTCOMES_CSV_H_
#define PSEPHOS_PUBLISH_OUTCOMES_CSV_H_

#include <ostream>

#include "core/night.h"

namespace psephos {

// With `run_both`, each block of councils' lines is made on one of its two threads; the lines,
// and their order, are the same.
void WriteOutcomesCsv(const Night& night, std::ostream& out, const RunBoth& run_both = {});

}  // namespace psephos

#endif  // PSEPHOS_PUBLISH_OUTCOMES_CSV_H_
