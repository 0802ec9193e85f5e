#include "server/api.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "analysis/party_shares.h"
#include "publish/analysis_views.h"
#include "publish/count_views.h"
#include "publish/live_views.h"
#include "publish/views.h"
#include "readers/democracy_club.h"
#include "readers/night_json.h"
#include "server/internal/embedded_openapi.h"
#include "readers/json_text.h"

namespace psephos {

namespace {

using nlohmann::json;

constexpr size_t kCacheLimit = 512;
constexpr size_t kLogPageLimit = 1000;

std::string Hex64(uint64_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<size_t>(i)] = kHex[v & 15];
  return out;
}

int FromHex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') out += ' ';
    else if (s[i] == '%' && i + 2 < s.size() && FromHex(s[i + 1]) >= 0 && FromHex(s[i + 2]) >= 0) {
      out += static_cast<char>(FromHex(s[i + 1]) * 16 + FromHex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

int StatusOf(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid: return 422;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kConflict: return 409;
    case ErrorKind::kUnavailable: return 503;
  }
  return 400;
}

json ErrorBody(int status, const std::string& message, const Error* error = nullptr) {
  json e = {{"status", status}, {"message", message}};
  if (error) {
    e["file"] = error->file;
    e["line"] = error->line;
    e["field"] = error->field;
  }
  return {{"error", e}, {"applied", false}};
}

// Query values: whole numbers >= 0, true/false flags, filters and baselines.
struct Query {
  const std::map<std::string, std::string>& values;

  Result<int64_t> Seq(const char* key) const {
    auto it = values.find(key);
    if (it == values.end() || it->second.empty()) return int64_t{0};
    int64_t v = 0;
    for (char c : it->second) {
      if (c < '0' || c > '9' || v > (INT64_MAX - 9) / 10)
        return MakeError("expected a whole number, found '" + it->second + "'", key);
      v = v * 10 + (c - '0');
    }
    return v;
  }
  Result<CouncilFilter> Filter() const {
    CouncilFilter f;
    if (auto it = values.find("london"); it != values.end()) {
      if (it->second != "true" && it->second != "false" && !it->second.empty())
        return MakeError("expected true or false", "london");
      f.london_only = it->second != "false";
    }
    if (auto it = values.find("region"); it != values.end() && !it->second.empty()) f.region = it->second;
    auto type = Choice<std::optional<CouncilType>>(
        "type", std::nullopt, ParseCouncilType,
        "london-borough, metropolitan-borough, non-metropolitan-district, unitary");
    if (!type) return type.error();
    f.type = *type;
    return f;
  }
  // A value picked from a list, `fallback` when the parameter is absent or empty.
  template <typename T, typename Parse>
  Result<T> Choice(const char* key, T fallback, Parse parse, const char* choices) const {
    auto it = values.find(key);
    if (it == values.end() || it->second.empty()) return fallback;
    auto value = parse(it->second);
    if (!value) return MakeError("'" + it->second + "' is not one of " + choices, key);
    return T(*value);
  }
  Result<ShareMethod> Method() const {
    return Choice("method", ShareMethod::kTopCandidate, ParseShareMethod,
                  "top-candidate, raw-total, average-per-candidate");
  }
  Result<Baseline> BaselineOf() const {
    return Choice("baseline", Baseline::kEveOfPoll, ParseBaseline, "eve-of-poll, last-fought");
  }
};

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "application/json; charset=utf-8" -> "application/json"
std::string MediaType(std::string_view content_type) {
  std::string out(TrimSpace(content_type.substr(0, content_type.find(';'))));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A JSON answer: the text, a line end after it.
HttpResponse JsonAnswer(int status, std::string text) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(text);
  r.body += "\n";
  return r;
}

}  // namespace

std::string ETagOf(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return "\"" + Hex64(h) + "\"";
}

std::optional<HttpResponse> NotModified(const HttpResponse& response, const std::string& if_none_match) {
  if (response.status != 200 || if_none_match.empty()) return std::nullopt;
  for (const auto& [name, value] : response.headers)
    if (name == "ETag" && if_none_match.find(value) != std::string::npos) {
      HttpResponse not_modified;
      not_modified.status = 304;
      not_modified.content_type.clear();
      not_modified.headers = response.headers;
      return not_modified;
    }
  return std::nullopt;
}

HttpResponse ErrorResponse(int status, const std::string& message) {
  return JsonAnswer(status, JsonText(ErrorBody(status, message)));
}

std::pair<std::string, std::map<std::string, std::string>> SplitTarget(const std::string& target) {
  std::map<std::string, std::string> query;
  const size_t q = target.find('?');
  std::string path = Decode(std::string_view(target).substr(0, q));
  if (q == std::string::npos) return {path, query};
  std::string_view rest = std::string_view(target).substr(q + 1);
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    const size_t eq = pair.find('=');
    if (!pair.empty())
      query[Decode(pair.substr(0, eq))] = eq == std::string_view::npos ? "" : Decode(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return {path, query};
}

Api::Api(Engine& engine, ApiOptions options) : engine_(engine), options_(std::move(options)) {}

// Every dump replaces invalid UTF-8 (U+FFFD) instead of throwing: error messages quote the
// request's bytes and CSV bodies are not checked for UTF-8, and nlohmann's default throws
// type_error 316, which ended the service (found by fuzz/api_targets.cc).
HttpResponse Api::Json(int status, const json& body) const { return JsonAnswer(status, JsonText(body)); }

HttpResponse Api::Handle(const HttpRequest& request) {
  auto [path, query] = SplitTarget(request.target);
  HttpResponse response;
  const bool read = request.method == "GET" || request.method == "HEAD";
  if (read) {
    const int64_t seq = engine_.seq();
    auto cached = cache_.find(request.target);
    if (cached != cache_.end() && cached->second.seq == seq) {
      response = cached->second.response;
    } else {
      response = Get(path, query);
      if (response.status == 200) {
        response.headers.emplace_back("ETag", ETagOf(response.body));
        if (cache_.size() >= kCacheLimit) cache_.clear();
        cache_[request.target] = Cached{seq, response};
      }
    }
    if (auto not_modified = NotModified(response, request.if_none_match)) response = std::move(*not_modified);
    if (request.method == "HEAD") AnswerHead(response);
  } else if (request.method == "POST") {
    response = Post(request, path);
  } else {
    response = Json(405, ErrorBody(405, "method " + request.method + " is not allowed here; use GET or POST"));
    response.headers.emplace_back("Allow", "GET, HEAD, POST");
  }
  response.headers.emplace_back("Cache-Control", "no-cache");
  response.headers.emplace_back("X-Psephos-Seq", std::to_string(engine_.seq()));
  if (engine_.night().election().rehearsal) response.headers.emplace_back("X-Psephos-Rehearsal", "true");
  return response;
}

HttpResponse Api::Get(const std::string& path, const std::map<std::string, std::string>& values) {
  const Night& night = engine_.night();
  const PartyRegistry& registry = night.registry();
  const bool rehearsal = night.election().rehearsal;
  Query query{values};
  auto bad_query = [&](const Error& e) {
    return Json(400, ErrorBody(400, "query parameter " + e.field + ": " + e.message, &e));
  };
  // Every body says whether the night is a rehearsal, as test feeds do.
  auto ok = [&](json body) {
    body["rehearsal"] = rehearsal;
    return Json(200, body);
  };
  auto filter = query.Filter();
  if (!filter) return bad_query(filter.error());
  auto baseline = query.BaselineOf();
  if (!baseline) return bad_query(baseline.error());

  if (path == "/api" || path == "/api/") {
    return ok({{"name", "Psephos results API"},
               {"openapi", "/api/openapi.json"},
               {"routes",
                {"/api/night", "/api/parties", "/api/mayors", "/api/parties/registry", "/api/councils", "/api/councils/{id}", "/api/councils/{id}/wards",
                 "/api/councils/{id}/marginality", "/api/shares", "/api/closest", "/api/pns", "/api/commons",
                 "/api/headlines", "/api/log", "/api/events"}}});
  }
  if (path == "/api/openapi.json") {
    HttpResponse r;
    r.body = std::string(internal::kOpenApiJson);
    return r;
  }
  if (path == "/healthz") return ok({{"status", "ok"}, {"seq", engine_.seq()}});
  if (path == "/api/night") {
    json body = NightSummaryJson(engine_);
    // What analysis this service can do beyond the night itself (the page asks only for those).
    body["analysis"] = {{"pns", options_.previous != nullptr}, {"commons", options_.commons != nullptr}};
    return ok(body);
  }
  if (path == "/api/mayors") {
    json list = json::array();
    for (const MayoralResult& m : night.mayors()) list.push_back(MayoralJson(m));
    return ok({{"mayors", list}});
  }
  if (path == "/api/parties") {
    json body = StateOfPartiesJson(engine_.Parties(*filter, *baseline), registry);
    body["seq"] = engine_.seq();
    return ok(body);
  }
  if (path == "/api/parties/registry") return ok(PartyRegistryJson(registry));
  if (path == "/api/shares") {
    // Vote shares over the declared contested wards; the method is said in the body.
    auto method = query.Method();
    if (!method) return bad_query(method.error());
    ShareQuery share_query{*filter, "", *method};
    if (auto it = values.find("council"); it != values.end()) share_query.council = it->second;
    if (!share_query.council.empty() && !night.FindCouncil(share_query.council))
      return Json(404, ErrorBody(404, "no council '" + share_query.council + "'"));
    return ok(SharesJson(SharesOf(night, share_query), registry));
  }
  if (path == "/api/pns" || path == "/api/commons") {
    // The projected national share rests on wards comparable with last time; the Commons
    // projection takes it (or shares given as ?share=CON=35,LAB=35) to the constituencies.
    auto method = query.Method();
    if (!method) return bad_query(method.error());
    PnsOptions pns_options;
    pns_options.filter = *filter;
    pns_options.method = *method;
    auto given = values.find("share");
    std::optional<ProjectedNationalShare> pns;
    if (path == "/api/pns" || given == values.end()) {
      if (!options_.previous)
        return Json(404, ErrorBody(404, "no projected national share: the service was started without the last "
                                        "results for these seats (psephos serve --previous FILE); give ?share= for "
                                        "a Commons projection"));
      auto projected = ProjectNationalShare(night, *options_.previous, pns_options);
      if (!projected) return Json(404, ErrorBody(404, projected.error().ToString(), &projected.error()));
      pns = std::move(*projected);
      if (path == "/api/pns") return ok(PnsJson(*pns, registry));
    }
    if (!options_.commons)
      return Json(404, ErrorBody(404, "no Commons projection: the service was started without the general "
                                      "election's constituencies (psephos serve --ge FILE)"));
    std::map<std::string, double> shares;
    std::string source = "given";
    if (given != values.end()) {
      auto parsed = ParseShares(registry, given->second, "share");
      if (!parsed) return bad_query(parsed.error());
      shares = std::move(*parsed);
    } else {
      shares = pns->Shares();
      source = "projected national share from " + std::to_string(pns->wards) + " wards";
    }
    auto swing = query.Choice("swing", SwingMethod::kUniform, ParseSwingMethod, "uniform, proportional");
    if (!swing) return bad_query(swing.error());
    auto projection = options_.commons->Project(shares, *swing);
    if (!projection) return bad_query(projection.error());
    auto simulations = query.Seq("simulations");
    if (!simulations) return bad_query(simulations.error());
    auto seed = query.Seq("seed");
    if (!seed) return bad_query(seed.error());
    std::optional<CommonsSimulation> simulation;
    const int64_t draws = values.count("simulations") ? *simulations : 10000;
    if (draws > 100000) return bad_query(MakeError("at most 100000 simulations", "simulations"));
    if (draws > 0) {
      auto sim = options_.commons->Simulate(
          shares, *swing, {.simulations = static_cast<int>(draws), .seed = static_cast<uint64_t>(*seed == 0 ? 1 : *seed)});
      if (!sim) return bad_query(sim.error());
      simulation = std::move(*sim);
    }
    return ok(CommonsJson(*projection, shares, source, simulation, registry));
  }
  if (path == "/api/closest") {
    auto limit = query.Seq("limit");
    if (!limit) return bad_query(limit.error());
    const size_t n = *limit == 0 ? 10 : std::min<size_t>(static_cast<size_t>(*limit), 1000);
    return ok({{"closest", ClosestJson(ClosestCouncils(night, n), registry)}});
  }
  if (path == "/api/headlines") {
    return ok({{"baseline", std::string(ToString(*baseline))},
               {"filter", filter->Describe()},
               {"headlines", Headlines(night, *filter, *baseline)}});
  }
  if (path == "/api/councils") {
    auto since = query.Seq("since");
    if (!since) return bad_query(since.error());
    json list = json::array();
    // Every council was set up by entry 1, so one nothing has touched since counts as changed
    // there: without `since` the list holds every council, declared or awaiting.
    for (const Council& c : night.councils())
      if (filter->Matches(c) && std::max<int64_t>(engine_.ChangedAt(c.id), 1) > *since)
        list.push_back(CouncilJson(night, c, false));
    return ok({{"filter", filter->Describe()}, {"since", *since}, {"seq", engine_.seq()}, {"councils", list}});
  }
  if (path.starts_with("/api/councils/")) {
    std::string id = path.substr(std::string("/api/councils/").size());
    bool wards_only = false;
    if (id.ends_with("/wards")) {
      id.resize(id.size() - std::string("/wards").size());
      wards_only = true;
    }
    bool marginality = false;
    if (id.ends_with("/marginality")) {
      id.resize(id.size() - std::string("/marginality").size());
      marginality = true;
    }
    const Council* council = night.FindCouncil(id);
    if (!council) return Json(404, ErrorBody(404, "no council '" + id + "' (GET /api/councils lists them)"));
    if (marginality) {
      // The fewest votes that would have changed who controls it, wards named (exact).
      auto m = MarginalityOf(night, id);
      if (!m) return Json(404, ErrorBody(404, m.error().ToString(), &m.error()));
      return ok(MarginalityJson(*m, registry));
    }
    json body = CouncilJson(night, *council, true);
    if (wards_only) return ok({{"council", council->id}, {"wards", body["wards"]}});
    return ok(body);
  }
  if (path == "/api/log") {
    auto since = query.Seq("since");
    if (!since) return bad_query(since.error());
    auto limit = query.Seq("limit");
    if (!limit) return bad_query(limit.error());
    const size_t n = *limit == 0 ? kLogPageLimit : std::min<size_t>(static_cast<size_t>(*limit), kLogPageLimit);
    auto entries = engine_.log().Read(*since, n);
    if (!entries) return Json(503, ErrorBody(503, entries.error().ToString()));
    return JsonAnswer(200, LogPageJson(*since, engine_.seq(), rehearsal, *entries));
  }
  return Json(404, ErrorBody(404, "no such resource: " + path + " (GET /api lists them)"));
}

HttpResponse Api::Post(const HttpRequest& request, const std::string& path) {
  const bool declarations = path == "/api/declarations", corrections = path == "/api/corrections",
             withdrawals = path == "/api/withdrawals", councils = path == "/api/councils",
             mayors = path == "/api/mayors";
  if (!declarations && !corrections && !withdrawals && !councils && !mayors) {
    HttpResponse r = Json(path.starts_with("/api/") && path != "/api/events" ? 404 : 405,
                          ErrorBody(404, "nothing to POST to at " + path +
                                             " (writes go to /api/declarations, /api/corrections, "
                                             "/api/withdrawals, /api/councils, /api/mayors)"));
    return r;
  }
  // Who writes: a bearer token from the service's token file.
  const std::string_view auth = request.authorization;
  if (auth.empty()) {
    HttpResponse r = Json(401, ErrorBody(401, "writes need a token: send 'Authorization: Bearer <token>'"));
    r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"psephos\"");
    return r;
  }
  std::optional<std::string> author;
  if (auth.size() > 7 && (auth.substr(0, 7) == "Bearer " || auth.substr(0, 7) == "bearer "))
    author = options_.tokens.Holder(TrimSpace(auth.substr(7)));
  if (!author) {
    HttpResponse r = Json(403, ErrorBody(403, "the token is not one of this service's tokens"));
    r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"psephos\", error=\"invalid_token\"");
    return r;
  }
  if (request.body.size() > options_.max_body)
    return Json(413, ErrorBody(413, "the body has " + std::to_string(request.body.size()) + " bytes; at most " +
                                        std::to_string(options_.max_body) + " are taken"));
  if (request.body.empty()) return Json(400, ErrorBody(400, "the body is empty"));
  const std::string media = MediaType(request.content_type);
  const bool csv = media == "text/csv";
  const bool json_only = withdrawals || councils || mayors;
  if (media != "application/json" && !(csv && !json_only))
    return Json(415, ErrorBody(415, "send the body as application/json" +
                                        std::string(json_only ? "" : " (or text/csv: Democracy Club rows)") +
                                        ", not '" + request.content_type + "'"));

