#include "server/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "demo/generator.h"
#include "analysis/commons.h"
#include "readers/constituency_csv.h"
#include "readers/csv.h"
#include "readers/night_json.h"
#include "readers/party_registry_reader.h"
#include "store/sqlite_log.h"
#include "testing.h"

namespace psephos {
namespace {

using nlohmann::json;

constexpr const char* kToken = "desk-token-0123456789";

// A service's API on a small demo night (three councils) and a fresh log, with one token.
class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    night_ = GenerateNight(GeneratorOptions{});
    night_.election.councils.resize(3);
    std::erase_if(night_.declarations, [&](const Declaration& d) {
      for (const Council& c : night_.election.councils)
        if (c.id == d.council) return false;
      return true;
    });
    auto log = OpenSqliteLog(dir_.File("night.db"));
    ASSERT_TRUE(log);
    auto engine = Engine::Open(std::move(*log), &night_.election, DefaultPartyRegistry());
    ASSERT_TRUE(engine) << engine.error().ToString();
    engine_ = std::move(*engine);
    auto tokens = Tokens::Parse(std::string("desk-1 ") + kToken + "\n", "tokens");
    ASSERT_TRUE(tokens);
    api_ = std::make_unique<Api>(*engine_, ApiOptions{*tokens, 64 << 10, nullptr, nullptr});
  }

  HttpResponse Get(const std::string& target, const std::string& etag = "") {
    return api_->Handle(HttpRequest{"GET", target, "", "", etag, ""});
  }
  HttpResponse Post(const std::string& path, const std::string& body,
                    const std::string& auth = std::string("Bearer ") + kToken,
                    const std::string& type = "application/json") {
    return api_->Handle(HttpRequest{"POST", path, type, auth, "", body});
  }
  static std::string Header(const HttpResponse& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
      if (n == name) return v;
    return "";
  }
  std::string DeclarationBody(size_t i) const { return WriteDeclarationJson(night_.declarations[i]); }

  testing::TempDir dir_;
  GeneratedNight night_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<Api> api_;
};

TEST_F(ApiTest, DeclarationIsLoggedAppliedAndShown) {
  HttpResponse r = Post("/api/declarations", DeclarationBody(0));
  ASSERT_EQ(r.status, 201) << r.body;
  json receipt = json::parse(r.body);
  EXPECT_EQ(receipt["first_seq"], 2);
  EXPECT_EQ(receipt["author"], "desk-1");
  EXPECT_EQ(engine_->log().LastSeq(), 2);

  json log = json::parse(Get("/api/log?since=1").body);
  ASSERT_EQ(log["entries"].size(), 1u);
  EXPECT_EQ(log["entries"][0]["author"], "desk-1");
  EXPECT_EQ(log["entries"][0]["source"], "http");
  EXPECT_EQ(log["entries"][0]["kind"], "declaration");

  const std::string council = night_.declarations[0].council.str();
  json c = json::parse(Get("/api/councils/" + council).body);
  EXPECT_EQ(c["wards_declared"], 1);
  EXPECT_EQ(c["rehearsal"], true);  // the demo is a rehearsal, and every body says so
  json changed = json::parse(Get("/api/councils?since=1").body);
  ASSERT_EQ(changed["councils"].size(), 1u);
  EXPECT_EQ(changed["councils"][0]["id"], council);
  EXPECT_EQ(json::parse(Get("/api/councils?since=2").body)["councils"].size(), 0u);
}

TEST_F(ApiTest, CouncilsListsThoseAwaitingToo) {
  json all = json::parse(Get("/api/councils").body);
  EXPECT_EQ(all["councils"].size(), 3u);  // nothing declared yet: every council, awaiting
  EXPECT_EQ(json::parse(Get("/api/councils?since=1").body)["councils"].size(), 0u);
}

TEST_F(ApiTest, PartyRegistryGivesThePageNamesAndColours) {
  HttpResponse r = Get("/api/parties/registry");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(Header(r, "ETag").empty());
  json body = json::parse(r.body);
  EXPECT_EQ(body["independent"], "IND");
  bool labour = false;
  for (const json& p : body["parties"])
    if (p["id"] == "PP53") {
      labour = true;
      EXPECT_EQ(p["name"], "Labour");
      EXPECT_EQ(p["short_name"], "Lab");
      EXPECT_EQ(p["colour"], "#E4003B");  // data/parties.csv
    }
  EXPECT_TRUE(labour);
  EXPECT_EQ(body["parties"].size(), DefaultPartyRegistry().parties().size());
}

