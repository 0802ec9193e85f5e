#include "server/service.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <sys/socket.h>
#include <sys/uio.h>

#include <array>
#include <atomic>
#include <iterator>
#include <cerrno>
#include <csignal>
#include <deque>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>  // Rate()
#include <utility>
#include <vector>

#include "server/client_limits.h"
#include "server/log_follower.h"
#include "server/static_files.h"
#include "readers/json_text.h"

namespace psephos {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {
class StreamSession;
}  // namespace

struct Service::Impl {
  Impl(Engine& e, EventHub& h, Api& a, ServiceOptions o)
      : engine(e), hub(h), api(a), options(std::move(o)), limits(options.client_limits), acceptor(io),
        accept_pause(io), signals(io, SIGINT, SIGTERM), replay_timer(io) {
    if (!options.static_dir.empty()) page.emplace(options.static_dir);
    if (auto watch = engine.log().Watch())
      follower.emplace(std::move(watch), options.follow_period, [this] {
        // At most one catch-up queued: a burst of appends is folded by the first.
        if (!catch_up_queued.exchange(true)) asio::post(io, [this] { CatchUp(); });
      });
  }

  void Accept();
  void Admit(tcp::socket socket);
  void ReplayNext();
  void CatchUp();
  // A live-stream client with frames to write: written with every other such client once the
  // handler at hand is done (Flush, posted), so that a declaration's frame, or a batch's frames,
  // reach all of them in one pass that may be shared with a second thread. A client whose
  // frames waiting for it pass the backlog has them flushed at once (StreamSession::Push).
  void SendSoon(std::shared_ptr<StreamSession> stream);
  void Flush();

  Engine& engine;
  EventHub& hub;
  Api& api;
  ServiceOptions options;
  std::optional<StaticFiles> page;  // every path that is not the API's, when there is a page
  ClientLimits limits;
  asio::io_context io{1};
  tcp::acceptor acceptor;
  asio::steady_timer accept_pause;  // out of file descriptors: accept again after a pause
  bool accept_paused = false;       // said once on the log, not every pause
  asio::signal_set signals;
  size_t connections = 0;

  struct ReplayState {
    ReplayPlan plan;
    double speed = 0;
    std::chrono::steady_clock::time_point start;
    size_t next = 0, declared = 0, refused = 0;
    std::function<void(size_t, size_t)> done;
  };
  std::optional<ReplayState> replay;
  asio::steady_timer replay_timer;

  std::vector<std::shared_ptr<StreamSession>> to_send;  // SendSoon's, until Flush
  bool flush_queued = false;

  std::atomic<bool> catch_up_queued{false};
  std::string follow_error;  // the last catch-up's failure, said once rather than every period
  std::optional<LogFollower> follower;  // last: stopped before anything it posts to goes
};

namespace {

// A connection admitted, counted in the service's total and against its client's limit for as
// long as it lives. Moved from a request's session to the live stream it becomes.
class ConnectionSlot {
 public:
  ConnectionSlot(Service::Impl& service, std::string client) : service_(&service), client_(std::move(client)) {
    ++service_->connections;
  }
  ConnectionSlot(ConnectionSlot&& other) noexcept
      : service_(std::exchange(other.service_, nullptr)), client_(std::move(other.client_)) {}
  ConnectionSlot& operator=(ConnectionSlot&&) = delete;
  ~ConnectionSlot() {
    if (!service_) return;
    --service_->connections;
    service_->limits.Disconnect(client_);
  }
  const std::string& client() const { return client_; }

