#include "store/results_log.h"

namespace psephos {

std::string_view ToString(EntryKind kind) {
  switch (kind) {
    case EntryKind::kSetup: return "setup";
    case EntryKind::kDeclaration: return "declaration";
    case EntryKind::kCorrection: return "correction";
    case EntryKind::kWithdrawal: return "withdrawal";
    case EntryKind::kCouncil: return "council";
    case EntryKind::kMayor: return "mayor";
  }
  return "?";
}

std::optional<EntryKind> ParseEntryKind(std::string_view text) {
  for (EntryKind k : {EntryKind::kSetup, EntryKind::kDeclaration, EntryKind::kCorrection, EntryKind::kWithdrawal,
                      EntryKind::kCouncil, EntryKind::kMayor})
    if (ToString(k) == text) return k;
  return std::nullopt;
}

}  // namespace psephos