TEST_F(ApiTest, PollingWithTheETagGets304UntilTheNextDeclaration) {
  HttpResponse first = Get("/api/parties");
  ASSERT_EQ(first.status, 200);
  const std::string etag = Header(first, "ETag");
  ASSERT_FALSE(etag.empty());
  for (int i = 0; i < 3; ++i) {
    HttpResponse again = Get("/api/parties", etag);
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
  }
  ASSERT_EQ(Post("/api/declarations", DeclarationBody(0)).status, 201);
  HttpResponse after = Get("/api/parties", etag);
  EXPECT_EQ(after.status, 200);
  EXPECT_NE(Header(after, "ETag"), etag);
  EXPECT_EQ(Header(after, "X-Psephos-Seq"), "2");
}

TEST_F(ApiTest, SameLogSameBytes) {
  for (size_t i = 0; i < 5; ++i) ASSERT_EQ(Post("/api/declarations", DeclarationBody(i)).status, 201);
  const std::string parties = Get("/api/parties?baseline=last-fought").body;
  const std::string councils = Get("/api/councils").body;
  api_.reset();
  engine_.reset();
  auto log = OpenSqliteLog(dir_.File("night.db"));
  ASSERT_TRUE(log);
  auto engine = Engine::Open(std::move(*log), nullptr, DefaultPartyRegistry());
  ASSERT_TRUE(engine);
  Api api(**engine, ApiOptions{});
  EXPECT_EQ(api.Handle(HttpRequest{"GET", "/api/parties?baseline=last-fought", "", "", "", ""}).body, parties);
  EXPECT_EQ(api.Handle(HttpRequest{"GET", "/api/councils", "", "", "", ""}).body, councils);
}

TEST_F(ApiTest, CorrectionAndWithdrawal) {
  ASSERT_EQ(Post("/api/declarations", DeclarationBody(0)).status, 201);
  Declaration recount = night_.declarations[0];
  for (Candidate& c : recount.candidates) c.votes += 2;
  EXPECT_EQ(Post("/api/corrections", WriteDeclarationJson(recount)).status, 201);
  json w = {{"council", recount.council}, {"ward", recount.ward}};
  EXPECT_EQ(Post("/api/withdrawals", w.dump()).status, 201);
  EXPECT_EQ(Post("/api/withdrawals", w.dump()).status, 409);  // nothing left to withdraw
  EXPECT_EQ(engine_->seq(), 4);
}

// Real rows from Democracy Club, posted as CSV to a night set up with no councils, which takes
// its councils from the declarations (as a replay of results files does).
TEST(ApiCsv, DemocracyClubRowsOfTwoCouncils) {
  std::string file;
  PSEPHOS_SHARED_DATA_OR_SKIP(file, "sheffield-barnsley-2018-dc/results-2018.flat.csv");
  auto text = ReadFile(file);
  ASSERT_TRUE(text);
  testing::TempDir dir;
  auto log = OpenSqliteLog(dir.File("night.db"));
  ASSERT_TRUE(log);
  Election setup{"local.2018-05-03", "Sheffield and Barnsley", "2018-05-03", false, {}};
  auto engine = Engine::Open(std::move(*log), &setup, DefaultPartyRegistry());
  ASSERT_TRUE(engine);
  auto tokens = Tokens::Parse(std::string("desk-1 ") + kToken, "tokens");
  ASSERT_TRUE(tokens);
  Api api(**engine, ApiOptions{*tokens, 1 << 20, nullptr, nullptr});
  HttpResponse r = api.Handle(HttpRequest{"POST", "/api/declarations", "text/csv; charset=utf-8",
                                          std::string("Bearer ") + kToken, "", *text});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json::parse(r.body)["entries"], 28 + 21);  // one entry a ward
  json councils = json::parse(api.Handle(HttpRequest{"GET", "/api/councils", "", "", "", ""}).body);
  ASSERT_EQ(councils["councils"].size(), 2u);
  for (const json& c : councils["councils"]) EXPECT_EQ(c["label"]["eve-of-poll"], "Labour control") << c["id"];

  // The councils were inferred from the rows (names, codes); the log folds back to the same.
  const std::string before = api.Handle(HttpRequest{"GET", "/api/councils", "", "", "", ""}).body;
  engine->reset();
  auto reopened_log = OpenSqliteLog(dir.File("night.db"));
  ASSERT_TRUE(reopened_log);
  auto reopened = Engine::Open(std::move(*reopened_log), nullptr, DefaultPartyRegistry());
  ASSERT_TRUE(reopened) << reopened.error().ToString();
  Api again(**reopened, ApiOptions{});
  EXPECT_EQ(again.Handle(HttpRequest{"GET", "/api/councils", "", "", "", ""}).body, before);
}