 private:
  Service::Impl* service_;
  std::string client_;
};

// "100", "0.25": a rate as the operator gave it.
std::string Rate(double per_second) {
  std::ostringstream out;
  out << per_second;
  return out.str();
}

// A client as the limits know it: an IPv4 address (also when it arrives IPv4-mapped on an IPv6
// socket), or the /64 of an IPv6 address, which is what one host is given.
std::string ClientOf(const asio::ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped())
    return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string();
  if (address.is_v4()) return address.to_string();
  if (address.is_loopback()) return "::1";
  auto bytes = address.to_v6().to_bytes();
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return asio::ip::address_v6(bytes).to_string() + "/64";
}

// The bytes of a response, status line to body, to be written with one call. Formatted here
// rather than through Beast's serializer: for a cached view (most requests on a results night)
// the serializer's buffer sequences and a response object's header list cost more than the rest
// of the request together (BENCHMARKS.md, Serving). Header lines come from the API, never from
// the request; a value holding a line break is left out all the same.
std::shared_ptr<const std::string> ResponseBytes(const HttpResponse& response, bool keep_alive, unsigned version) {
  auto text = std::make_shared<std::string>();
  std::string& out = *text;
  out.reserve(256 + response.body.size());
  auto header = [&](std::string_view name, std::string_view value) {
    if (value.find_first_of("\r\n") != std::string_view::npos) return;
    out.append(name).append(": ").append(value).append("\r\n");
  };
  out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ").append(std::to_string(response.status)).append(" ");
  const auto reason = http::obsolete_reason(static_cast<http::status>(response.status));
  out.append(reason.data(), reason.size()).append("\r\n");
  header("Server", "psephos");
  if (!response.content_type.empty()) header("Content-Type", response.content_type);
  for (const auto& [name, value] : response.headers) header(name, value);
  const bool has_body = response.status != 304;
  if (has_body) header("Content-Length", std::to_string(response.head_length.value_or(response.body.size())));
  if (version == 10 && keep_alive) header("Connection", "keep-alive");
  if (version != 10 && !keep_alive) header("Connection", "close");
  out.append("\r\n");
  if (has_body) out.append(response.body);
  return text;
}

// The whole of a refusal's response, for connections refused before a session is made for them.
std::shared_ptr<const std::string> RefusalBytes(http::status status, const std::string& message) {
  HttpResponse refusal = ErrorResponse(static_cast<int>(status), message);
  refusal.headers.emplace_back("Retry-After", "1");
  return ResponseBytes(refusal, false, 11);
}

// One client of the live stream: frames queue here and are written one after another; a client
// that lets more than the backlog pile up is dropped so it cannot hold memory or anyone else.
class StreamSession : public std::enable_shared_from_this<StreamSession> {
 public:
  StreamSession(beast::tcp_stream stream, Service::Impl& service, ConnectionSlot slot)
      : service_(service), slot_(std::move(slot)), stream_(std::move(stream)), heartbeat_(service.io) {}

  void Start(std::optional<int64_t> resume_after) {
    // Frames are first written without waiting (SendQueued); the socket must say "would block"
    // then rather than block the service.
    beast::error_code ignored;
    stream_.socket().non_blocking(true, ignored);
    fd_ = stream_.socket().native_handle();
    const int64_t seq = service_.engine.seq();
    Push(std::make_shared<const std::string>(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
        "Connection: keep-alive\r\nX-Psephos-Seq: " + std::to_string(seq) + "\r\n\r\nretry: 2000\n\n"));
    const nlohmann::json here = {{"seq", seq}, {"rehearsal", service_.engine.night().election().rehearsal}};
    auto missed = resume_after ? service_.hub.Since(*resume_after) : std::nullopt;
    size_t missed_bytes = 0;
    if (missed)
      for (const auto& frame : *missed) missed_bytes += frame->size();
    if (!resume_after) {
      Push(std::make_shared<const std::string>("event: hello\ndata: " + JsonText(here) + "\n\n"));
    } else if (missed && missed_bytes <= service_.options.stream_backlog / 2) {
      for (auto& frame : *missed) Push(frame);
    } else {
      // Older than the frames kept, or more than the backlog a client may have queued (sent, they
      // would get it dropped at once, and again on every reconnect): the client must fetch the
      // views again, then follow.
      Push(std::make_shared<const std::string>("event: reset\ndata: " + JsonText(here) + "\n\n"));
    }
    std::weak_ptr<StreamSession> weak = weak_from_this();
    subscription_ = service_.hub.Subscribe([weak](const EventHub::Frame& frame) {
      if (auto self = weak.lock()) self->Push(frame);
    });
    Heartbeat();
    WatchForClose();
  }

