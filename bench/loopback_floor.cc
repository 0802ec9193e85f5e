// loopback_floor.cc
//
// The floor under the live fan-out benchmark (scripts/bench fanout): what this machine's kernel
// takes to write one frame to each of N loopback TCP connections and have a reader take them
// all, with no HTTP, no engine and no service, so that the fan-out's figures can be read against
// it. The writing side writes the frame to every socket with plain non-blocking sends, on one
// thread or split between two; the reading side is another process reading every socket through
// epoll, one read a readiness, as bench/sse_fanout.cc does. Each round is timed from the first
// send to the reader having every frame; the rounds alternate one and two writing threads.
//
//   psephos_loopback_floor --connections 10000 --bytes 1500 --rounds 30
//
// Prints one line a thread count: p50_ms, p99_ms and send_ms (the sends alone, p50).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "percentile.h"

namespace {

using psephos::bench::Percentile;

using Clock = std::chrono::steady_clock;

struct Options {
  int connections = 10000;
  size_t bytes = 1500;  // about a delta frame of the 1x night
  int rounds = 30;
};

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "loopback_floor: %s: %s\n", what, std::strerror(errno));
  std::exit(1);
}

// 1: done; 0: failed; -1: the other process has gone.
int ReadByte(int fd) {
  char c;
  return read(fd, &c, 1) == 1 ? c : -1;
}

void WriteByte(int fd, char c = 1) {
  if (write(fd, &c, 1) != 1) Die("pipe");
}

