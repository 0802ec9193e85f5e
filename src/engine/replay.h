// replay.h
//
// Replaying a night: its declarations in the order they were declared, each at its time on
// the night, scaled by a speed, so that a scoreboard fills as it did. A rehearsal runs a past
// or synthetic night through the live service this way. The plan is pure; the server's timer
// does the waiting.
//
//   ReplayPlan plan = PlanReplay(declarations, engine);   // skips wards already in the log
//   for (const ReplayStep& step : plan.steps) ... at step.offset_seconds / speed ...
#ifndef PSEPHOS_ENGINE_REPLAY_H_
#define PSEPHOS_ENGINE_REPLAY_H_

#include <optional>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "engine/engine.h"

namespace psephos {

struct ReplayStep {
  double offset_seconds = 0;  // night time after the first declaration
  Declaration declaration;
};

struct ReplayPlan {
  std::vector<ReplayStep> steps;
  size_t skipped = 0;  // already declared in the log (a restarted replay goes on where it was)
};

// Declarations without a time keep their place after the last timed one before them.
ReplayPlan PlanReplay(std::vector<Declaration> declarations, const Engine& engine);

// Seconds since 1970 of an ISO 8601 time ("2018-05-04T01:30:00+01:00", "...Z", no zone: UTC);
// nullopt when it is not one.
std::optional<double> ParseIsoTime(std::string_view text);

}  // namespace psephos

#endif  // PSEPHOS_ENGINE_REPLAY_H_
