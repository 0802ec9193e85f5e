// Runs every case in tests/cases/: one JSON file a case, in the night format
// (docs/NIGHT_FORMAT.md) plus what is expected. A new counting rule or an odd real case is one
// new file, no C++. See tests/cases/README.md for the keys.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/night.h"
#include "readers/night_json.h"
#include "readers/party_registry_reader.h"
#include "testing.h"

namespace psephos {
namespace {

using nlohmann::json;

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::ProjectFile("tests/cases")))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class Cases : public ::testing::TestWithParam<std::string> {};

void CheckCouncil(const Night& night, const std::string& id, const json& want) {
  SCOPED_TRACE("council " + id);
  const CouncilOutcome* o = night.Outcome(id);
  ASSERT_NE(o, nullptr);
  const PartyRegistry& reg = night.registry();
  if (want.contains("label_eve_of_poll")) {
    EXPECT_EQ(o->Label(Baseline::kEveOfPoll, reg), want["label_eve_of_poll"].get<std::string>());
  }
  if (want.contains("label_last_fought")) {
    EXPECT_EQ(o->Label(Baseline::kLastFought, reg), want["label_last_fought"].get<std::string>());
  }
  if (want.contains("control")) {
    std::string c = want["control"];
    if (c == "pending") {
      EXPECT_FALSE(o->control.settled);
    } else if (c == "NOC") {
      EXPECT_TRUE(o->control.IsNoc());
    } else {
      EXPECT_EQ(o->control.party.value_or("(none)"), c);
    }
  }
  if (want.contains("after"))
    for (const auto& [key, n] : want["after"].items()) {
      if (key == "unknown") {
        EXPECT_EQ(o->after.unknown, n.get<int>()) << "unknown seats";
      }
      else if (key == "vacant") {
        EXPECT_EQ(o->after.vacant, n.get<int>()) << "vacant seats";
      }
      else {
        EXPECT_EQ(o->after.Of(key), n.get<int>()) << "seats of " << key;
      }
    }
  for (const char* which : {"change_last_fought", "change_eve_of_poll"}) {
    if (!want.contains(which)) continue;
    const auto& change = std::string(which) == "change_last_fought" ? o->change_last_fought : o->change_eve_of_poll;
    for (const auto& [group, n] : want[which].items()) {
      auto it = change.find(group);
      EXPECT_EQ(it == change.end() ? 0 : it->second, n.get<int>()) << which << " " << group;
    }
  }
  if (want.contains("largest")) {
    std::vector<std::string> largest = want["largest"];
    EXPECT_EQ(o->LargestParties(), largest);
  }
  if (want.contains("wards_left")) {
    EXPECT_EQ(o->WardsLeft(), want["wards_left"].get<int>());
  }
}

void CheckWard(const Night& night, const std::string& where, const json& want) {
  SCOPED_TRACE("ward " + where);
  auto slash = where.find('/');
  const auto* declared = night.Declared(where.substr(0, slash));
  ASSERT_NE(declared, nullptr);
  auto it = declared->find(where.substr(slash + 1));
  ASSERT_NE(it, declared->end());
  const WardResult& r = *it;
  auto names = [&](const IndexList& idx) {
    std::vector<std::string> out;
    for (size_t i : idx) out.push_back(r.declaration->candidates[i].name.str());
    return out;
  };
  if (want.contains("elected")) {
    EXPECT_EQ(names(r.count.elected), want["elected"].get<std::vector<std::string>>());
  }
  if (want.contains("tied")) {
    EXPECT_EQ(names(r.count.tied), want["tied"].get<std::vector<std::string>>());
  }
  if (want.contains("seats_in_tie")) {
    EXPECT_EQ(r.count.seats_in_tie, want["seats_in_tie"].get<int>());
  }
  if (want.contains("decided_by_lot")) {
    EXPECT_EQ(r.count.decided_by_lot, want["decided_by_lot"].get<bool>());
  }
  if (want.contains("unresolved_tie")) {
    EXPECT_EQ(r.count.unresolved_tie, want["unresolved_tie"].get<bool>());
  }
  if (want.contains("majority")) {
    if (want["majority"].is_null()) {
      EXPECT_FALSE(r.count.majority.has_value());
    } else {
      EXPECT_EQ(r.count.majority.value_or(-1), want["majority"].get<int64_t>());
    }
  }
}

TEST_P(Cases, Run) {
  const std::string text = Slurp(GetParam());
  json doc = json::parse(text);
  ASSERT_TRUE(doc.contains("about")) << "every case says what it is about";
  const json& expect = doc["expect"];
  const PartyRegistry& registry = DefaultPartyRegistry();

  auto file = ParseNightJson(doc["night"].dump(), GetParam(), registry);
  std::optional<Error> error;
  std::optional<Night> night;
  if (!file) {
    error = file.error();
  } else {
    NightOptions options;
    options.infer_councils = doc.value("infer_councils", false);
    auto n = Night::Create(std::move(file->election), registry, options);
    if (!n) {
      error = n.error();
    } else {
      night.emplace(std::move(*n));
      // Declarations one batch each, in order, so that a case can show a later one failing
      // while earlier ones stand.
      for (auto& d : file->declarations) {
        Status s = night->Apply(std::move(d));
        if (!s) { error = s.error(); break; }
      }
    }
  }
  if (expect.contains("error")) {
    ASSERT_TRUE(error.has_value()) << "expected an error containing: " << expect["error"];
    EXPECT_NE(error->ToString().find(expect["error"].get<std::string>()), std::string::npos)
        << "error was: " << error->ToString();
    if (expect.contains("error_field")) {
      EXPECT_EQ(error->field, expect["error_field"].get<std::string>());
    }
  } else {
    ASSERT_FALSE(error.has_value()) << error->ToString();
  }
  if (!night) return;
  if (expect.contains("declared")) {
    EXPECT_EQ(night->declarations().size(), expect["declared"].get<size_t>());
  }
  if (expect.contains("councils"))
    for (const auto& [id, want] : expect["councils"].items()) CheckCouncil(*night, id, want);
  if (expect.contains("wards"))
    for (const auto& [where, want] : expect["wards"].items()) CheckWard(*night, where, want);
}

std::string CaseName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = std::filesystem::path(info.param).stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Counting, Cases, ::testing::ValuesIn(CaseFiles()), CaseName);

}  // namespace
}  // namespace psephos
