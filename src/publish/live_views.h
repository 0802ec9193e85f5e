// live_views.h
//
// The live service's own views, in the same JSON shapes as views.h: a summary of the night as
// of a sequence number, a Delta as the event stream sends it, and entries of the results log.
// Each is a function of the engine's state alone, so the same log gives the same bytes.
//
//   nlohmann::json j = DeltaJson(delta, engine);     // on each change, for the SSE stream
//   nlohmann::json s = NightSummaryJson(engine);     // GET /api/night
#ifndef PSEPHOS_PUBLISH_LIVE_VIEWS_H_
#define PSEPHOS_PUBLISH_LIVE_VIEWS_H_

#include <nlohmann/json.hpp>
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

// Entries as stored, their bodies as JSON.
nlohmann::json LogEntriesJson(const std::vector<LogEntry>& entries);

}  // namespace psephos

#endif  // PSEPHOS_PUBLISH_LIVE_VIEWS_H_
