// event_hub.h
//
// The live event stream's hub: turns each Delta into a Server-Sent Events frame once, keeps the
// recent frames so a client that reconnects with Last-Event-ID gets what it missed, and hands
// each new frame to every subscriber. Frames are shared, immutable strings: ten thousand
// subscribers cost ten thousand pointers, not copies. No sockets here; the server's SSE
// sessions subscribe.
//
//   EventHub hub(/*history_bytes=*/2 << 20);
//   Engine::Open(..., [&](const Delta& d, const Engine& e) { hub.OnDelta(d, e); });
//   auto missed = hub.Since(last_event_id);      // nullopt: too old, the client must refetch
//   int id = hub.Subscribe([](const EventHub::Frame& f) { ... });
#ifndef PSEPHOS_SERVER_EVENT_HUB_H_
#define PSEPHOS_SERVER_EVENT_HUB_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace psephos {

class EventHub {
 public:
  using Frame = std::shared_ptr<const std::string>;

  // Keeps the most recent frames up to `history_bytes` in all (the last one whatever its size).
  // Bounded in bytes, not frames, so that memory does not grow with the night: a client further
  // behind than that could not be sent what it missed anyway (service.h drops a client with
  // more than its backlog queued) and is told to fetch the views again.
  explicit EventHub(size_t history_bytes);

  // "id: <seq>\nevent: delta\ndata: <DeltaJson>\n\n"; stored, then sent to every subscriber.
  void OnDelta(const Delta& delta, const Engine& engine);
  // Frames with seq > `seq`, in order; nullopt when some of them are no longer kept.
  std::optional<std::vector<Frame>> Since(int64_t seq) const;
  int64_t last_seq() const { return last_seq_; }

  int Subscribe(std::function<void(const Frame&)> subscriber);
  void Unsubscribe(int id);
  size_t subscribers() const { return subscribers_.size(); }

 private:
  size_t history_bytes_;
  size_t bytes_ = 0;  // of the frames kept
  std::deque<std::pair<int64_t, Frame>> frames_;
  int64_t last_seq_ = 0;
  int next_id_ = 1;
  std::map<int, std::function<void(const Frame&)>> subscribers_;
};

}  // namespace psephos

#endif  // PSEPHOS_SERVER_EVENT_HUB_H_