  // On either of the fan-out's threads (Service::Impl::Flush): writes what is queued, as much as
  // the socket takes now, and notes how much. It reads the queue and writes to the socket and to
  // sent_, nothing else: the service's thread waits for both threads before it touches this
  // session again. A client keeping up costs one sendmsg (64 frames at a time), with no
  // asynchronous write, deadline or handler; for 10,000 subscribers those would cost as much as
  // the sends themselves (BENCHMARKS.md, fan-out).
  void SendQueued() noexcept {
    sent_ = 0;
    if (closed_) return;
    auto frame = queue_.begin();
    size_t skip = front_sent_;  // of *frame, already written
    while (frame != queue_.end()) {
      std::array<iovec, 64> parts;
      size_t n = 0, asked = 0;
      for (auto f = frame; f != queue_.end() && n < parts.size(); ++f, ++n) {
        const size_t from = f == frame ? skip : 0;
        parts[n] = {const_cast<char*>((*f)->data()) + from, (*f)->size() - from};
        asked += parts[n].iov_len;
      }
      msghdr message{};
      message.msg_iov = parts.data();
      message.msg_iovlen = n;
      const ssize_t sent = ::sendmsg(fd_, &message, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (sent < 0) {
        if (sent_ == 0) sent_ = -errno;  // else what was written counts; the error comes again
        return;
      }
      sent_ += sent;
      if (static_cast<size_t>(sent) < asked) return;  // the socket is full
      std::advance(frame, static_cast<std::ptrdiff_t>(n));
      skip = 0;
    }
  }

  // Back on the service's thread after SendQueued: drops what was written; what the socket had
  // no room for goes by an asynchronous write with a deadline; an error closes the stream (so
  // does failing to start that write: a stream is never left neither writing nor waiting).
  void AfterSend() {
    sending_ = false;
    if (closed_) return;
    if (sent_ < 0) {
      if (sent_ != -EAGAIN && sent_ != -EWOULDBLOCK && sent_ != -EINTR) return Close();
      sent_ = 0;
    }
    for (auto left = static_cast<size_t>(sent_); left > 0;) {
      const size_t rest = queue_.front()->size() - front_sent_;
      if (left < rest) {
        front_sent_ += left;
        break;
      }
      left -= rest;
      queued_ -= queue_.front()->size();
      queue_.pop_front();
      front_sent_ = 0;
    }
    if (queue_.empty()) return;
    try {
      Write();
    } catch (...) {
      writing_ = false;
      Close();
    }
  }

 private:
  void Push(EventHub::Frame frame) {
    if (closed_) return;
    // Only a client with a write outstanding is behind; frames waiting for the next Flush are
    // not, however many a batch of declarations made.
    if (writing_ && queued_ + frame->size() > service_.options.stream_backlog) return Close();
    queued_ += frame->size();
    queue_.push_back(std::move(frame));
    if (writing_) return;
    if (!sending_) {
      sending_ = true;
      service_.SendSoon(shared_from_this());
    } else if (queued_ > service_.options.stream_backlog) {
      // A batch's frames go out before they pile up past the backlog, as they would if each
      // were written as it came: what a client may be sent is bounded, however big the batch.
      service_.Flush();
    }
  }

  void Write() {
    writing_ = true;
    stream_.expires_after(service_.options.write_timeout);
    asio::async_write(stream_, asio::buffer(*queue_.front()) + front_sent_,
                      [self = shared_from_this()](beast::error_code ec, size_t) { self->Written(ec); });
  }

  void Written(beast::error_code ec) {
    writing_ = false;
    if (ec || closed_) return Close();
    queued_ -= queue_.front()->size();
    queue_.pop_front();
    front_sent_ = 0;
    if (!queue_.empty()) return Write();
    stream_.expires_never();
  }

  void Heartbeat() {
    heartbeat_.expires_after(service_.options.heartbeat);
    heartbeat_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || self->closed_) return;
      static const auto kComment = std::make_shared<const std::string>(": keep-alive\n\n");
      self->Push(kComment);
      self->Heartbeat();
    });
  }

  // The client sends nothing after its request; a read that ends means it has gone.
  void WatchForClose() {
    stream_.socket().async_read_some(asio::buffer(probe_),
                                     [self = shared_from_this()](beast::error_code ec, size_t) {
                                       if (ec) return self->Close();
                                       self->WatchForClose();
                                     });
  }

  void Close() {
    if (closed_) return;
    closed_ = true;
    service_.hub.Unsubscribe(subscription_);
    heartbeat_.cancel();
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  Service::Impl& service_;
  ConnectionSlot slot_;
  beast::tcp_stream stream_;
  asio::steady_timer heartbeat_;
  int fd_ = -1;  // the socket's, for SendQueued
  std::deque<EventHub::Frame> queue_;
  size_t front_sent_ = 0;  // bytes of the queue's first frame already written
  size_t queued_ = 0;
  ssize_t sent_ = 0;       // SendQueued's: bytes written, or -errno
  bool writing_ = false;   // an asynchronous write is outstanding
  bool sending_ = false;   // in the service's to_send, until AfterSend
  bool closed_ = false;
  int subscription_ = 0;
  char probe_[256];
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket socket, Service::Impl& service, ConnectionSlot slot)
      : service_(service), slot_(std::move(slot)), stream_(std::move(socket)) {}

  void Read() {
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(service_.options.max_header));
    parser_->body_limit(service_.options.max_body);
    // A request must arrive whole in time: a client trickling bytes (slowloris) is cut off.
    stream_.expires_after(service_.options.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

 private:
  void OnRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof)
      return stream_.close();
    if (ec == http::error::body_limit)
      return Refuse(http::status::payload_too_large, "the body is larger than " +
                                                          std::to_string(service_.options.max_body) + " bytes");
    if (ec == http::error::header_limit)
      return Refuse(http::status::request_header_fields_too_large, "the request's headers are too large");
    if (ec) return Refuse(http::status::bad_request, "malformed HTTP request: " + ec.message());

    http::request<http::string_body> req = parser_->release();
    // Every request draws on its client's allowance, the one that opens a live stream too; the
    // stream itself then costs a connection, not requests.
    if (auto wait = service_.limits.Request(slot_.client(), std::chrono::steady_clock::now())) {
      HttpResponse refusal = ErrorResponse(429, "too many requests from " + slot_.client() + ": at most " +
                                                    Rate(service_.limits.options().rate) + " a second; retry after " +
                                                    std::to_string(wait->count()) + " s");
      refusal.headers.emplace_back("Retry-After", std::to_string(wait->count()));
      return Send(refusal, req.keep_alive(), req.version());
    }
    auto [path, query] = SplitTarget(std::string(req.target()));
    if (req.method() == http::verb::get && path == Api::kEventsPath) return StartStream(req, query);

    HttpRequest request;
    request.method = std::string(req.method_string());
    request.target = std::string(req.target());
    request.content_type = std::string(req[http::field::content_type]);
    request.authorization = std::string(req[http::field::authorization]);
    request.if_none_match = std::string(req[http::field::if_none_match]);
    request.body = std::move(req.body());
    HttpResponse response = service_.page && !IsApiPath(path) ? service_.page->Handle(request)
                                                               : service_.api.Handle(request);
    Send(response, req.keep_alive(), req.version());
  }

  void StartStream(const http::request<http::string_body>& req, const std::map<std::string, std::string>& query) {
    std::optional<int64_t> resume;
    auto parse = [](std::string_view text) -> std::optional<int64_t> {
      if (text.empty() || text.size() > 18) return std::nullopt;
      int64_t v = 0;
      for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
      }
      return v;
    };
    if (auto id = parse(std::string(req["Last-Event-ID"]))) resume = id;
    else if (auto it = query.find("since"); it != query.end()) resume = parse(it->second);
    stream_.expires_never();
    auto session = std::make_shared<StreamSession>(std::move(stream_), service_, std::move(slot_));
    session->Start(resume);
  }

  void Refuse(http::status status, const std::string& message) {
    Send(ErrorResponse(static_cast<int>(status), message), false, 11);
  }

  void Send(const HttpResponse& response, bool keep_alive, unsigned version) {
    auto bytes = ResponseBytes(response, keep_alive, version);
    stream_.expires_after(service_.options.write_timeout);
    asio::async_write(stream_, asio::buffer(*bytes),
                      [self = shared_from_this(), bytes, keep_alive](beast::error_code ec, size_t) {
                        if (ec || !keep_alive) return self->Close();
                        self->Read();
                      });
  }

  // Closes after the response, reading and dropping what the client still sends (the rest of an
  // oversize body) for a while, so that it gets to read the response rather than a reset.
  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    Drain(0);
  }

  void Drain(size_t drained) {
    constexpr size_t kDrainLimit = 64 << 20;
    if (drained > kDrainLimit) return stream_.close();
    stream_.expires_after(std::chrono::seconds(5));
    stream_.async_read_some(asio::buffer(drain_), [self = shared_from_this(), drained](beast::error_code ec, size_t n) {
      if (ec) return self->stream_.close();
      self->Drain(drained + n);
    });
  }

  Service::Impl& service_;
  ConnectionSlot slot_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::array<char, 16384> drain_;
  std::optional<http::request_parser<http::string_body>> parser_;
};

}  // namespace