// The reading process: waits for `go`, then reads until every socket has given `bytes`, says so
// on `done` (0 when a frame stayed short for 5 s); again for each round.
void Reader(const std::vector<int>& sockets, size_t bytes, int rounds, int go, int done) {
  const int ep = epoll_create1(0);
  for (size_t i = 0; i < sockets.size(); ++i) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = i;
    if (epoll_ctl(ep, EPOLL_CTL_ADD, sockets[i], &ev) != 0) Die("epoll_ctl");
  }
  std::vector<epoll_event> events(4096);
  std::vector<size_t> got(sockets.size());
  std::vector<char> buf(65536);
  for (int round = 0; round < rounds; ++round) {
    if (ReadByte(go) != 1) return;
    std::fill(got.begin(), got.end(), 0);
    size_t waiting = sockets.size();
    for (int idle = 0; waiting > 0 && idle < 5;) {  // a frame not whole after 5 s idle: a short send
      const int n = epoll_wait(ep, events.data(), static_cast<int>(events.size()), 1000);
      idle = n > 0 ? 0 : idle + 1;
      for (int k = 0; k < n; ++k) {
        const size_t i = events[k].data.u64;
        const ssize_t r = recv(sockets[i], buf.data(), buf.size(), 0);
        if (r <= 0) continue;
        const bool before = got[i] < bytes;
        got[i] += static_cast<size_t>(r);
        waiting -= before && got[i] >= bytes;
      }
    }
    WriteByte(done, waiting == 0 ? 1 : 0);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
    if (a == "--help" || !value) {
      std::printf("usage: psephos_loopback_floor [--connections 10000] [--bytes 1500] [--rounds 30]\n");
      return a == "--help" ? 0 : 1;
    }
    if (a == "--connections") o.connections = std::atoi(value);
    else if (a == "--bytes") o.bytes = static_cast<size_t>(std::atol(value));
    else if (a == "--rounds") o.rounds = std::atoi(value);
    else {
      std::fprintf(stderr, "loopback_floor: unknown option '%s'\n", a.c_str());
      return 1;
    }
    ++i;
  }
  if (o.connections < 1 || o.bytes < 1 || o.bytes > (1 << 20) || o.rounds < 2) {
    std::fprintf(stderr, "loopback_floor: --connections and --rounds (at least 2) and --bytes (up to 1 MiB)\n");
    return 1;
  }
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
  // Each process holds one socket a connection, as the service and the fan-out client do.
  if (static_cast<rlim_t>(o.connections + 64) > limit.rlim_cur) {
    std::fprintf(stderr, "loopback_floor: %d connections need %d open files; the limit is %llu\n", o.connections,
                 o.connections + 64, static_cast<unsigned long long>(limit.rlim_cur));
    return 1;
  }

  const int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // loopback only
  socklen_t length = sizeof addr;
  if (listener < 0 || bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(listener, 4096) != 0 || getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &length) != 0)
    Die("listen");
  int go[2], done[2];
  if (pipe(go) != 0 || pipe(done) != 0) Die("pipe");
  const pid_t child = fork();
  if (child < 0) Die("fork");
  if (child == 0) {
    close(listener);
    close(go[1]);
    close(done[0]);
    std::vector<int> reading;
    for (int i = 0; i < o.connections; ++i) {
      const int c = socket(AF_INET, SOCK_STREAM, 0);
      if (c < 0 || connect(c, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) Die("connect");
      fcntl(c, F_SETFL, O_NONBLOCK);
      reading.push_back(c);
    }
    WriteByte(done[1]);  // connected
    Reader(reading, o.bytes, o.rounds, go[0], done[1]);
    _exit(0);
  }
  close(go[0]);
  close(done[1]);  // so that the reader's end, should it fail, reads as the end here
  std::vector<int> writing;
  const int one = 1;
  for (int i = 0; i < o.connections; ++i) {
    pollfd waiting{listener, POLLIN, 0};
    if (poll(&waiting, 1, 10000) != 1) Die("no connection from the reader in 10 s");
    const int s = accept(listener, nullptr, nullptr);
    if (s < 0) Die("accept");
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(s, F_SETFL, O_NONBLOCK);
    writing.push_back(s);
  }
  close(listener);
  if (ReadByte(done[0]) != 1) Die("the reader could not connect");

  const std::string frame(o.bytes, 'x');
  std::vector<double> total[2], sends[2];
  int short_writes = 0;
  for (int round = 0; round < o.rounds; ++round) {
    const int threads = 1 + round % 2;
    auto send_to = [&](size_t from, size_t to, int* shorts) {
      for (size_t i = from; i < to; ++i)
        *shorts += send(writing[i], frame.data(), frame.size(), MSG_DONTWAIT | MSG_NOSIGNAL) !=
                   static_cast<ssize_t>(frame.size());
    };
    usleep(20000);  // the reader is waiting in epoll_wait, as a subscriber would be
    WriteByte(go[1]);
    usleep(1000);
    const auto start = Clock::now();
    int shorts_there = 0;
    std::thread other;
    const size_t mine = threads == 1 ? writing.size() : writing.size() / 2;
    if (threads == 2) other = std::thread(send_to, mine, writing.size(), &shorts_there);
    send_to(0, mine, &short_writes);
    if (other.joinable()) other.join();
    short_writes += shorts_there;
    const auto sent = Clock::now();
    if (const int reader = ReadByte(done[0]); reader != 1)
      Die(reader == 0 ? "a frame never reached the reader whole" : "the reader stopped");
    const auto end = Clock::now();
    sends[threads - 1].push_back(std::chrono::duration<double, std::milli>(sent - start).count());
    total[threads - 1].push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  int status = 0;
  if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) Die("the reader failed");
  if (short_writes > 0) {
    std::fprintf(stderr, "loopback_floor: %d sends did not take the whole frame\n", short_writes);
    return 1;
  }
  for (int t = 0; t < 2; ++t)
    std::printf("connections=%d bytes=%zu threads=%d rounds=%zu p50_ms=%.2f p99_ms=%.2f send_ms=%.2f\n", o.connections,
                o.bytes, t + 1, total[t].size(), Percentile(total[t], 0.5), Percentile(total[t], 0.99),
                Percentile(sends[t], 0.5));
  return 0;
}
