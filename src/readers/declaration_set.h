// declaration_set.h
//
// What a results reader returns: the complete, checked declarations of one file, or an Error
// naming the file, line and field. Readers are all-or-nothing: one bad row and the file gives
// no declarations at all.
//
//   ReadOptions options;                       // strict by default
//   Result<DeclarationSet> set = ReadLgaCsv(path, DefaultPartyRegistry(), options);
//   if (!set) return Fail(set.error());
//   night.ApplyAll(std::move(set->declarations));
#ifndef PSEPHOS_READERS_DECLARATION_SET_H_
#define PSEPHOS_READERS_DECLARATION_SET_H_

#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "readers/fields.h"

namespace psephos {

struct ReadOptions {
  UnknownParties unknown_parties = UnknownParties::kError;
  // Only polls held on this date (YYYY-MM-DD) when the file holds several; "" keeps all.
  std::string election_date;
};

struct DeclarationSet {
  std::vector<Declaration> declarations;  // one per ward contest, in file order
  // Labels that were not in the registry and became local parties (kLocal only): label -> id.
  std::map<std::string, std::string> new_parties;
  // Things a person should know that are not errors ("Faraday: a later poll, see SOURCE.md").
  std::vector<std::string> warnings;
};

}  // namespace psephos

#endif  // PSEPHOS_READERS_DECLARATION_SET_H_
