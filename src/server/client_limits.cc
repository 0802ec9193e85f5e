#include "server/client_limits.h"

#include <algorithm>
#include <cmath>

namespace psephos {

ClientLimits::ClientLimits(ClientLimitOptions options) : options_(options) {
  options_.burst = std::max(options_.burst, 1.0);
}

bool ClientLimits::Exempt(std::string_view client) const {
  if (options_.loopback) return false;
  return client.starts_with("127.") || client == "::1";
}

bool ClientLimits::Connect(const std::string& client) {
  if (options_.connections == 0 || Exempt(client)) return true;
  size_t& held = connections_[client];  // a new client starts at 0, and 0 < the limit
  if (held >= options_.connections) return false;
  ++held;
  return true;
}

void ClientLimits::Disconnect(const std::string& client) {
  auto it = connections_.find(client);
  if (it == connections_.end()) return;  // exempt, or no limit: never counted
  if (--it->second == 0) connections_.erase(it);
}

std::optional<std::chrono::seconds> ClientLimits::Request(const std::string& client, Clock::time_point now) {
  if (options_.rate <= 0 || Exempt(client)) return std::nullopt;
  if (buckets_.size() >= prune_at_) Prune(now);
  auto [it, added] = buckets_.try_emplace(client, Bucket{options_.burst, now});
  Bucket& bucket = it->second;
  const double elapsed = std::chrono::duration<double>(now - bucket.at).count();
  bucket.tokens = std::min(options_.burst, bucket.tokens + std::max(elapsed, 0.0) * options_.rate);
  bucket.at = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return std::nullopt;
  }
  const double wait = (1 - bucket.tokens) / options_.rate;
  return std::chrono::seconds(std::max<int64_t>(1, static_cast<int64_t>(std::ceil(wait))));
}

void ClientLimits::Prune(Clock::time_point now) {
  std::erase_if(buckets_, [&](const auto& entry) {
    const double elapsed = std::chrono::duration<double>(now - entry.second.at).count();
    return entry.second.tokens + elapsed * options_.rate >= options_.burst;
  });
  // Pruning again only after the map has doubled keeps the cost per request constant.
  prune_at_ = std::max<size_t>(1024, 2 * buckets_.size());
}

}  // namespace psephos