void Service::Impl::SendSoon(std::shared_ptr<StreamSession> stream) {
  to_send.push_back(std::move(stream));
  if (flush_queued) return;
  flush_queued = true;
  asio::post(io, [this] { Flush(); });
}

void Service::Impl::Flush() {
  flush_queued = false;
  std::vector<std::shared_ptr<StreamSession>> streams;
  streams.swap(to_send);
  // On loopback or a NIC alike, the kernel's work for each send is most of a fan-out's time
  // (BENCHMARKS.md, fan-out); with a core to spare, a second thread takes half of them. Each
  // thread writes only its own streams' sockets, and nothing else is touched until both are done.
  auto send = [&streams](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) streams[i]->SendQueued();
  };
  if (options.run_both && options.fanout_share_from > 0 && streams.size() >= options.fanout_share_from) {
    const size_t half = streams.size() / 2;
    options.run_both([&] { send(0, half); }, [&] { send(half, streams.size()); });
  } else {
    send(0, streams.size());
  }
  for (const auto& stream : streams) stream->AfterSend();
}

void Service::Impl::Accept() {
  acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (ec == asio::error::no_descriptors || ec.value() == ENFILE || ec == asio::error::no_buffer_space ||
        ec == asio::error::no_memory) {
      // Out of file descriptors (more clients than `ulimit -n`): accepting again at once would
      // fail again at once and spin. Pause; the pending connections wait in the backlog while
      // those open finish, and the service keeps serving them meanwhile.
      if (options.log && !accept_paused)
        *options.log << "accept: " << ec.message() << "; pausing new connections until some close\n" << std::flush;
      accept_paused = true;
      accept_pause.expires_after(std::chrono::milliseconds(100));
      accept_pause.async_wait([this](beast::error_code wait_ec) {
        if (!wait_ec) Accept();
      });
      return;
    }
    if (!ec) {
      accept_paused = false;
      Admit(std::move(socket));
    }
    Accept();
  });
}