  const Writer writer{"http", *author};
  const std::string where = "request body";
  const PartyRegistry& registry = engine_.night().registry();
  auto refused = [&](const Error& e, int status) {
    return Json(status, ErrorBody(status, e.ToString(), &e));
  };
  Result<Receipt> receipt = MakeError("");
  if (declarations || corrections) {
    Result<std::vector<Declaration>> parsed = std::vector<Declaration>{};
    if (csv) {
      ReadOptions read;
      read.election_date = engine_.night().election().date;
      auto set = ReadDemocracyClubCsvText(request.body, where, registry, read);
      if (!set) return refused(set.error(), 400);
      if (set->declarations.empty())
        return refused(MakeError("no rows for this night's date (" + read.election_date + ")", "", where), 422);
      parsed = std::move(set->declarations);
    } else {
      parsed = ParseDeclarationsJson(request.body, where, registry);
      if (!parsed) return refused(parsed.error(), 400);
    }
    receipt = engine_.Declare(std::move(*parsed), corrections ? Revision::kCorrection : Revision::kNew, writer);
  } else if (withdrawals) {
    auto withdrawal = ParseWithdrawalJson(request.body, where);
    if (!withdrawal) return refused(withdrawal.error(), 400);
    receipt = engine_.Withdraw(withdrawal->council, withdrawal->ward, writer);
  } else if (mayors) {
    auto mayor = ParseMayorJson(request.body, where);
    if (!mayor) return refused(mayor.error(), 400);
    // A recount of a mayoral contest says so in its body: {"correction": true, ...}.
    const Revision revision = mayor->correction ? Revision::kCorrection : Revision::kNew;
    receipt = engine_.DeclareMayor(std::move(*mayor), revision, writer);
  } else {
    auto council = ParseCouncilJson(request.body, where, registry);
    if (!council) return refused(council.error(), 400);
    receipt = engine_.ReplaceCouncil(std::move(*council), writer);
  }
  if (!receipt) return refused(receipt.error(), StatusOf(receipt.error().kind));
  const int64_t n = receipt->last_seq - receipt->first_seq + 1;
  return Json(201, {{"applied", true},
                    {"entries", n},
                    {"first_seq", receipt->first_seq},
                    {"last_seq", receipt->last_seq},
                    {"councils", receipt->councils},
                    {"author", *author},
                    {"rehearsal", engine_.night().election().rehearsal}});
}

}  // namespace psephos
