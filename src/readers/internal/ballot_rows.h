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
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/position_index.h"

namespace psephos::internal {

struct BallotRows {
  Declaration declaration;
  int64_t first_line = 0;

  void Add(Candidate candidate, int64_t line);
  // The line declaration.candidates[i] was read from.
  int64_t LineOf(size_t i) const { return lines_.empty() ? first_line + static_cast<int64_t>(i) : lines_[i]; }
  // Names the contest's place, once, when it is first seen: council and ward ids and names,
  // the ward's GSS code, and the council's GSS code where internal/council_codes.h knows it.
  void SetPlace(std::string_view council, std::string council_name, std::string_view ward,
                std::string ward_name, std::string ward_gss);
  // The same with the council's GSS code given, for a reader that has found it already (for
  // the council of the contest before).
  void SetPlace(std::string_view council, std::string council_name, std::string council_gss, std::string_view ward,
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

 private:
  // Each candidate's line, kept only once a contest's rows are not one run of lines (most are:
  // candidate i is then on first_line + i). Kept for every contest they were a block each, freed
  // only once the whole file was read: 186 MB of the 1000x night at the peak of reading it, and,
  // freed among the candidates' blocks, 115 MB of holes the night never filled (BENCHMARKS.md).
  std::vector<int64_t> lines_;
};

// Ballots in the order first seen, in blocks of 2,048 (some 500 KB), each ballot staying where it
// was put. std::deque's blocks are 512 bytes, one ballot each: a 1000x night's 2.9 million of
// them, allocated among the declarations' own blocks and all freed once read, left holes no later
// allocation of the night fitted (the 100x night's resident memory once read was 327 MB, of
// which 203 in use: glibc's malloc_stats). Blocks this large are the allocator's own mappings,
// given back whole as each is freed. (Boost.Container's deque, with its block size as an option,
// did the same, but 1.74's takes an offset from a null pointer when emptied by a move: UBSan.)
class BallotQueue {
 public:
  static constexpr size_t kBlock = 2048;

  BallotQueue() = default;
  // Moved, never copied: a copy's blocks would hold no room to grow in place. A queue moved from
  // is empty.
  BallotQueue(BallotQueue&& other) noexcept { *this = std::move(other); }
  BallotQueue& operator=(BallotQueue&& other) noexcept {
    if (this != &other) {
      blocks_ = std::move(other.blocks_);
      other.blocks_.clear();
      size_ = std::exchange(other.size_, 0);
      popped_ = std::exchange(other.popped_, 0);
      first_block_ = std::exchange(other.first_block_, 0);
    }
    return *this;
  }
  BallotQueue(const BallotQueue&) = delete;
  BallotQueue& operator=(const BallotQueue&) = delete;

  BallotRows& emplace_back() {
    if (blocks_.empty() || blocks_.back().size() == kBlock) {
      std::vector<BallotRows> block;
      block.reserve(kBlock);  // before it joins the list: a failed reserve leaves no block without room
      blocks_.push_back(std::move(block));
    }
    ++size_;
    return blocks_.back().emplace_back();
  }
  size_t size() const { return size_ - popped_; }
  bool empty() const { return size() == 0; }
  // The i-th ballot not yet popped.
  BallotRows& operator[](size_t i) {
    const size_t at = popped_ + i;
    return blocks_[at / kBlock - first_block_][at % kBlock];
  }
  BallotRows& front() { return (*this)[0]; }
  // Takes the first ballot off; its block is freed with the last ballot in it.
  void pop_front() {
    if (++popped_ == size_) {
      *this = BallotQueue();
    } else if (popped_ % kBlock == 0) {
      blocks_.pop_front();
      ++first_block_;
    }
  }

  // The ballots not yet popped, in order (for a range-for).
  class Iterator {
   public:
    Iterator(BallotQueue* queue, size_t i) : queue_(queue), i_(i) {}
    BallotRows& operator*() const { return (*queue_)[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const Iterator& other) const { return i_ == other.i_; }

   private:
    BallotQueue* queue_;
    size_t i_;
  };
  Iterator begin() { return {this, 0}; }
  Iterator end() { return {this, size()}; }

 private:
  // A block is reserved at kBlock and never grows past it, so no ballot moves.
  std::deque<std::vector<BallotRows>> blocks_;
  size_t size_ = 0;         // ballots ever added
  size_t popped_ = 0;       // of them, taken off the front
  size_t first_block_ = 0;  // blocks freed
};

// Ballots by id, remembering the order they were first seen.
class BallotIndex {
 public:
  // The ballot with this id; a new one (is_new set) when not seen before. The reference stays
  // good while other ballots are added.
  BallotRows& Get(std::string_view ballot_id, bool* is_new = nullptr);
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