void Service::Impl::Admit(tcp::socket socket) {
  beast::error_code ec;
  const tcp::endpoint peer = socket.remote_endpoint(ec);
  if (ec) return;  // gone already
  std::string client = ClientOf(peer.address());
  std::shared_ptr<const std::string> refusal;
  if (connections >= options.max_connections) {
    static const auto kBusy = RefusalBytes(http::status::service_unavailable, "too many connections");
    refusal = kBusy;
  } else if (!limits.Connect(client)) {
    refusal = RefusalBytes(http::status::too_many_requests,
                           "too many connections from " + client + ": at most " +
                               std::to_string(limits.options().connections) + " at once");
  } else {
    std::make_shared<HttpSession>(std::move(socket), *this, ConnectionSlot(*this, std::move(client)))->Read();
    return;
  }
  auto held = std::make_shared<tcp::socket>(std::move(socket));
  asio::async_write(*held, asio::buffer(*refusal), [held, refusal](beast::error_code, size_t) {
    beast::error_code ignored;
    held->close(ignored);
  });
}

void Service::Impl::ReplayNext() {
  ReplayState& r = *replay;
  if (r.next >= r.plan.steps.size()) {
    if (r.done) r.done(r.declared, r.refused);
    return;
  }
  auto due = [&](size_t i) {
    if (r.speed <= 0) return r.start;
    return r.start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                         std::chrono::duration<double>(r.plan.steps[i].offset_seconds / r.speed));
  };
  replay_timer.expires_at(due(r.next));
  replay_timer.async_wait([this, due](beast::error_code ec) {
    if (ec) return;
    ReplayState& r = *replay;
    // Everything due now goes in one write (one transaction); at speed 0 a bounded batch, so
    // requests are served between batches.
    const auto now = std::chrono::steady_clock::now();
    std::vector<Declaration> batch;
    size_t end = r.next;
    while (end < r.plan.steps.size() && due(end) <= now && batch.size() < 64)
      batch.push_back(r.plan.steps[end++].declaration);
    if (batch.empty()) batch.push_back(r.plan.steps[end++].declaration);
    const Writer writer{"replay", "replay"};
    if (engine.Declare(batch, Revision::kNew, writer)) {
      r.declared += batch.size();
    } else {
      // One bad declaration must not stop the night: apply the rest one by one.
      for (Declaration& d : batch) {
        auto one = engine.Declare({d}, Revision::kNew, writer);
        if (one) {
          ++r.declared;
        } else {
          ++r.refused;
          if (options.log) *options.log << "replay: refused " << one.error().ToString() << "\n" << std::flush;
        }
      }
    }
    r.next = end;
    ReplayNext();
  });
}

