#include "store/memory_log.h"

#include <algorithm>
#include <string>
#include <utility>

namespace psephos {
namespace {

class MemoryLog final : public ResultsLog {
 public:
  explicit MemoryLog(std::shared_ptr<MemoryLogStore> store) : store_(std::move(store)) {}

  Result<AppendOutcome> AppendAfter(int64_t last_seq, std::vector<LogEntry>& entries) override {
    if (last_seq != kAnySeq && last_seq != LastSeq()) return AppendOutcome::kLogMoved;
    for (LogEntry& e : entries) {
      e.seq = LastSeq() + 1;
      store_->entries.push_back(e);
    }
    return AppendOutcome::kAppended;
  }

  Result<std::vector<LogEntry>> Read(int64_t after_seq, size_t limit) const override {
    std::vector<LogEntry> out;
    for (size_t i = static_cast<size_t>(std::max<int64_t>(after_seq, 0));
         i < store_->entries.size() && out.size() < limit; ++i)
      out.push_back(store_->entries[i]);
    return out;
  }

  int64_t LastSeq() const override { return static_cast<int64_t>(store_->entries.size()); }
  std::string Describe() const override { return "memory"; }

 private:
  std::shared_ptr<MemoryLogStore> store_;
};

}  // namespace

std::unique_ptr<ResultsLog> OpenMemoryLog(std::shared_ptr<MemoryLogStore> store) {
  return std::make_unique<MemoryLog>(std::move(store));
}

}  // namespace psephos
