// api_targets.cc
//
// Fuzz targets for what the service accepts over HTTP: each write route's body (declarations
// as JSON and as Democracy Club CSV, corrections, withdrawals, councils, mayors), GET targets
// with their query strings, and the tokens file. Requests go through Api::Handle, the function
// the server calls for every request, on an Engine over an in-memory log (store/memory_log.h),
// so a body is taken all the way through parsing, checking, logging and applying.
//
// One service is made on first use and kept for the whole run: a small demo night (three
// councils). Writes that succeed change it, as on a real night, so later inputs meet declared
// wards, corrections and withdrawals too.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "demo/generator.h"
#include "engine/engine.h"
#include "fuzz_targets.h"
#include "readers/night_json.h"
#include "readers/party_registry_reader.h"
#include "server/api.h"
#include "server/tokens.h"
#include "store/memory_log.h"

namespace psephos::fuzz {
namespace {

GeneratedNight DemoNight();

constexpr const char* kToken = "fuzz-token-0123456789";

class FuzzService {
 public:
  FuzzService() {
    GeneratedNight night = DemoNight();
    // In memory: the API's reading, checking and applying are what is fuzzed, thousands of
    // times a second; the SQLite log under failure is the crash-recovery and log-failure tests'.
    auto engine = Engine::Open(OpenMemoryLog(), &night.election, DefaultPartyRegistry());
    if (!engine) PropertyFailed("api", engine.error().ToString());
    engine_ = std::move(*engine);
    auto tokens = Tokens::Parse(std::string("fuzz ") + kToken + "\n", "tokens");
    if (!tokens) PropertyFailed("api", tokens.error().ToString());
    api_ = std::make_unique<Api>(*engine_, ApiOptions{*tokens, 1 << 20, nullptr, nullptr});
  }

  HttpResponse Post(const std::string& path, std::string_view body, const std::string& type) {
    return api_->Handle(HttpRequest{"POST", path, type, std::string("Bearer ") + kToken, "", std::string(body)});
  }
  HttpResponse Get(std::string_view target) {
    return api_->Handle(HttpRequest{"GET", std::string(target), "", "", "", ""});
  }

 private:
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<Api> api_;
};

FuzzService& Service() {
  static FuzzService service;
  return service;
}

void PrepareService() { (void)Service(); }

// A write answers 201 or a 4xx that says why; a 5xx is the service failing, not the body.
void CheckWrite(const char* target, const HttpResponse& r) {
  if (r.status >= 500) PropertyFailed(target, "status " + std::to_string(r.status) + ": " + r.body);
}

void Declarations(std::string_view in) { CheckWrite("api-declarations", Service().Post("/api/declarations", in, "application/json")); }
void DeclarationsCsv(std::string_view in) { CheckWrite("api-declarations-csv", Service().Post("/api/declarations", in, "text/csv")); }
void Corrections(std::string_view in) { CheckWrite("api-corrections", Service().Post("/api/corrections", in, "application/json")); }
void Withdrawals(std::string_view in) { CheckWrite("api-withdrawals", Service().Post("/api/withdrawals", in, "application/json")); }
void Councils(std::string_view in) { CheckWrite("api-councils", Service().Post("/api/councils", in, "application/json")); }
void Mayors(std::string_view in) { CheckWrite("api-mayors", Service().Post("/api/mayors", in, "application/json")); }

void Get(std::string_view in) {
  HttpResponse r = Service().Get(in);
  // /api/pns and /api/commons answer 503 when the service was not given what they need
  // (--previous, --ge); any other 5xx is a failure.
  const bool unconfigured = r.status == 503 && (in.starts_with("/api/pns") || in.starts_with("/api/commons"));
  if (r.status >= 500 && !unconfigured) PropertyFailed("api-get", "status " + std::to_string(r.status) + ": " + r.body);
}

void TokensFile(std::string_view in) {
  Result<Tokens> tokens = Tokens::Parse(in, "tokens.txt");
  if (!tokens) return;
  for (const auto& [name, token] : tokens->entries())
    if (tokens->Holder(token) != name) PropertyFailed("tokens", "a token read from the file is not held by its name");
  (void)tokens->Holder(in);
}

constexpr FuzzTarget kTargets[] = {
    {"api-declarations", Declarations, PrepareService},
    {"api-declarations-csv", DeclarationsCsv, PrepareService},
    {"api-corrections", Corrections, PrepareService},
    {"api-withdrawals", Withdrawals, PrepareService},
    {"api-councils", Councils, PrepareService},
    {"api-mayors", Mayors, PrepareService},
    {"api-get", Get, PrepareService},
    {"tokens", TokensFile},
};

// The fuzz service's night, for seeds: the same generator and councils as FuzzService.
GeneratedNight DemoNight() {
  GeneratedNight night = GenerateNight(GeneratorOptions{});
  night.election.councils.resize(3);
  std::erase_if(night.declarations, [&](const Declaration& d) {
    return std::none_of(night.election.councils.begin(), night.election.councils.end(),
                        [&](const Council& c) { return c.id == d.council; });
  });
  return night;
}

void WriteSeed(const std::string& dir, const std::string& target, const std::string& name, const std::string& body) {
  std::filesystem::create_directories(dir + "/" + target);
  std::ofstream(dir + "/" + target + "/" + name, std::ios::binary) << body;
}

}  // namespace

void WriteApiSeeds(const std::string& dir) {
  GeneratedNight night = DemoNight();
  for (size_t i = 0; i < std::min<size_t>(3, night.declarations.size()); ++i) {
    const std::string body = WriteDeclarationJson(night.declarations[i]);
    WriteSeed(dir, "api-declarations", "declaration-" + std::to_string(i) + ".json", body);
    WriteSeed(dir, "api-corrections", "correction-" + std::to_string(i) + ".json", body);
  }
  WriteSeed(dir, "api-declarations", "array.json",
            "[" + WriteDeclarationJson(night.declarations[3]) + "," + WriteDeclarationJson(night.declarations[4]) + "]");
  const Declaration& d = night.declarations[0];
  WriteSeed(dir, "api-withdrawals", "withdrawal.json", "{\"council\": \"" + d.council + "\", \"ward\": \"" + d.ward + "\"}");
  WriteSeed(dir, "api-councils", "council.json", WriteCouncilJson(night.election.councils[0]));
  WriteSeed(dir, "api-get", "night", "/api/night");
  WriteSeed(dir, "api-get", "parties", "/api/parties?london=true&baseline=last-fought");
  WriteSeed(dir, "api-get", "council", "/api/councils/" + d.council + "?since=1");
  WriteSeed(dir, "api-get", "wards", "/api/councils/" + d.council + "/wards");
  WriteSeed(dir, "api-get", "marginality", "/api/councils/" + d.council + "/marginality");
  WriteSeed(dir, "api-get", "shares", "/api/shares?method=raw-total&region=North%20West");
  WriteSeed(dir, "api-get", "commons", "/api/commons?share=CON=35,LAB=35&simulations=10&seed=1");
  WriteSeed(dir, "api-get", "log", "/api/log?since=0&limit=5");
  WriteSeed(dir, "api-get", "closest", "/api/closest?limit=3");
  WriteSeed(dir, "api-get", "headlines", "/api/headlines?type=london-borough");
}

std::span<const FuzzTarget> ApiFuzzTargets() { return kTargets; }

}  // namespace psephos::fuzz