void Service::Impl::CatchUp() {
  catch_up_queued = false;
  auto caught_up = engine.CatchUp();
  const std::string error = caught_up ? "" : caught_up.error().ToString();
  if (error != follow_error && options.log)
    *options.log << (error.empty() ? "follow: caught up with the results log again" : "follow: " + error) << "\n"
                 << std::flush;
  follow_error = error;
}

Service::Service(Engine& engine, EventHub& hub, Api& api, ServiceOptions options)
    : impl_(std::make_unique<Impl>(engine, hub, api, std::move(options))) {}

Service::~Service() = default;

Result<uint16_t> Service::Listen() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) return MakeError("'" + impl_->options.host + "' is not an IP address", "--host");
  tcp::endpoint endpoint(address, impl_->options.port);
  tcp::acceptor& a = impl_->acceptor;
  const std::string where = impl_->options.host + ":" + std::to_string(impl_->options.port);
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return MakeError("cannot listen on " + where + ": " + ec.message(), "--port");
  impl_->Accept();
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) Stop();
  });
  return a.local_endpoint().port();
}

void Service::Replay(ReplayPlan plan, double speed, std::function<void(size_t, size_t)> done) {
  // Assigned, not emplace()d: clang 14 (the fuzz preset) does not see a nested struct with
  // member initializers as default-constructible.
  impl_->replay = Impl::ReplayState{};
  impl_->replay->plan = std::move(plan);
  impl_->replay->speed = speed;
  impl_->replay->start = std::chrono::steady_clock::now();
  impl_->replay->done = std::move(done);
  asio::post(impl_->io, [this] { impl_->ReplayNext(); });
}

void Service::Run() { impl_->io.run(); }

void Service::Stop() { impl_->io.stop(); }

}  // namespace psephos
