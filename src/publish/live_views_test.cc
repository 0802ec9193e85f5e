#include "publish/live_views.h"

#include <gtest/gtest.h>

#include "demo/generator.h"
#include "readers/party_registry_reader.h"
#include "store/memory_log.h"

namespace psephos {
namespace {

using nlohmann::json;

// What GET /api/log answered before LogPageJson: each body parsed and written again by nlohmann.
std::string ParsedAndWrittenAgain(int64_t since, int64_t seq, bool rehearsal, const std::vector<LogEntry>& entries) {
  json list = json::array();
  for (const LogEntry& e : entries) {
    json body = json::parse(e.body, nullptr, false);
    list.push_back({{"seq", e.seq},
                    {"kind", std::string(ToString(e.kind))},
                    {"recorded_at", e.recorded_at},
                    {"source", e.source},
                    {"author", e.author},
                    {"body", body.is_discarded() ? json(e.body) : body}});
  }
  return json{{"since", since}, {"seq", seq}, {"entries", list}, {"rehearsal", rehearsal}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

// The engine's own entries (declarations, a recount, a withdrawal, a council's new setup) come
// out in the same bytes as parsing and writing each again would give.
TEST(LogPageJson, TheEnginesEntriesAsAParseAndAWriteWouldGiveThem) {
  GeneratedNight demo = GenerateNight(GeneratorOptions{});
  EngineOptions options;
  options.clock = [] { return std::string("2018-05-04T01:00:00Z"); };
  auto engine = Engine::Open(OpenMemoryLog(), &demo.election, DefaultPartyRegistry(), options);
  ASSERT_TRUE(engine) << engine.error().ToString();
  Engine& e = **engine;
  const Writer desk{"http", "desk-\xC3\xA9\"1\""};  // an author that needs escaping
  for (size_t i = 0; i < 20; ++i) {
    Declaration d = demo.declarations[i];
    if (i == 3) d.candidates[0].name = "Zo\xC3\xAB O'Brien \\ \"Z\"";  // UTF-8, quotes, a backslash
    ASSERT_TRUE(e.Declare({d}, Revision::kNew, desk));
  }
  ASSERT_TRUE(e.Declare({demo.declarations[0]}, Revision::kCorrection, desk));
  ASSERT_TRUE(e.Withdraw(demo.declarations[1].council.str(), demo.declarations[1].ward.str(), desk));
  ASSERT_TRUE(e.ReplaceCouncil(e.night().councils().back(), desk));
  auto entries = e.log().Read(0, 1000);
  ASSERT_TRUE(entries) << entries.error().ToString();
  ASSERT_GE(entries->size(), 24u);
  for (bool rehearsal : {false, true})
    EXPECT_EQ(LogPageJson(0, e.seq(), rehearsal, *entries), ParsedAndWrittenAgain(0, e.seq(), rehearsal, *entries));
  EXPECT_EQ(LogPageJson(5, e.seq(), false, {}), ParsedAndWrittenAgain(5, e.seq(), false, {}));
}

// A body that is not JSON (a log written by something else) is a string, as before; invalid
// UTF-8 in it becomes U+FFFD, as nlohmann writes it.
TEST(LogPageJson, ABodyThatIsNotJsonIsAString) {
  const std::vector<LogEntry> entries = {
      {7, EntryKind::kDeclaration, "2018-05-04T01:00:00Z", "import", "cli", "not json {"},
      {8, EntryKind::kWithdrawal, "2018-05-04T01:00:00Z", "import", "cli", "\"bad \xFF utf-8\""},
      {9, EntryKind::kCouncil, "2018-05-04T01:00:00Z", "import", "cli", ""},
      {10, EntryKind::kDeclaration, "2018-05-04T01:00:00Z", "import", "cli", "{\"a\":1"},
  };
  const std::string page = LogPageJson(6, 10, true, entries);
  EXPECT_EQ(page, ParsedAndWrittenAgain(6, 10, true, entries));
  EXPECT_EQ(json::parse(page)["entries"][0]["body"], "not json {");
}

// A declaration's body that the parser takes but that is not a bare object from its first byte to
// its last (a byte-order mark, white space around it) is parsed and written again, so the page
// stays JSON.
TEST(LogPageJson, ABodyWithAByteOrderMarkOrWhiteSpaceAroundIsWrittenAgain) {
  const std::vector<LogEntry> entries = {
      {2, EntryKind::kDeclaration, "2018-05-04T01:00:00Z", "http", "desk", "\xEF\xBB\xBF{\"ward\":\"a\"}"},
      {3, EntryKind::kCorrection, "2018-05-04T01:00:00Z", "http", "desk", "{\"ward\":\"b\"}\n"},
      {4, EntryKind::kDeclaration, "2018-05-04T01:00:00Z", "http", "desk", " {\"ward\":\"c\"}"},
  };
  const std::string page = LogPageJson(1, 4, false, entries);
  EXPECT_EQ(page, ParsedAndWrittenAgain(1, 4, false, entries));
  EXPECT_EQ(json::parse(page)["entries"][0]["body"]["ward"], "a");
}

}  // namespace
}  // namespace psephos
