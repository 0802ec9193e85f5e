// ballot_rows.h (internal)
//
// BallotRows: one ward contest being assembled from a results file's rows, with the line each
// candidate came from, so that checks made once the contest is whole (a repeated candidate,
// elected flags that disagree with the seats) can still name the line. A BallotIndex holds the
// contests in first-seen order, which is the file order DeclarationSet promises, and hands their
// declarations over as they are, in the list a DeclarationSet returns.
//
//   BallotIndex ballots;
//   ballots.Reserve(expected);                 // optional: the list is then not moved as it grows
//   BallotRows rows = ballots.Get(ballot_id);  // created on first sight; good until the next Get
//   rows.Add(candidate, line);
//   for (BallotRows rows : ballots.ballots())
//     if (Status s = rows.CheckNoRepeatedCandidate(file, "candidate"); !s) return s.error();
//   set.declarations = ballots.TakeDeclarations();
#ifndef PSEPHOS_READERS_INTERNAL_BALLOT_ROWS_H_
#define PSEPHOS_READERS_INTERNAL_BALLOT_ROWS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/position_index.h"

namespace psephos::internal {

// Where a contest's lines are kept beside its declaration.
struct BallotLines {
  int64_t first = 0;
  // Each candidate's line, kept only once a contest's rows are not one run of lines (most are:
  // candidate i is then on first + i). Kept for every contest they were a block each, freed
  // only once the whole file was read: 186 MB of the 1000x night at the peak of reading it, and,
  // freed among the candidates' blocks, 115 MB of holes the night never filled (BENCHMARKS.md).
  std::vector<int64_t> each;
};

// A contest of a BallotIndex: its declaration and its lines, where the index holds them.
class BallotRows {
 public:
  BallotRows(Declaration& declaration, BallotLines& lines)
      : declaration(declaration), first_line(lines.first), lines_(lines.each) {}

  Declaration& declaration;
  int64_t& first_line;  // the line of its first row

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
  std::vector<int64_t>& lines_;
};

// Ballots by id, in the order they were first seen: their declarations in one list, the list
// a DeclarationSet returns, so that a reader hands them over as they are. (They were assembled
// apart and moved into that list once the file was read: at 1000x 2.9 million moves, and the
// kernel's faults for a list of 580 MB made then, a second on one thread.)
class BallotIndex {
 public:
  // Room for about `n` ballots: the list then grows in place, where doubling moved every ballot
  // and held the list twice while it did (1000x: 580 MB). Room not used is address space only,
  // never touched; more ballots than `n` grow the list as usual.
  void Reserve(size_t n);
  // The ballot with this id; a new one (is_new set) when not seen before. Good until the next
  // Get, which may move the list.
  BallotRows Get(std::string_view ballot_id, bool* is_new = nullptr);
  size_t size() const { return declarations_.size(); }

  // The ballots in the order first seen (for a range-for; each a BallotRows).
  class Ballots {
   public:
    class Iterator {
     public:
      Iterator(BallotIndex* index, size_t i) : index_(index), i_(i) {}
      BallotRows operator*() const { return {index_->declarations_[i_], index_->lines_[i_]}; }
      Iterator& operator++() {
        ++i_;
        return *this;
      }
      bool operator==(const Iterator& other) const { return i_ == other.i_; }

     private:
      BallotIndex* index_;
      size_t i_;
    };
    explicit Ballots(BallotIndex* index) : index_(index) {}
    Iterator begin() const { return {index_, 0}; }
    Iterator end() const { return {index_, index_->size()}; }
    BallotRows operator[](size_t i) const { return *Iterator(index_, i); }
    bool empty() const { return index_->size() == 0; }

   private:
    BallotIndex* index_;
  };
  Ballots ballots() { return Ballots(this); }

  // The declarations in the order first seen, the index left empty.
  std::vector<Declaration> TakeDeclarations();

 private:
  std::vector<Declaration> declarations_;
  std::vector<BallotLines> lines_;  // lines_[i] those of declarations_[i]
  // The ballots by id, by their places in declarations_. A 1000x night has 2.9 million ballots:
  // an ordered map compared their ids (which share their first dozen bytes, "local.") some twenty
  // times a row, and a hash map of nodes made a node and a copy of the id for each, and missed
  // the cache thrice a lookup.
  PositionIndex by_id_;
};

}  // namespace psephos::internal

#endif  // PSEPHOS_READERS_INTERNAL_BALLOT_ROWS_H_
