#include "cli/generate_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string_view>
#include <vector>

#include "core/party.h"
#include "core/ward_count.h"
#include "demo/generator.h"
#include "readers/night_json.h"
#include "readers/party_registry_reader.h"

namespace psephos {

namespace {

constexpr int kExitBadInput = 2;

// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string Csv(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Democracy Club's party id for a registry id: "PP52" -> "party:52", an independent
// "ynmp-party:2"; ids with no Democracy Club form (RES, LOCAL:...) as they are.
std::string DcPartyId(std::string_view id) {
  if (id == kIndependent) return "ynmp-party:2";
  if (id.starts_with("PP")) return "party:" + std::string(id.substr(2));
  return std::string(id);
}

// The output files, open for the whole run.
class NightFiles {
 public:
  NightFiles(const std::filesystem::path& dir, bool json) : dir_(dir), json_(json) {
    Open(results_, "results.csv") << "ballot_paper_id,election_id,post_id,post_label,person_id,"
                                     "person_name,party_id,party_name,votes,elected,"
                                     "turnout_reported,spoilt\n";
    Open(setup_, "setup.json");
    Open(councils_, "councils.csv") << "council,total_seats\n";
    Open(not_up_, "not_up.csv") << "council,party,seats\n";
    Open(seats_up_, "seats_up.csv") << "council,ballot_paper_id,seat,defending\n";
    if (json_) {
      Open(night_, "night.json");
      Open(declarations_, "night.json.declarations");
    }
  }

  void Add(const Council& council, const std::vector<Declaration>& declarations,
           const PartyRegistry& registry) {
    setup_ << (first_council_ ? "\n" : ",\n") << WriteCouncilJson(council);
    if (json_) night_ << (first_council_ ? "\n" : ",\n") << WriteCouncilJson(council);
    first_council_ = false;
    councils_ << Csv(council.id) << ',' << council.total_seats << '\n';
    // Independents not up as setup.json gives them back (readers/night_json.h): our JSON keeps
    // their number, not their names, so each is "IND:independent <k> (not up)".
    int independents = 0;
    for (const auto& [party, seats] : council.not_up) {
      if (!party.starts_with("IND:")) {
        not_up_ << Csv(council.id) << ',' << Csv(party) << ',' << seats << '\n';
        continue;
      }
      for (int i = 0; i < seats; ++i)
        not_up_ << Csv(council.id) << ",IND:independent " << ++independents << " (not up),1\n";
    }
    for (size_t w = 0; w < council.wards.size(); ++w) {
      const Declaration& d = declarations[w];
      for (size_t s = 0; s < council.wards[w].seats_up.size(); ++s)
        seats_up_ << Csv(council.id) << ',' << Csv(d.ballot_id) << ',' << s + 1 << ','
                  << Csv(council.wards[w].seats_up[s].defending.value_or("")) << '\n';
      AddResult(d, registry);
      if (json_) {
        declarations_ << (first_declaration_ ? "\n" : ",\n") << WriteDeclarationJson(d);
        first_declaration_ = false;
      }
    }
  }

  // Closes the JSON arrays, appends the declarations to night.json; false on a write error.
  bool Finish(const PartyRegistry& registry) {
    std::ofstream groups(dir_ / "groups.csv", std::ios::binary);
    groups << "party,totals_group\n";
    for (const Party& p : registry.parties())
      groups << Csv(p.id) << ',' << Csv(registry.TotalsGroup(p.id)) << '\n';
    setup_ << "\n],\n\"declarations\": []}\n";
    bool ok = groups.good() && results_.good() && setup_.good() && councils_.good() &&
              not_up_.good() && seats_up_.good();
    if (json_) {
      declarations_.close();
      night_ << "\n],\n\"declarations\": [";
      std::ifstream in(dir_ / "night.json.declarations", std::ios::binary);
      night_ << in.rdbuf() << "\n]}\n";
      ok = ok && night_.good();
      std::filesystem::remove(dir_ / "night.json.declarations");
    }
    return ok;
  }