// A mayor is a result of its own: logged, counted by the supplementary vote, in the headlines
// and the stream, and kept over a restart.
TEST_F(ApiTest, MayorDeclaredCountedAndInTheHeadlines) {
  // No one has half of the 100 first choices; the top two are Biggs and Golds; second choices
  // add 5 and 3: Biggs 45, Golds 38.
  const std::string body = R"({"ballot": "mayor.tower-hamlets.2018-05-03", "area": "Tower Hamlets",
    "candidates": [{"name": "John Biggs", "party": "Labour", "first": 40},
                   {"name": "Peter Golds", "party": "Conservative", "first": 35},
                   {"name": "Elaine Bagshaw", "party": "Liberal Democrats", "first": 25}],
    "second_added": [5, 3, 0]})";
  HttpResponse r = Post("/api/mayors", body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Post("/api/mayors", body).status, 409);  // declared twice without "correction"
  json mayors = json::parse(Get("/api/mayors").body)["mayors"];
  ASSERT_EQ(mayors.size(), 1u);
  EXPECT_EQ(mayors[0]["headline"], "Tower Hamlets mayor: John Biggs (Labour) elected after second choices");
  EXPECT_EQ(mayors[0]["candidates"][0]["second_round_total"], 45);
  json headlines = json::parse(Get("/api/headlines").body)["headlines"];
  ASSERT_EQ(headlines.size(), 1u);
  EXPECT_EQ(headlines[0], mayors[0]["headline"]);
  EXPECT_EQ(json::parse(Get("/api/headlines?london=true").body)["headlines"].size(), 0u);

  // A recount that gives Golds the second round.
  json recount = json::parse(body);
  recount["correction"] = true;
  recount["second_added"] = {1, 9, 0};
  ASSERT_EQ(Post("/api/mayors", recount.dump()).status, 201);
  EXPECT_EQ(json::parse(Get("/api/mayors").body)["mayors"][0]["headline"],
            "Tower Hamlets mayor: Peter Golds (Conservative) elected after second choices");

  // Bad contests: nothing applied.
  const int64_t seq = engine_->seq();
  json no_area = json::parse(body);
  no_area.erase("area");
  EXPECT_EQ(Post("/api/mayors", no_area.dump()).status, 400);
  json not_a_mayor = json::parse(body);
  not_a_mayor["ballot"] = "local.x.2018-05-03";
  EXPECT_EQ(Post("/api/mayors", not_a_mayor.dump()).status, 422);
  json too_many_seconds = json::parse(body);
  too_many_seconds["ballot"] = "mayor.watford.2018-05-03";
  too_many_seconds["second_added"] = {50, 3, 0};  // more than the 25 eliminated ballots hold
  EXPECT_EQ(Post("/api/mayors", too_many_seconds.dump()).status, 422);
  EXPECT_EQ(engine_->seq(), seq);

  // The log folds to the same mayors.
  const std::string before = Get("/api/mayors").body;
  api_.reset();
  engine_.reset();
  auto log = OpenSqliteLog(dir_.File("night.db"));
  ASSERT_TRUE(log);
  auto engine = Engine::Open(std::move(*log), nullptr, DefaultPartyRegistry());
  ASSERT_TRUE(engine) << engine.error().ToString();
  Api api(**engine, ApiOptions{});
  EXPECT_EQ(api.Handle(HttpRequest{"GET", "/api/mayors", "", "", "", ""}).body, before);
}

// The analysis the night supports on its own: shares, a council's marginality, the closest
// councils. Each is the same function the CLI prints, as JSON.
TEST_F(ApiTest, AnalysisOfTheNightSoFar) {
  json empty = json::parse(Get("/api/shares").body);
  EXPECT_EQ(empty["wards"], 0);
  std::vector<Declaration> all = night_.declarations;
  for (size_t i = 0; i < all.size(); ++i) ASSERT_EQ(Post("/api/declarations", DeclarationBody(i)).status, 201);

  json shares = json::parse(Get("/api/shares?method=raw-total").body);
  EXPECT_EQ(shares["method"], "raw-total");
  EXPECT_GT(shares["wards"].get<int>(), 0);
  const std::string council = night_.election.councils[0].id;
  HttpResponse m = Get("/api/councils/" + council + "/marginality");
  ASSERT_EQ(m.status, 200) << m.body;
  EXPECT_EQ(json::parse(m.body)["council"], council);
  json closest = json::parse(Get("/api/closest?limit=2").body)["closest"];
  EXPECT_LE(closest.size(), 2u);
  EXPECT_GE(closest.size(), 1u);
  EXPECT_EQ(Get("/api/shares?method=median").status, 400);
  EXPECT_EQ(Get("/api/shares?council=atlantis").status, 404);
  EXPECT_EQ(Get("/api/councils/atlantis/marginality").status, 404);
}

