#include "publish/live_views.h"

#include "publish/count_views.h"
#include "publish/views.h"
#include "readers/json_text.h"
#include "readers/json_writer.h"

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

std::string LogPageJson(int64_t since, int64_t seq, bool rehearsal, const std::vector<LogEntry>& entries) {
  JsonWriter w;
  w.BeginObject().Key("entries").BeginArray();
  for (const LogEntry& e : entries) {
    w.BeginObject().Key("author").String(e.author).Key("body");
    // A declaration or a correction (nearly every entry of a night) is stored as JsonWriter wrote
    // it, in the bytes nlohmann would write, so it is given as it is once known to be a JSON
    // object from its first byte to its last (the parser also takes a byte-order mark and white
    // space around, which copied would spoil the page). The rest are few, and some are stored
    // indented (the setup): parsed and written again.
    const bool compact = (e.kind == EntryKind::kDeclaration || e.kind == EntryKind::kCorrection) &&
                         e.body.starts_with('{') && e.body.ends_with('}');
    if (compact && json::accept(e.body)) {
      w.Raw(e.body);
    } else {
      json body = json::parse(e.body, nullptr, false);
      if (body.is_discarded()) w.String(e.body);
      else w.Raw(JsonText(body));
    }
    w.Key("kind").String(ToString(e.kind)).Key("recorded_at").String(e.recorded_at);
    w.Key("seq").Int(e.seq).Key("source").String(e.source).EndObject();
  }
  w.EndArray().Key("rehearsal").Bool(rehearsal).Key("seq").Int(seq).Key("since").Int(since).EndObject();
  return w.Take();
}

}  // namespace psephos
