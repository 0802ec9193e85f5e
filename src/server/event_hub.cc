#include "server/event_hub.h"

#include "publish/live_views.h"
#include "readers/json_text.h"

namespace psephos {

EventHub::EventHub(size_t history_bytes) : history_bytes_(history_bytes) {}

void EventHub::OnDelta(const Delta& delta, const Engine& engine) {
  auto frame = std::make_shared<const std::string>("id: " + std::to_string(delta.seq) + "\nevent: delta\ndata: " +
                                                   JsonText(DeltaJson(delta, engine)) + "\n\n");
  frames_.emplace_back(delta.seq, frame);
  bytes_ += frame->size();
  while (frames_.size() > 1 && bytes_ > history_bytes_) {
    bytes_ -= frames_.front().second->size();
    frames_.pop_front();
  }
  last_seq_ = delta.seq;
  // A subscriber may unsubscribe itself (a slow client dropped) while being told.
  std::vector<int> ids;
  ids.reserve(subscribers_.size());
  for (const auto& [id, unused] : subscribers_) ids.push_back(id);
  for (int id : ids)
    if (auto it = subscribers_.find(id); it != subscribers_.end()) it->second(frame);
}

std::optional<std::vector<EventHub::Frame>> EventHub::Since(int64_t seq) const {
  std::vector<Frame> out;
  if (seq >= last_seq_) return out;
  if (frames_.empty() || frames_.front().first > seq + 1) return std::nullopt;
  for (const auto& [s, frame] : frames_)
    if (s > seq) out.push_back(frame);
  return out;
}

int EventHub::Subscribe(std::function<void(const Frame&)> subscriber) {
  subscribers_.emplace(next_id_, std::move(subscriber));
  return next_id_++;
}

void EventHub::Unsubscribe(int id) { subscribers_.erase(id); }

}  // namespace psephos
