#include "publish/live_views.h"

#include "publish/count_views.h"
#include "publish/views.h"

namespace psephos {

using nlohmann::json;

json NightSummaryJson(const Engine& engine) {
  const Night& night = engine.night();
  const Election& e = night.election();
  const StateOfParties state = engine.Parties({}, Baseline::kEveOfPoll);
  return {{"election", e.id},
          {"name", e.name},
          {"date", e.date},
          {"rehearsal", e.rehearsal},
          {"seq", engine.seq()},
          {"councils_total", state.councils_total},
          {"councils_settled", state.councils_settled},
          {"wards_total", state.wards_total},
          {"wards_declared", state.wards_declared},
          {"state_of_parties", StateOfPartiesJson(state, night.registry())},
          {"mayors", night.mayors().size()},
          {"headlines", Headlines(night, {}, Baseline::kEveOfPoll)}};
}

json DeltaJson(const Delta& delta, const Engine& engine) {
  const Night& night = engine.night();
  json out = {{"seq", delta.seq},
              {"kind", std::string(ToString(delta.kind))},
              {"recorded_at", delta.recorded_at},
              {"author", delta.author},
              {"council", delta.council},
              {"ward", delta.ward},
              {"mayor", delta.mayor},
              {"decided", delta.council_decided},
              {"rehearsal", night.election().rehearsal}};
  if (const Council* c = night.FindCouncil(delta.council)) {
    out["council_outcome"] = CouncilJson(night, *c, false);
    out["headline"] = delta.council_decided
                          ? json(Headline(*c, *night.Outcome(c->id), Baseline::kEveOfPoll, night.registry()))
                          : json(nullptr);
  }
  if (const MayoralResult* mayor = night.FindMayor(delta.mayor)) {
    out["mayor"] = MayoralJson(*mayor);
    out["headline"] = MayoralHeadline(*mayor);
  }
  out["state_of_parties"] = StateOfPartiesJson(engine.Parties({}, Baseline::kEveOfPoll), night.registry());
  return out;
}

json LogEntriesJson(const std::vector<LogEntry>& entries) {
  json list = json::array();
  for (const LogEntry& e : entries) {
    json body = json::parse(e.body, nullptr, false);
    list.push_back({{"seq", e.seq},
                    {"kind", std::string(ToString(e.kind))},
                    {"recorded_at", e.recorded_at},
                    {"source", e.source},
                    {"author", e.author},
                    {"body", body.is_discarded() ? json(e.body) : body}});
  }
  return list;
}

}  // namespace psephos
