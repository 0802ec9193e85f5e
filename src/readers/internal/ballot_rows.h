// ballot_rows.h (internal)
//
// BallotRows: one ward contest being assembled from a results file's rows, with the line each
// candidate came from, so that checks made once the contest is whole (a repeated candidate,
// elected flags that disagree with the seats) can still name the line. Readers keep these in
// first-seen order, which is the file order DeclarationSet promises.
//
//   BallotIndex ballots;
//   BallotRows& rows = ballots.Get(ballot_id);   // created on first sight
//   rows.Add(candidate, line);
//   if (Status s = rows.CheckNoRepeatedCandidate(file, "candidate"); !s) return s.error();
#ifndef PSEPHOS_READERS_INTERNAL_BALLOT_ROWS_H_
#define PSEPHOS_READERS_INTERNAL_BALLOT_ROWS_H_

#include <cstdint>
#include <boost/container/deque.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/position_index.h"

namespace psephos::internal {

struct BallotRows {
  Declaration declaration;
  std::vector<int64_t> lines;  // lines[i] is where declaration.candidates[i] was read
  int64_t first_line = 0;

  void Add(Candidate candidate, int64_t line);
  // Names the contest's place, once, when it is first seen: council and ward ids and names,
  // the ward's GSS code, and the council's GSS code where internal/council_codes.h knows it.
  void SetPlace(std::string_view council, std::string council_name, std::string_view ward,
                std::string ward_name, std::string ward_gss);
  // A candidate named twice in one contest is a repeated row or two contests filed under one
  // ward: either way the file cannot be trusted for this ward. Names compare after trimming
  // and case folding. The error names the second row.
  Status CheckNoRepeatedCandidate(const std::string& file, std::string_view field) const;
  // The number of candidates flagged elected (flags absent count as not elected).
  int ElectedCount() const;
  // Holds the candidates so far in a block of their number, for a reader to call when a run of
  // the contest's rows has ended. Added a row at a time they grow by doubling, and a night keeps
  // every declaration: their blocks were 30% larger than the candidates in them (massif, 10x
  // night). Called while reading, not once the file is read, so that the block given up is
  // taken again by the next contest's rows; given up at the end, it stayed in the allocator,
  // and the 1000x night's peak resident memory rose, not fell.
  void FitCandidates() { declaration.candidates.shrink_to_fit(); }
};

// Ballots in the order first seen, in blocks of 2,048 (some 770 KB). std::deque's blocks are 512
// bytes, one ballot each: a 1000x night's 2.9 million of them, allocated among the declarations'
// own blocks and all freed once read, left holes no later allocation of the night fitted (the
// 100x night's resident memory once read was 327 MB, of which 203 in use: glibc's malloc_stats).
// Blocks this large are the allocator's own mappings, given back whole as each is freed.
using BallotQueue = boost::container::deque<
    BallotRows, void, boost::container::deque_options_t<boost::container::block_size<2048>>>;

// Ballots by id, remembering the order they were first seen.
class BallotIndex {
 public:
  // The ballot with this id; a new one (is_new set) when not seen before. The reference stays
  // good while other ballots are added.
  BallotRows& Get(const std::string& ballot_id, bool* is_new = nullptr);
  BallotQueue& ballots() { return ballots_; }
  // The ballots in the order first seen, the index left empty. Taking each declaration out and
  // popping its ballot frees the ballots as the declarations are moved on: a 1000x night is 2.9
  // million, and holding them twice (as ballots and as the declarations returned) was the peak
  // of reading it.
  BallotQueue TakeBallots();

 private:
  // A deque: no slack of doubling, no ballot moved when another is added.
  BallotQueue ballots_;
  // The ballots by id, by their places in ballots_. A 1000x night has 2.9 million ballots: an
  // ordered map compared their ids (which share their first dozen bytes, "local.") some twenty
  // times a row, and a hash map of nodes made a node and a copy of the id for each, and missed
  // the cache thrice a lookup.
  PositionIndex by_id_;
};

}  // namespace psephos::internal

#endif  // PSEPHOS_READERS_INTERNAL_BALLOT_ROWS_H_
