#include "server/client_limits.h"

#include <gtest/gtest.h>

namespace psephos {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

const ClientLimits::Clock::time_point kStart{};

TEST(ClientLimits, ConnectionsPerClientAreCountedAndGivenBack) {
  ClientLimits limits(ClientLimitOptions{.connections = 2, .rate = 0});
  EXPECT_TRUE(limits.Connect("203.0.113.9"));
  EXPECT_TRUE(limits.Connect("203.0.113.9"));
  EXPECT_FALSE(limits.Connect("203.0.113.9"));  // a third at once
  EXPECT_TRUE(limits.Connect("198.51.100.7"));  // another client is not held up
  limits.Disconnect("203.0.113.9");
  EXPECT_TRUE(limits.Connect("203.0.113.9"));   // one given back, one may be taken
  limits.Disconnect("203.0.113.9");
  limits.Disconnect("203.0.113.9");
  limits.Disconnect("198.51.100.7");
  EXPECT_EQ(limits.tracked(), 0u);  // nothing kept for clients that hold nothing
}

TEST(ClientLimits, RateIsATokenBucketWithABurst) {
  ClientLimits limits(ClientLimitOptions{.connections = 0, .rate = 10, .burst = 5});
  const std::string client = "203.0.113.9";
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(limits.Request(client, kStart)) << i;  // the burst
  auto refused = limits.Request(client, kStart);
  ASSERT_TRUE(refused);
  EXPECT_EQ(*refused, seconds(1));  // 0.1 s to the next request, told in whole seconds
  EXPECT_TRUE(limits.Request(client, kStart + milliseconds(50)));    // half a request earned
  EXPECT_FALSE(limits.Request(client, kStart + milliseconds(150)));  // one earned
  // A steady 10 a second is kept up indefinitely; 20 a second is refused half the time.
  int refusals = 0;
  for (int i = 1; i <= 200; ++i)
    refusals += limits.Request(client, kStart + milliseconds(150 + 50 * i)).has_value();
  EXPECT_NEAR(refusals, 100, 3);
  EXPECT_FALSE(limits.Request("198.51.100.7", kStart));  // each client has its own bucket
}

TEST(ClientLimits, RetryAfterCoversTheWaitAtASlowRate) {
  ClientLimits limits(ClientLimitOptions{.connections = 0, .rate = 0.25, .burst = 1});
  EXPECT_FALSE(limits.Request("203.0.113.9", kStart));
  EXPECT_EQ(limits.Request("203.0.113.9", kStart), seconds(4));
}

TEST(ClientLimits, LoopbackIsExemptUnlessAsked) {
  ClientLimits open(ClientLimitOptions{.connections = 1, .rate = 1, .burst = 1});
  for (const char* loopback : {"127.0.0.1", "127.8.9.10", "::1"}) {
    EXPECT_TRUE(open.Exempt(loopback));
    for (int i = 0; i < 10; ++i) {
      EXPECT_TRUE(open.Connect(loopback));
      EXPECT_FALSE(open.Request(loopback, kStart));
    }
  }
  EXPECT_FALSE(open.Exempt("10.0.0.1"));
  EXPECT_FALSE(open.Exempt("::ffff:127.0.0.1"));  // the service turns mapped addresses into IPv4 first
  EXPECT_EQ(open.tracked(), 0u);

  ClientLimits strict(ClientLimitOptions{.connections = 1, .rate = 1, .burst = 1, .loopback = true});
  EXPECT_TRUE(strict.Connect("127.0.0.1"));
  EXPECT_FALSE(strict.Connect("127.0.0.1"));
  EXPECT_FALSE(strict.Request("127.0.0.1", kStart));
  EXPECT_TRUE(strict.Request("127.0.0.1", kStart));
}

TEST(ClientLimits, QuietClientsAreForgotten) {
  // A flood from many addresses must not grow the bookkeeping without bound: buckets that have
  // filled up again are dropped as the map grows.
  ClientLimits limits(ClientLimitOptions{.connections = 0, .rate = 10, .burst = 10});
  for (int wave = 0; wave < 20; ++wave)
    for (int i = 0; i < 1000; ++i)
      (void)limits.Request("10." + std::to_string(wave) + ".0." + std::to_string(i), kStart + seconds(10 * wave));
  EXPECT_LE(limits.tracked(), 2048u);
}

}  // namespace
}  // namespace psephos