// With the last results for the same seats and the general election's constituencies, the
// service projects the national share and the Commons. Here "last time" is the night itself:
// no change anywhere, so the projection is the baseline exactly.
TEST_F(ApiTest, ProjectedShareAndCommons) {
  std::string ge;
  PSEPHOS_SHARED_DATA_OR_SKIP(ge, "ge2017-hoc-constituency/HoC-GE2017-constituency-results.csv");
  for (size_t i = 0; i < night_.declarations.size(); ++i)
    ASSERT_EQ(Post("/api/declarations", DeclarationBody(i)).status, 201);
  EXPECT_EQ(Get("/api/pns").status, 404);  // not started with --previous
  EXPECT_NE(Get("/api/commons?share=CON=40").body.find("--ge"), std::string::npos);

  auto previous = Night::Create(night_.election, DefaultPartyRegistry());
  ASSERT_TRUE(previous);
  ASSERT_TRUE(previous->ApplyAll(night_.declarations).ok());
  auto seats = ReadConstituencyCsv(ge, true);
  ASSERT_TRUE(seats);
  auto model = CommonsModel::Create(std::move(*seats));
  ASSERT_TRUE(model);
  ApiOptions options;
  options.previous = std::make_shared<const Night>(std::move(*previous));
  options.commons = std::make_shared<const CommonsModel>(std::move(*model));
  Api api(*engine_, options);
  auto get = [&](const std::string& target) { return api.Handle(HttpRequest{"GET", target, "", "", "", ""}); };

  HttpResponse pns = get("/api/pns");
  ASSERT_EQ(pns.status, 200) << pns.body;
  json p = json::parse(pns.body);
  EXPECT_GT(p["wards"].get<int>(), 0);
  for (const json& party : p["parties"]) EXPECT_NEAR(party["change"].get<double>(), 0.0, 1e-9) << party;

  HttpResponse commons = get("/api/commons?share=CON=42.4,LAB=40.0,LD=7.4&simulations=2000&seed=7");
  ASSERT_EQ(commons.status, 200) << commons.body;
  json c = json::parse(commons.body);
  int total = 0;
  for (const json& s : c["seats"]) total += s["seats"].get<int>();
  EXPECT_EQ(total, 650);
  EXPECT_EQ(c["majority_line"], 326);
  EXPECT_EQ(get("/api/commons?share=CON=42.4,LAB=40.0,LD=7.4&simulations=2000&seed=7").body, commons.body);
  EXPECT_EQ(get("/api/commons").status, 200);  // from the projected national share
  EXPECT_EQ(get("/api/commons?share=XYZ=3").status, 400);
  EXPECT_EQ(get("/api/commons?share=CON=40&simulations=1000000").status, 400);
}

