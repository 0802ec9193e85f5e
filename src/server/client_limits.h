// client_limits.h
//
// ClientLimits: how much of the service one client may take, so that no address can crowd out
// the others: the connections it holds at once, and the requests it makes (a token bucket: a
// steady rate, with a burst on top for a page that fetches several views at once). A client is
// its address: an IPv4 address, or an IPv6 /64 (one host is given a whole /64, so counting
// addresses in it would count nothing). No sockets and no clock of its own: the service passes
// the address and the time, so tests drive it directly.
//
//   ClientLimits limits(ClientLimitOptions{.connections = 64, .rate = 100, .burst = 200});
//   if (!limits.Connect("203.0.113.9")) { answer 429 and close; }
//   ... limits.Disconnect("203.0.113.9") when the connection ends ...
//   if (auto wait = limits.Request("203.0.113.9", now)) { answer 429, Retry-After: wait }
//
// Loopback clients (127.0.0.0/8, ::1) are not limited unless `loopback` is set: a client on the
// machine itself is a benchmark, a test, or a reverse proxy through which every outside client
// arrives from the same address, so that limiting it would limit everyone together; a proxy in
// front limits per client itself, knowing the real addresses (X-Forwarded-For is not trusted:
// any client can send one).
#ifndef PSEPHOS_SERVER_CLIENT_LIMITS_H_
#define PSEPHOS_SERVER_CLIENT_LIMITS_H_

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace psephos {

struct ClientLimitOptions {
  size_t connections = 64;  // open at once per client, SSE streams included; 0: no limit
  double rate = 100;        // requests a second per client, sustained; 0: no limit
  double burst = 200;       // requests a client may make at once after a quiet spell (>= 1)
  bool loopback = false;    // limit loopback clients too (tests; no proxy on the machine)
};

class ClientLimits {
 public:
  using Clock = std::chrono::steady_clock;

  explicit ClientLimits(ClientLimitOptions options);

  // Takes a connection for `client`; false (and nothing taken) when it already holds the most
  // it may. Every true is matched by one Disconnect when that connection ends.
  bool Connect(const std::string& client);
  void Disconnect(const std::string& client);

  // Takes one request from `client`'s allowance at `now`. nullopt: it may go ahead; otherwise
  // how long until it may (whole seconds, at least 1: the Retry-After it is told).
  std::optional<std::chrono::seconds> Request(const std::string& client, Clock::time_point now);

  // Whether `client` is under no limits at all (a loopback address, unless options.loopback).
  bool Exempt(std::string_view client) const;
  const ClientLimitOptions& options() const { return options_; }
  // Clients currently tracked, for tests that check the bookkeeping does not grow.
  size_t tracked() const { return connections_.size() + buckets_.size(); }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point at;  // when `tokens` was last brought up to date
  };
  // Forgets buckets that have filled up again: a full bucket is the same as no bucket, so the
  // map holds only clients active within the last burst / rate seconds.
  void Prune(Clock::time_point now);

  ClientLimitOptions options_;
  std::unordered_map<std::string, size_t> connections_;  // clients holding at least one
  std::unordered_map<std::string, Bucket> buckets_;
  size_t prune_at_ = 1024;
};

}  // namespace psephos

#endif  // PSEPHOS_SERVER_CLIENT_LIMITS_H_
