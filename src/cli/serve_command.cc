#include "cli/serve_command.h"

#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "analysis/commons.h"
#include "cli/night_input.h"
#include "demo/generator.h"
#include "engine/engine.h"
#include "engine/replay.h"
#include "readers/night_json.h"
#include "readers/constituency_csv.h"
#include "readers/party_registry_reader.h"
#include "readers/results_file.h"
#include "server/api.h"
#include "server/event_hub.h"
#include "server/service.h"
#include "server/tokens.h"
#include "store/postgres_log.h"
#include "store/sqlite_log.h"

namespace psephos {

namespace {

constexpr int kExitUsage = 1;
constexpr int kExitBadInput = 2;

int Fail(const Error& e, int code = kExitBadInput) {
  std::cerr << "psephos serve: " << e.ToString() << "\n";
  return code;
}

// What to serve: the setup (for a new log) and the declarations to replay.
struct Source {
  Election setup;
  std::vector<Declaration> replay;
  std::string description;
};

// `resumed`: the log holds a night already, so with no source given there is nothing to replay
// (a server joining a shared night, or carrying on with one), rather than the demo.
Result<Source> LoadSource(const ServeInput& input, const PartyRegistry& registry, bool resumed) {
  Source source;
  const bool demo = input.demo || (input.night_file.empty() && input.replay.empty() && !resumed);
  if (demo) {
    GeneratedNight night = GenerateNight(GeneratorOptions{});
    source.setup = std::move(night.election);
    source.replay = std::move(night.declarations);
    source.description = "the demo night (synthetic)";
  }
  if (!input.night_file.empty()) {
    if (input.demo) return MakeError("give --demo or --night, not both", "--night");
    auto file = ReadNightJson(input.night_file, registry);
    if (!file) return file.error();
    source.setup = std::move(file->election);
    source.replay = std::move(file->declarations);
    source.description = input.night_file;
  }
  ReadOptions options;
  options.unknown_parties = UnknownParties::kError;
  for (const std::string& spec : input.replay) {
    options.election_date = source.setup.date;
    auto set = ReadResultsFile(spec, registry, options);
    if (!set) return set.error();
    if (!set->new_parties.empty()) return MakeError("unknown parties in the file", "party", spec);
    if (source.setup.date.empty() && !set->declarations.empty()) {
      source.setup.date = BallotDate(set->declarations.front().ballot_id);
      source.setup.id = "local." + source.setup.date;
      source.setup.name = "Replay of " + spec;
    }
    for (Declaration& d : set->declarations) source.replay.push_back(std::move(d));
    if (source.description.empty()) source.description = spec;
  }
  if (input.rehearsal) source.setup.rehearsal = true;
  return source;
}

// A log that holds a night already is carried on with; a --night or --demo given as well must be
// the night it was started from (entry 1, the setup as written then), or its declarations would be
// replayed into another night. Rehearsal or not is the log's to say (checked apart).
Status CheckSameNight(const Engine& engine, Election given, const std::string& description) {
  auto first = engine.log().Read(0, 1);
  if (!first) return first.error();
  given.rehearsal = engine.night().election().rehearsal;
  if (first->empty() || first->front().body != WriteNightJson(given, {}))
    return MakeError("the results log holds another night than " + description +
                     " (its setup, entry 1, differs): give no night to carry on with the log's own");
  return {};
}

Result<std::unique_ptr<ResultsLog>> OpenLog(const std::string& target) {
  if (IsPostgresUri(target)) return OpenPostgresLog(target);
  return OpenSqliteLog(target);
}

Result<std::string> DefaultLogFile() {
  std::string pattern = (std::filesystem::temp_directory_path() / "psephos-XXXXXX").string();
  if (!mkdtemp(pattern.data())) return MakeError("cannot make a temporary directory for the results log", "--log");
  return pattern + "/night.db";
}

std::string Thousands(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string FindPageDir() {
  std::error_code ec;
  std::vector<std::filesystem::path> candidates;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "psephos" / "web");
#ifdef PSEPHOS_PAGE_DIR
  candidates.emplace_back(PSEPHOS_PAGE_DIR);
#endif
  for (const auto& dir : candidates)
    if (std::filesystem::is_regular_file(dir / "index.html", ec)) return dir.string();
  return "";
}

CLI::App* AddServeCommand(CLI::App& app, ServeInput& input) {
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "The live results service: HTTP API, live event stream, replay. With no options: the demo night, "
      "replayed at 60x on 127.0.0.1:8080");
  cmd->add_option("--log", input.log_file,
                  "The results log: a SQLite file, or a PostgreSQL database as postgresql://[USER@]HOST[:PORT]/DB "
                  "that several servers share (docs/POSTGRES.md). A log with entries is carried on with (and "
                  "nothing is replayed unless asked); an empty one is started from the night. Default: a new "
                  "file in a temporary directory");
  cmd->add_flag("--demo", input.demo, "Serve the bundled demo night (the default when no night is given and the log is empty)");
  cmd->add_option("--night", input.night_file,
                  "Night file (docs/NIGHT_FORMAT.md): the councils set up before polling day; its declarations "
                  "are replayed")
      ->check(CLI::ExistingFile);
  cmd->add_option("--replay", input.replay,
                  "Results file to replay, [FORMAT:]FILE; repeatable. Formats: " + std::string(ResultsFormatNames()));
  cmd->add_option("--speed", input.speed,
                  "Replay speed: N times as fast as the night (0: as fast as possible)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_flag("--rehearsal", input.rehearsal,
                "Mark a new night as a rehearsal (test data): every response says so");
  cmd->add_option("--host", input.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", input.port, "Port to listen on (0: any free port)")->capture_default_str();
  cmd->add_option("--tokens", input.tokens_file,
                  "Who may write: a file of lines '<name> <token>'. Default: one random token, printed")
      ->check(CLI::ExistingFile);
  cmd->add_option("--max-body", input.max_body, "Largest request body taken, in bytes")->capture_default_str();
  cmd->add_option("--max-connections", input.max_connections, "Connections at once; more get 503")
      ->capture_default_str();
  cmd->add_option("--stream-backlog", input.stream_backlog,
                  "Bytes of events a live-stream client may fall behind by before it is dropped (it reconnects "
                  "and resumes with Last-Event-ID); the stream keeps half as much for resuming")
      ->check(CLI::Range(size_t{1} << 10, size_t{1} << 30))
      ->capture_default_str();
  cmd->add_option("--fanout-share-from", input.fanout_share_from,
                  "Live-stream clients written to at once from which a second thread takes half the sends "
                  "(0: one thread always)")
      ->capture_default_str();
  // Per client; loopback is exempt by default (ClientLimits says why; docs/API.md).
  cmd->add_option("--max-connections-per-client", input.client_limits.connections,
                  "Connections one client address (an IPv6 /64) may hold at once, live streams included; more "
                  "get 429. 0: no limit")
      ->capture_default_str();
  // CLI11's NonNegativeNumber would quote the largest double in its message.
  const CLI::Validator not_negative(
      [](std::string& text) -> std::string {
        return !text.empty() && text[0] != '-' ? "" : "expected a number of 0 or more, found '" + text + "'";
      },
      "");
  cmd->add_option("--rate-limit", input.client_limits.rate,
                  "Requests a second one client address may make, sustained; more get 429 with Retry-After. "
                  "0: no limit")
      ->check(not_negative)
      ->capture_default_str();
  cmd->add_option("--rate-burst", input.client_limits.burst,
                  "Requests a client may make at once on top of the rate. Default: twice --rate-limit")
      ->check(not_negative);
  cmd->add_flag("--limit-loopback", input.client_limits.loopback,
                "Apply the per-client limits to loopback clients too. By default they are exempt: a client on "
                "this machine is a benchmark, a test, or a reverse proxy through which every outside client "
                "arrives from one address (a proxy should limit per client itself)");
  cmd->add_option("--previous", input.previous,
                  "The last time the same seats were fought, [FORMAT:]FILE (repeatable): enables /api/pns and "
                  "change in share");
  cmd->add_option("--ge", input.ge,
                  "General election constituency results (the House of Commons library CSV): enables "
                  "/api/commons")
      ->check(CLI::ExistingFile);
  cmd->add_option("--static", input.static_dir,
                  "The results page's folder, served at / (every path outside /api). Default: "
                  "<prefix>/share/psephos/web beside the binary, else web/public in the source tree")
      ->check(CLI::ExistingDirectory);
  return cmd;
}

int RunServe(const ServeInput& input) {
  // Past a file size limit (RLIMIT_FSIZE) the kernel sends SIGXFSZ, which would end the service;
  // ignored, the write fails with EFBIG instead and is refused with a 503, as on a full disk,
  // while reads are served on.
  std::signal(SIGXFSZ, SIG_IGN);
  PartyRegistry registry = DefaultPartyRegistry();
  std::string log_file = input.log_file;
  if (log_file.empty()) {
    auto made = DefaultLogFile();
    if (!made) return Fail(made.error(), kExitUsage);
    log_file = *made;
  }
  auto log = OpenLog(log_file);
  if (!log) return Fail(log.error(), kExitUsage);
  const bool resumed = (*log)->LastSeq() > 0;
  const std::string where = (*log)->Describe();  // no password in it
  auto source = LoadSource(input, registry, resumed);
  if (!source) return Fail(source.error());

  // The stream keeps as much as a client may be behind by and still be caught up (StreamSession).
  EventHub hub(input.stream_backlog / 2);
  auto engine = Engine::Open(std::move(*log), &source->setup, registry, {},
                             [&hub](const Delta& d, const Engine& e) { hub.OnDelta(d, e); });
  if (!engine) return Fail(engine.error());
  Engine& night = **engine;
  if (input.rehearsal && !night.night().election().rehearsal)
    return Fail(MakeError("this log holds a live night; start a new log for a rehearsal", "--rehearsal", where),
                kExitUsage);
  if (resumed && (input.demo || !input.night_file.empty())) {
    if (Status s = CheckSameNight(night, source->setup, source->description); !s)
      return Fail(MakeError(s.error().message, input.demo ? "--demo" : "--night", where), kExitUsage);
  }

  Tokens tokens = Tokens::Random("local");
  if (!input.tokens_file.empty()) {
    auto read = ReadTokens(input.tokens_file);
    if (!read) return Fail(read.error());
    tokens = std::move(*read);
  }
  ApiOptions api_options;
  if (!input.previous.empty()) {
    NightInput previous;
    previous.results = input.previous;
    previous.allow_unknown_parties = input.allow_unknown_parties;
    auto before = BuildNight(previous, std::cerr);
    if (!before) return Fail(before.error());
    api_options.previous = std::make_shared<const Night>(std::move(*before));
  }
  if (!input.ge.empty()) {
    auto seats = ReadConstituencyCsv(input.ge, true);
    if (!seats) return Fail(seats.error());
    auto model = CommonsModel::Create(std::move(*seats));
    if (!model) return Fail(model.error());
    api_options.commons = std::make_shared<const CommonsModel>(std::move(*model));
  }
  api_options.tokens = tokens;
  api_options.max_body = input.max_body;
  Api api(night, std::move(api_options));

  ServiceOptions options;
  options.host = input.host;
  options.port = input.port;
  options.max_body = input.max_body;
  options.max_connections = input.max_connections;
  options.stream_backlog = input.stream_backlog;
  options.fanout_share_from = input.fanout_share_from;
  options.run_both = RunOnTwoThreads;
  options.client_limits = input.client_limits;
  if (input.client_limits.burst <= 0) options.client_limits.burst = 2 * input.client_limits.rate;
  options.log = &std::cerr;
  options.static_dir = input.static_dir.empty() ? FindPageDir() : input.static_dir;
  Service service(night, hub, api, options);
  auto port = service.Listen();
  if (!port) return Fail(port.error(), kExitUsage);

  const Election& e = night.night().election();
  std::cout << "Psephos: " << (e.name.empty() ? e.id : e.name) << (e.rehearsal ? "  [REHEARSAL: not real results]" : "")
            << "\n  results log: " << where << (resumed ? " (carried on" : " (new") << ", at entry " << night.seq()
            << ")\n";
  ReplayPlan plan = PlanReplay(std::move(source->replay), night);
  if (!plan.steps.empty()) {
    const double span = plan.steps.back().offset_seconds;
    std::cout << "  replaying " << Thousands(plan.steps.size()) << " declarations from " << source->description;
    if (plan.skipped) std::cout << " (" << Thousands(plan.skipped) << " already in the log)";
    if (input.speed > 0)
      std::cout << " at " << input.speed << "x: the night in about " << std::lround(span / input.speed / 60)
                << " minutes\n";
    else
      std::cout << " as fast as possible\n";
    service.Replay(std::move(plan), input.speed, [](size_t declared, size_t refused) {
      std::cout << "  replay finished: " << declared << " declared" << (refused ? ", " + std::to_string(refused) + " refused" : "")
                << "\n"
                << std::flush;
    });
  }
  if (input.tokens_file.empty())
    std::cout << "  writes need 'Authorization: Bearer " << tokens.entries().front().second
              << "' (or give --tokens FILE)\n";
  if (options.static_dir.empty())
    std::cout << "  no results page found (give --static DIR); serving the API only\n";
  else
    std::cout << "  the results page from " << options.static_dir << "\n";
  std::cout << "Serving on http://" << input.host << ":" << *port << "/  (API index: /api; Ctrl-C stops)\n"
            << std::flush;
  service.Run();
  std::cout << "Stopped at entry " << night.seq() << "; the log is " << where << "\n";
  return 0;
}

}  // namespace psephos
