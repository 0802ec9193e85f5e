// sse_fanout.cc
//
// The live fan-out benchmark's client (scripts/bench fanout): opens N Server-Sent Events
// subscribers to a running `psephos serve` on loopback, then POSTs declarations one at a time
// and measures, for each, the time from sending the POST to the moment the last subscriber has
// received its frame ("id: <seq>"). One thread, epoll, non-blocking sockets. Bounded: at most
// --declarations posts, each waited for at most --timeout-ms.
//
//   psephos_sse_fanout --port 8080 --token T --clients 10000 --declarations 30 DECLS.jsonl
//
// DECLS.jsonl: one declaration (our JSON) a line, for wards not yet declared. The first
// declaration posted is expected to be entry --first-seq of the log (the setup is entry 1).
// Prints p50, p99 and max in milliseconds, and how many subscribers missed a frame.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "percentile.h"

namespace {

using psephos::bench::Percentile;

using Clock = std::chrono::steady_clock;

struct Options {
  int port = 8080;
  std::string token;
  int clients = 1000;
  int declarations = 30;
  int timeout_ms = 5000;
  long first_seq = 2;
  std::string file;
};

int Connect(int port, bool blocking) {
  int fd = socket(AF_INET, SOCK_STREAM | (blocking ? 0 : SOCK_NONBLOCK), 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // loopback only
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0 && errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  return fd;
}

bool SendAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

// POSTs one declaration on a fresh blocking connection; true on a 2xx answer.
bool Post(const Options& o, const std::string& body) {
  int fd = Connect(o.port, true);
  if (fd < 0) return false;
  std::string request = "POST /api/declarations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + o.token +
                        "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\n\r\n" + body;
  bool ok = SendAll(fd, request);
  char head[64] = {};
  ssize_t n = ok ? recv(fd, head, sizeof head - 1, 0) : -1;
  close(fd);
  return n > 12 && head[9] == '2';
}

struct Subscriber {
  int fd = -1;
  std::string tail;   // the last bytes read, to find a frame id split across reads
  long seen_seq = 0;  // the highest frame id received
};

// Reads once what is ready (epoll is level-triggered: what one read leaves is reported again, so
// a second read that would only say "nothing more" is not made: the client shares the service's
// cores); updates seen_seq from "id: <n>\n" lines.
void Drain(Subscriber& s) {
  char buf[65536];
  ssize_t n = recv(s.fd, buf, sizeof buf, 0);
  if (n <= 0) return;
  s.tail.append(buf, static_cast<size_t>(n));
  size_t at = 0;
  while ((at = s.tail.find("id: ", at)) != std::string::npos) {
    size_t end = s.tail.find('\n', at);
    if (end == std::string::npos) break;
    s.seen_seq = std::max(s.seen_seq, std::strtol(s.tail.c_str() + at + 4, nullptr, 10));
    at = end;
  }
  if (s.tail.size() > 64) s.tail.erase(0, s.tail.size() - 64);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--port") o.port = std::atoi(next().c_str());
    else if (a == "--token") o.token = next();
    else if (a == "--clients") o.clients = std::atoi(next().c_str());
    else if (a == "--declarations") o.declarations = std::atoi(next().c_str());
    else if (a == "--timeout-ms") o.timeout_ms = std::atoi(next().c_str());
    else if (a == "--first-seq") o.first_seq = std::atol(next().c_str());
    else o.file = a;
  }
  std::vector<std::string> bodies;
  std::ifstream in(o.file);
  for (std::string line; std::getline(in, line) && static_cast<int>(bodies.size()) < o.declarations;)
    if (!line.empty()) bodies.push_back(line);
  if (bodies.empty()) {
    std::fprintf(stderr, "sse_fanout: no declarations in '%s'\n", o.file.c_str());
    return 1;
  }
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);

  int ep = epoll_create1(0);
  std::vector<Subscriber> subs(static_cast<size_t>(o.clients));
  const std::string subscribe = "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
  for (size_t i = 0; i < subs.size(); ++i) {
    subs[i].fd = Connect(o.port, true);  // blocking connect and request, then non-blocking reads
    if (subs[i].fd < 0 || !SendAll(subs[i].fd, subscribe)) {
      std::fprintf(stderr, "sse_fanout: subscriber %zu could not connect (%s)\n", i, std::strerror(errno));
      return 1;
    }
    fcntl(subs[i].fd, F_SETFL, O_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = i;
    epoll_ctl(ep, EPOLL_CTL_ADD, subs[i].fd, &ev);
  }
  // Let every stream open (headers and hello) before the first declaration.
  std::vector<epoll_event> events(4096);
  const auto settle_until = Clock::now() + std::chrono::milliseconds(500 + o.clients / 10);
  while (Clock::now() < settle_until) {
    int n = epoll_wait(ep, events.data(), static_cast<int>(events.size()), 50);
    for (int k = 0; k < n; ++k) Drain(subs[events[k].data.u64]);
  }

  std::vector<double> latencies_ms;
  int missed = 0;
  for (size_t d = 0; d < bodies.size(); ++d) {
    const long seq = o.first_seq + static_cast<long>(d);
    const auto start = Clock::now();
    if (!Post(o, bodies[d])) {
      std::fprintf(stderr, "sse_fanout: POST %zu was refused\n", d);
      return 1;
    }
    size_t waiting = 0;
    for (const Subscriber& s : subs) waiting += s.seen_seq < seq;
    auto last = start;
    const auto deadline = start + std::chrono::milliseconds(o.timeout_ms);
    while (waiting > 0 && Clock::now() < deadline) {
      int n = epoll_wait(ep, events.data(), static_cast<int>(events.size()), 10);
      for (int k = 0; k < n; ++k) {
        Subscriber& s = subs[events[k].data.u64];
        const bool before = s.seen_seq < seq;
        Drain(s);
        if (before && s.seen_seq >= seq) {
          --waiting;
          last = Clock::now();
        }
      }
    }
    missed += static_cast<int>(waiting);
    latencies_ms.push_back(std::chrono::duration<double, std::milli>(last - start).count());
  }
  std::printf("clients=%d declarations=%zu p50_ms=%.2f p99_ms=%.2f max_ms=%.2f missed=%d\n", o.clients,
              latencies_ms.size(), Percentile(latencies_ms, 0.5), Percentile(latencies_ms, 0.99),
              *std::max_element(latencies_ms.begin(), latencies_ms.end()), missed);
  for (Subscriber& s : subs) close(s.fd);
  return missed == 0 ? 0 : 2;
}
