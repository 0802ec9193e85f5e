// memory_log.h
//
// A results log held in memory: nothing survives the process. For what must measure or exercise
// the engine without a disk — the incremental benchmark, the API fuzz targets (which write
// thousands of times a second), and tests of several engines on one log. Logs opened on one
// MemoryLogStore share its entries, as servers on one PostgreSQL log do (with no watch: a reader
// catches up by seq). Not for a night anyone needs afterwards; not thread-safe (each engine is
// single-threaded, and so are the tests that share a store).
//
//   auto store = std::make_shared<MemoryLogStore>();
//   std::unique_ptr<ResultsLog> a = OpenMemoryLog(store);
//   std::unique_ptr<ResultsLog> b = OpenMemoryLog(store);      // sees a's appends
#ifndef PSEPHOS_STORE_MEMORY_LOG_H_
#define PSEPHOS_STORE_MEMORY_LOG_H_

#include <deque>
#include <memory>

#include "store/results_log.h"

namespace psephos {

struct MemoryLogStore {
  // A deque: an append never moves the entries before it (a vector's growth moved them all,
  // which the incremental benchmark, run on this log, saw as its slowest declarations).
  std::deque<LogEntry> entries;
};

std::unique_ptr<ResultsLog> OpenMemoryLog(std::shared_ptr<MemoryLogStore> store = std::make_shared<MemoryLogStore>());

}  // namespace psephos

#endif  // PSEPHOS_STORE_MEMORY_LOG_H_
