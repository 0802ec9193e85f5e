// log_follower.h
//
// LogFollower: keeps a server up with a results log that other servers write too (PostgreSQL).
// A thread of its own waits on the log's watch (LISTEN) and calls `on_change` whenever it is told
// of an append, and at least once every `period` anyway, so that a lost notification or a dropped
// connection leaves the server behind by one period at most. `on_change` runs on the follower's
// thread: the service posts Engine::CatchUp from it onto the engine's own thread.
//
//   std::unique_ptr<LogWatch> watch = engine.log().Watch();     // nullptr: nothing to follow
//   LogFollower follower(std::move(watch), std::chrono::seconds(1),
//                        [&] { asio::post(io, [&] { (void)engine.CatchUp(); }); });
//   ...                                                          // stops and joins when destroyed
#ifndef PSEPHOS_SERVER_LOG_FOLLOWER_H_
#define PSEPHOS_SERVER_LOG_FOLLOWER_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "store/results_log.h"

namespace psephos {

class LogFollower {
 public:
  LogFollower(std::unique_ptr<LogWatch> watch, std::chrono::milliseconds period, std::function<void()> on_change);
  ~LogFollower();  // within one period
  LogFollower(const LogFollower&) = delete;
  LogFollower& operator=(const LogFollower&) = delete;

 private:
  std::unique_ptr<LogWatch> watch_;
  std::chrono::milliseconds period_;
  std::function<void()> on_change_;
  std::atomic<bool> stop_{false};
  std::thread thread_;  // last: started once everything it uses is
};

}  // namespace psephos

#endif  // PSEPHOS_SERVER_LOG_FOLLOWER_H_