  void WriteHeader(const Election& header) {
    std::string head = "{\"election\": {\"id\": \"" + header.id + "\", \"name\": \"" + header.name +
                       "\", \"date\": \"" + header.date + "\", \"rehearsal\": " +
                       (header.rehearsal ? "true" : "false") + "},\n\"councils\": [";
    setup_ << head;
    if (json_) night_ << head;
  }

 private:
  std::ofstream& Open(std::ofstream& file, const char* name) {
    file.open(dir_ / name, std::ios::binary);
    return file;
  }

  // One row per candidate; a postponed poll has no result and no rows. The elected flags are
  // the count's (a tie at the cut is the generator's lot, given as flags).
  void AddResult(const Declaration& d, const PartyRegistry& registry) {
    if (d.status == PollStatus::kPostponed) return;
    Result<WardCount> count = CountWard(d);
    std::vector<bool> elected(d.candidates.size(), false);
    if (count)
      for (size_t i : count->elected) elected[i] = true;
    const std::string_view ballot = d.ballot_id;
    const std::string election_id = "local." + d.council + "." + std::string(ballot.substr(ballot.rfind('.') + 1));
    const std::string rejected = d.rejected ? std::to_string(*d.rejected) : "";
    for (size_t i = 0; i < d.candidates.size(); ++i) {
      const Candidate& c = d.candidates[i];
      const Party* party = registry.Find(c.party);
      results_ << Csv(d.ballot_id) << ',' << Csv(election_id) << ",ward:" << Csv(d.ward) << ','
               << Csv(d.ward_name) << ',' << ++person_id_ << ',' << Csv(c.name) << ','
               << Csv(DcPartyId(c.party)) << ',' << Csv(party ? party->name : c.party) << ','
               << c.votes << ',' << (elected[i] ? 't' : 'f') << ",," << rejected << '\n';
    }
  }

  std::filesystem::path dir_;
  bool json_;
  std::ofstream results_, setup_, night_, declarations_, councils_, not_up_, seats_up_;
  bool first_council_ = true;
  bool first_declaration_ = true;
  int64_t person_id_ = 0;
};

}  // namespace

CLI::App* AddGenerateCommand(CLI::App& app, GenerateInput& input) {
  CLI::App* cmd = app.add_subcommand(
      "generate", "Write the synthetic night at a scale as Democracy Club CSV and our JSON");
  cmd->add_option("--scale", input.scale, "Copies of the 150-council night (1000: about 4.4M seats)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--seed", input.seed, "Seed: the same seed gives the same bytes")->capture_default_str();
  cmd->add_option("--out", input.out, "Folder to write (created if missing)")->required();
  cmd->add_flag("--no-json", input.no_json, "Skip night.json (the declarations as our JSON)");
  return cmd;
}

int RunGenerate(const GenerateInput& input) {
  std::error_code error;
  std::filesystem::create_directories(input.out, error);
  if (error) {
    std::cerr << "psephos: " << input.out << ": " << error.message() << "\n";
    return kExitBadInput;
  }
  const PartyRegistry& registry = DefaultPartyRegistry();
  NightFiles files(input.out, !input.no_json);
  GeneratorOptions options{.seed = input.seed, .scale = input.scale};
  files.WriteHeader(NightElection(options));
  int64_t councils = 0, wards = 0;
  StreamNight(options, [&](Council& council, std::vector<Declaration>& declarations) {
    files.Add(council, declarations, registry);
    ++councils;
    wards += static_cast<int64_t>(declarations.size());
  });
  if (!files.Finish(registry)) {
    std::cerr << "psephos: " << input.out << ": cannot write the files\n";
    return kExitBadInput;
  }
  std::cout << "Wrote " << councils << " councils, " << wards << " wards to " << input.out << "\n";
  return 0;
}

}  // namespace psephos
