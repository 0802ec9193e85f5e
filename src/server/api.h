// api.h
//
// The HTTP API as a function from a request to a response, with no sockets: the server
// (http_server.h) reads requests off connections and writes back what Api::Handle returns, and
// tests call Handle directly. Reads are public and cached per URL until the log moves on; each
// response carries an ETag (a hash of its bytes), so a client polling with If-None-Match gets
// 304 and no body while nothing it asked for has changed. Writes need a bearer token and are
// all or nothing: a 4xx names what was wrong and nothing is logged or applied.
//
//   Api api(engine, ApiOptions{.tokens = std::move(tokens)});
//   HttpResponse r = api.Handle(HttpRequest{.method = "GET", .target = "/api/parties?london=true"});
//
// Routes are listed in docs/API.md and in the OpenAPI document at /api/openapi.json.
#ifndef PSEPHOS_SERVER_API_H_
#define PSEPHOS_SERVER_API_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/engine.h"
#include "server/tokens.h"

namespace psephos {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // path and query: "/api/councils?since=40"
  std::string content_type;
  std::string authorization;  // the Authorization header, as sent
  std::string if_none_match;
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // beyond Content-Type
  // An answer to HEAD: no body, but the Content-Length the GET's body has (AnswerHead).
  std::optional<size_t> head_length;
};

// Turns the answer to a GET into the answer to a HEAD of the same target.
inline void AnswerHead(HttpResponse& response) {
  response.head_length = response.body.size();
  response.body.clear();
}

class CommonsModel;

struct ApiOptions {
  Tokens tokens;
  size_t max_body = 1 << 20;  // bytes; larger write bodies get 413
  // Analysis that needs more than the night, when the service was given it: the last time the
  // same seats were fought (the projected national share) and the last general election's
  // constituencies (the Commons projection).
  std::shared_ptr<const Night> previous;
  std::shared_ptr<const CommonsModel> commons;
};

class Api {
 public:
  Api(Engine& engine, ApiOptions options);

  HttpResponse Handle(const HttpRequest& request);

  // The path of the live event stream, which the server serves itself.
  static constexpr const char* kEventsPath = "/api/events";

 private:
  HttpResponse Get(const std::string& path, const std::map<std::string, std::string>& query);
  HttpResponse Post(const HttpRequest& request, const std::string& path);
  HttpResponse Json(int status, const nlohmann::json& body) const;

  Engine& engine_;
  ApiOptions options_;
  struct Cached {
    int64_t seq;
    HttpResponse response;
  };
  std::map<std::string, Cached> cache_;  // by target, valid while the engine's seq is unchanged
};

// "/a/b?x=1&y=North+West" -> path "/a/b", {x: "1", y: "North West"} (percent-decoded).
std::pair<std::string, std::map<std::string, std::string>> SplitTarget(const std::string& target);

// An entity tag for these bytes ("\"8f3a...\"", FNV-1a): it only has to change when they do.
std::string ETagOf(std::string_view bytes);
// The 304 answer to a request whose If-None-Match names `response`'s ETag; nullopt otherwise.
std::optional<HttpResponse> NotModified(const HttpResponse& response, const std::string& if_none_match);
// {"error": {"status": 404, "message": "..."}, "applied": false} as a response.
HttpResponse ErrorResponse(int status, const std::string& message);

}  // namespace psephos

#endif  // PSEPHOS_SERVER_API_H_
