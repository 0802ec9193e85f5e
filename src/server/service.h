// service.h
//
// The live results service: the HTTP API (api.h), the Server-Sent Events stream (event_hub.h)
// and, when asked, a replay of a night (engine/replay.h), on one thread over Boost.Asio. One
// thread because the engine is single-threaded by design: every response is the night as of
// one log entry, and a write is logged and applied before the next request is read. The one
// exception is a fan-out's sends: given a second thread (ServiceOptions::run_both), a frame for
// many subscribers is written to half of them there while the service's thread writes to the
// others and waits for it. Slow
// clients cannot hold it up: every read and write on a socket is asynchronous with a deadline
// but a live-stream frame's first try, which is non-blocking and takes what the socket has room
// for; a live-stream client that falls too far behind is dropped (it reconnects and resumes
// from its Last-Event-ID). Greedy ones cannot crowd others out: connections and requests are
// limited per client (client_limits.h) as well as in all. On a log that other servers write too
// (PostgreSQL), a follower thread (log_follower.h) has the engine catch up on the service's
// thread whenever the log tells of an append, and every follow_period anyway, so every server
// streams every entry.
//
//   Service service(engine, hub, api, ServiceOptions{.port = 8080});
//   Result<uint16_t> port = service.Listen();       // the port bound (any free one for 0)
//   service.Replay(std::move(plan), /*speed=*/60, [] { ... done ... });
//   service.Run();                                   // until SIGINT/SIGTERM or Stop()
#ifndef PSEPHOS_SERVER_SERVICE_H_
#define PSEPHOS_SERVER_SERVICE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "core/error.h"
#include "core/night.h"
#include "engine/engine.h"
#include "engine/replay.h"
#include "server/api.h"
#include "server/client_limits.h"
#include "server/event_hub.h"

namespace psephos {

struct ServiceOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;                 // 0: any free port
  size_t max_body = 1 << 20;            // bytes of a request body
  size_t max_header = 16 << 10;         // bytes of a request's headers
  size_t max_connections = 20000;       // more are answered 503 and closed
  ClientLimitOptions client_limits;     // per client: connections (429 beyond) and request rate (429)
  std::chrono::milliseconds read_timeout{15000};   // a request must arrive whole within this
  std::chrono::milliseconds idle_timeout{60000};   // a keep-alive connection with no request
  std::chrono::milliseconds write_timeout{30000};  // a response or event must be taken within this
  size_t stream_backlog = 4 << 20;      // bytes queued for one SSE client before it is dropped
  size_t fanout_share_from = 64;        // SSE clients written to at once from which run_both's
                                        // second thread takes half the sends (0: never)
  RunBoth run_both = {};                // none: every send on the service's thread
  std::chrono::milliseconds heartbeat{15000};      // SSE comment lines keep proxies from closing
  std::string static_dir;               // files served at / (the page); "" for none
  std::chrono::milliseconds follow_period{1000};   // catch up with a shared log at least this often
  std::ostream* log = nullptr;          // one line per replay milestone and per refused write
};

class Service {
 public:
  Service(Engine& engine, EventHub& hub, Api& api, ServiceOptions options);
  ~Service();

  Result<uint16_t> Listen();
  // Declares each step when its time comes: offset_seconds / speed after now (speed 0: as fast
  // as the service can, still serving between steps). `done` is called after the last one.
  void Replay(ReplayPlan plan, double speed, std::function<void(size_t declared, size_t refused)> done = {});
  void Run();
  void Stop();  // from any thread

  struct Impl;  // the Asio side, kept out of this header (its headers are slow to compile)

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace psephos

#endif  // PSEPHOS_SERVER_SERVICE_H_
