// live_views.h
//
// The live service's own views, in the same JSON shapes as views.h: a summary of the night as
// of a sequence number, a Delta as the event stream sends it, and entries of the results log.
// Each is a function of the engine's state alone, so the same log gives the same bytes.
//
//   nlohmann::json j = DeltaJson(delta, engine);     // on each change, for the SSE stream
//   nlohmann::json s = NightSummaryJson(engine);     // GET /api/night
//   std::string page = LogPageJson(since, engine.seq(), rehearsal, entries);   // GET /api/log
#ifndef PSEPHOS_PUBLISH_LIVE_VIEWS_H_
#define PSEPHOS_PUBLISH_LIVE_VIEWS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "store/results_log.h"

namespace psephos {

// The election, whether it is a rehearsal, the seq, councils and wards declared, the state of
// the parties (all councils, eve of poll) and the headlines.
nlohmann::json NightSummaryJson(const Engine& engine);

// What changed: the entry (seq, kind, time, author), the council touched as CouncilJson
// without wards, its eve-of-poll headline when its outcome became news, and the state of the
// parties for all councils since the eve of poll.
nlohmann::json DeltaJson(const Delta& delta, const Engine& engine);

// GET /api/log's page, as text: {"entries": [...], "rehearsal", "seq", "since"}, each entry
// with its author, body, kind, time, seq and source, in the bytes nlohmann would write. A
// declaration's or a correction's body is given as it is stored, checked to be a JSON object but
// not parsed and written again: that was most of the route's time, a page being up to 1,000
// entries, and the engine stores them in the bytes a parse and a write would give
// (readers/json_writer.h); one put in the log by another program in another layout stays valid
// JSON, in its own layout. Other bodies are parsed and written again; one that is not JSON is
// given as a string.
std::string LogPageJson(int64_t since, int64_t seq, bool rehearsal, const std::vector<LogEntry>& entries);

}  // namespace psephos

#endif  // PSEPHOS_PUBLISH_LIVE_VIEWS_H_
