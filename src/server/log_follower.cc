#include "server/log_follower.h"

namespace psephos {

LogFollower::LogFollower(std::unique_ptr<LogWatch> watch, std::chrono::milliseconds period,
                         std::function<void()> on_change)
    : watch_(std::move(watch)), period_(period), on_change_(std::move(on_change)), thread_([this] {
        while (!stop_) {
          // Told of an append or not, catch up: the period is the backstop for what went unheard.
          (void)watch_->Wait(period_);
          if (!stop_) on_change_();
        }
      }) {}

LogFollower::~LogFollower() {
  stop_ = true;
  thread_.join();
}

}  // namespace psephos