// Each bad request gets a 4xx with a message, and nothing is logged or applied.
TEST_F(ApiTest, BadRequestsAreRefusedWithNothingApplied) {
  ASSERT_EQ(Post("/api/declarations", DeclarationBody(0)).status, 201);
  const int64_t seq = engine_->seq();
  const std::string state = Get("/api/parties").body;

  Declaration unknown_ward = night_.declarations[1];
  unknown_ward.ward = "nowhere";
  unknown_ward.ward_gss = "";
  Declaration unknown_council = night_.declarations[1];
  unknown_council.council = "atlantis";
  Declaration too_many = night_.declarations[1];
  too_many.status = PollStatus::kContested;
  too_many.ballot_papers = 5;
  too_many.rejected = 0;
  for (Candidate& c : too_many.candidates) c.votes = 5;
  Declaration wrong_seats = night_.declarations[1];
  wrong_seats.seats += 1;
  json negative = json::parse(DeclarationBody(1));
  negative["candidates"][0]["votes"] = -4;
  json batch = json::array({json::parse(DeclarationBody(2)), json::parse(WriteDeclarationJson(unknown_ward))});

  struct Case {
    const char* what;
    HttpResponse response;
    int status;
    const char* words;
  };
  const std::string bearer = std::string("Bearer ") + kToken;
  std::vector<Case> cases = {
      {"no token", Post("/api/declarations", DeclarationBody(1), ""), 401, "writes need a token"},
      {"bad token", Post("/api/declarations", DeclarationBody(1), "Bearer not-the-token-at-all"), 403, "not one of"},
      {"not a bearer token", Post("/api/declarations", DeclarationBody(1), "Basic ZGVzazpwYXNz"), 403, "not one of"},
      {"oversize body", Post("/api/declarations", std::string(70 << 10, ' ')), 413, "at most"},
      {"empty body", Post("/api/declarations", ""), 400, "empty"},
      {"bad JSON", Post("/api/declarations", "{\"council\": \"x\",\n \"seats\": }"), 400, "line 2"},
      {"wrong content type", Post("/api/declarations", DeclarationBody(1), bearer, "application/xml"), 415, "send the body"},
      {"unknown ward", Post("/api/declarations", WriteDeclarationJson(unknown_ward)), 404, "no ward 'nowhere'"},
      {"unknown council", Post("/api/declarations", WriteDeclarationJson(unknown_council)), 404, "unknown council"},
      {"declared twice", Post("/api/declarations", DeclarationBody(0)), 409, "already declared"},
      {"correction of an undeclared ward", Post("/api/corrections", DeclarationBody(1)), 409, "has not been declared"},
      {"votes do not add up", Post("/api/declarations", WriteDeclarationJson(too_many)), 422, "valid ballot papers"},
      {"wrong seats", Post("/api/declarations", WriteDeclarationJson(wrong_seats)), 422, "seats"},
      {"negative votes", Post("/api/declarations", negative.dump()), 400, "negative"},
      {"a batch with one bad declaration", Post("/api/declarations", batch.dump()), 404, "nowhere"},
      {"withdrawal without a ward", Post("/api/withdrawals", "{\"council\": \"x\"}"), 400, "expected"},
      {"unknown write path", Post("/api/results", DeclarationBody(1)), 404, "nothing to POST"},
      {"unknown read path", Get("/api/nothing"), 404, "no such resource"},
      {"unknown council page", Get("/api/councils/atlantis"), 404, "no council"},
      {"bad filter", Get("/api/parties?type=city"), 400, "type"},
      {"bad since", Get("/api/log?since=-1"), 400, "whole number"},
      {"method not allowed", api_->Handle(HttpRequest{"DELETE", "/api/councils", "", bearer, "", ""}), 405, "not allowed"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.response.status, c.status) << c.what << ": " << c.response.body;
    EXPECT_NE(c.response.body.find(c.words), std::string::npos) << c.what << ": " << c.response.body;
    json body = json::parse(c.response.body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << c.what;
    EXPECT_EQ(body["applied"], false) << c.what;
  }
  EXPECT_GE(cases.size(), 10u);
  EXPECT_EQ(engine_->seq(), seq);
  EXPECT_EQ(engine_->log().LastSeq(), seq);
  EXPECT_EQ(Get("/api/parties").body, state);
  EXPECT_FALSE(engine_->IsDeclared(night_.declarations[2].council, night_.declarations[2].ward));
}

TEST(SplitTarget, DecodesPathAndQuery) {
  auto [path, query] = SplitTarget("/api/parties?region=North+West&london=&type=unitary%20x");
  EXPECT_EQ(path, "/api/parties");
  EXPECT_EQ(query["region"], "North West");
  EXPECT_EQ(query["london"], "");
  EXPECT_EQ(query["type"], "unitary x");
}

TEST(Tokens, ParsedCheckedAndMatched) {
  auto tokens = Tokens::Parse("# desks\ndesk-1 aaaaaaaaaaaaaaaa1\n\nfeed  bbbbbbbbbbbbbbbb2\r\n", "t.txt");
  ASSERT_TRUE(tokens) << tokens.error().ToString();
  EXPECT_EQ(tokens->Holder("aaaaaaaaaaaaaaaa1"), "desk-1");
  EXPECT_EQ(tokens->Holder("bbbbbbbbbbbbbbbb2"), "feed");
  EXPECT_FALSE(tokens->Holder("aaaaaaaaaaaaaaaa"));
  EXPECT_FALSE(tokens->Holder(""));
  auto short_token = Tokens::Parse("desk short\n", "t.txt");
  ASSERT_FALSE(short_token);
  EXPECT_EQ(short_token.error().line, 1);
  auto twice = Tokens::Parse("a aaaaaaaaaaaaaaaa1\na aaaaaaaaaaaaaaaa2\n", "t.txt");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().line, 2);
  EXPECT_EQ(Tokens::Random("local").entries().front().second.size(), 32u);
}

}  // namespace
}  // namespace psephos
