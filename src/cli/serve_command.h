// serve_command.h
//
// `psephos serve`: the live results service. With no arguments it starts on the bundled demo
// night, replaying its declarations at 60 times the speed of the night, on 127.0.0.1:8080.
//
//   psephos serve                                   demo night, replayed, a new results log
//   psephos serve --night setup.json --log n.db     a live night: councils from the file, writes over HTTP
//   psephos serve --log n.db                        carry on with a night already in a log
//   psephos serve --log postgresql://h/db           a night in PostgreSQL, shared with other servers
//   psephos serve --replay lga:FILE --speed 0       replay results files as fast as possible
//   psephos serve --static web/public               the results page from this folder, at /
#ifndef PSEPHOS_CLI_SERVE_COMMAND_H_
#define PSEPHOS_CLI_SERVE_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "server/client_limits.h"
#include "server/service.h"

namespace psephos {

struct ServeInput {
  bool demo = false;
  std::string night_file;
  std::vector<std::string> replay;
  std::string log_file;  // a SQLite file, or a postgresql:// URI
  double speed = 60;
  bool rehearsal = false;
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  std::string tokens_file;
  // The service's limits, defaulting to the service's own.
  size_t max_body = ServiceOptions{}.max_body;
  size_t max_connections = ServiceOptions{}.max_connections;
  size_t stream_backlog = ServiceOptions{}.stream_backlog;
  size_t fanout_share_from = ServiceOptions{}.fanout_share_from;
  ClientLimitOptions client_limits{.burst = 0};  // burst 0: twice the rate
  bool allow_unknown_parties = false;
  std::string static_dir;  // the page's files; "" to look for them (FindPageDir)
  std::vector<std::string> previous;  // [FORMAT:]FILE: the last time the same seats were fought
  std::string ge;                     // general election constituencies (HoC CSV)
};

// Where the results page's files are when --static is not given: beside an installed binary
// (<prefix>/share/psephos/web), else web/public in the source tree the binary was built from.
// "" when neither exists (then only the API is served).
std::string FindPageDir();

CLI::App* AddServeCommand(CLI::App& app, ServeInput& input);
// Runs until SIGINT or SIGTERM. Exit codes as main.cc: 2 bad input, 1 cannot start.
int RunServe(const ServeInput& input);

}  // namespace psephos

#endif  // PSEPHOS_CLI_SERVE_COMMAND_H_
