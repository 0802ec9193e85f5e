#include "store/postgres_log.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <pqxx/pqxx>

#include "results_log_contract.h"
#include "testing.h"

namespace psephos {
namespace {

using testing::Entries;

// One throwaway cluster (scripts/postgres) for every test here; each test takes a new database.
class PostgresLogTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    std::filesystem::permissions(dir_->File(""), std::filesystem::perms::others_exec | std::filesystem::perms::group_exec,
                                 std::filesystem::perm_options::add);
    const std::string command = testing::ProjectFile("scripts/postgres") + " start " + dir_->File("cluster");
    FILE* out = popen(command.c_str(), "r");
    char line[512] = {};
    if (out && fgets(line, sizeof line, out)) uri_ = line;
    const int status = out ? pclose(out) : -1;
    while (!uri_.empty() && (uri_.back() == '\n' || uri_.back() == ' ')) uri_.pop_back();
    if (status != 0) {
      skip_ = WIFEXITED(status) && WEXITSTATUS(status) == 77 ? "the PostgreSQL server binaries are not installed "
                                                               "(scripts/setup installs postgresql-15)"
                                                             : "scripts/postgres start failed";
      uri_.clear();
    }
  }

  static void TearDownTestSuite() {
    if (!uri_.empty()) (void)std::system((testing::ProjectFile("scripts/postgres") + " stop " + dir_->File("cluster")).c_str());
    delete dir_;
  }

  void SetUp() override {
    if (uri_.empty()) {
      if (testing::InCi()) FAIL() << "CI=true but no PostgreSQL: " << skip_;
      GTEST_SKIP() << skip_;
    }
  }

  // A new empty database on the cluster; its URI.
  static std::string NewDatabase(const std::string& name) {
    pqxx::connection c(uri_);
    pqxx::nontransaction n(c);
    n.exec0("DROP DATABASE IF EXISTS " + n.quote_name(name));
    n.exec0("CREATE DATABASE " + n.quote_name(name));
    return uri_.substr(0, uri_.rfind('/') + 1) + name;
  }

  static testing::TempDir* dir_;
  static std::string uri_;
  static std::string skip_;
};

testing::TempDir* PostgresLogTest::dir_ = nullptr;
std::string PostgresLogTest::uri_;
std::string PostgresLogTest::skip_;

TEST_F(PostgresLogTest, AppendsInOrderAndReadsBack) {
  auto log = OpenPostgresLog(NewDatabase("order"));
  ASSERT_TRUE(log) << log.error().ToString();
  EXPECT_EQ((*log)->Describe().rfind("postgresql://127.0.0.1:", 0), 0u) << (*log)->Describe();
  testing::ExpectAppendsInOrderAndReadsBack(**log);
}

TEST_F(PostgresLogTest, ReopenedLogHasEverythingAcknowledged) {
  const std::string uri = NewDatabase("reopen");
  testing::ExpectReopenKeepsEverything([&]() -> std::unique_ptr<ResultsLog> {
    auto log = OpenPostgresLog(uri);
    EXPECT_TRUE(log) << log.error().ToString();
    return log ? std::move(*log) : nullptr;
  });
}

// Two servers on one log: a writer whose night is behind is refused, writing nothing, and told
// of the other's append by its watch.
TEST_F(PostgresLogTest, AnAppendAfterAStaleEntryIsRefusedAndTheWatchHearsTheOther) {
  const std::string uri = NewDatabase("two_writers");
  auto a = OpenPostgresLog(uri);
  auto b = OpenPostgresLog(uri);
  ASSERT_TRUE(a && b);
  std::unique_ptr<LogWatch> watch = (*b)->Watch();
  ASSERT_NE(watch, nullptr);
  watch->Wait(std::chrono::milliseconds(10));  // connects and listens

  auto setup = Entries({{EntryKind::kSetup, "{}"}});
  auto appended = (*a)->AppendAfter(0, setup);
  ASSERT_TRUE(appended) << appended.error().ToString();
  EXPECT_EQ(*appended, AppendOutcome::kAppended);
  EXPECT_TRUE(watch->Wait(std::chrono::seconds(10))) << "the watch heard the append";

  auto stale = Entries({{EntryKind::kDeclaration, "{\"from\":\"b\"}"}});
  auto moved = (*b)->AppendAfter(0, stale);
  ASSERT_TRUE(moved) << moved.error().ToString();
  EXPECT_EQ(*moved, AppendOutcome::kLogMoved);
  EXPECT_EQ(stale[0].seq, 0);
  auto seen = (*b)->Read(0, 10);
  ASSERT_TRUE(seen);
  ASSERT_EQ(seen->size(), 1u);
  auto after = (*b)->AppendAfter(1, stale);
  ASSERT_TRUE(after);
  EXPECT_EQ(*after, AppendOutcome::kAppended);
  EXPECT_EQ(stale[0].seq, 2);
}

TEST_F(PostgresLogTest, ATableOfAnotherShapeIsRefusedNotChanged) {
  const std::string uri = NewDatabase("other_shape");
  {
    pqxx::connection c(uri);
    pqxx::work w(c);
    w.exec0("CREATE TABLE psephos_log (id integer, note text)");
    w.commit();
  }
  auto log = OpenPostgresLog(uri);
  ASSERT_FALSE(log);
  EXPECT_NE(log.error().message.find("another shape (id integer, note text)"), std::string::npos)
      << log.error().ToString();
  pqxx::connection c(uri);
  pqxx::work w(c);
  EXPECT_EQ(w.exec1("SELECT count(*) FROM information_schema.columns WHERE table_name = 'psephos_log'")[0].as<int>(), 2);
}

TEST_F(PostgresLogTest, NoServerIsAClearErrorNamingWhereNotACrash) {
  auto log = OpenPostgresLog("postgresql://desk:s3cret@127.0.0.1:1/psephos");
  ASSERT_FALSE(log);
  const std::string text = log.error().ToString();
  EXPECT_EQ(log.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(text.find("127.0.0.1:1"), std::string::npos) << text;
  EXPECT_NE(text.find("no connection to the database"), std::string::npos) << text;
  EXPECT_EQ(text.find("s3cret"), std::string::npos) << "the password is not shown: " << text;
  EXPECT_TRUE(IsPostgresUri("postgresql://h/db"));
  EXPECT_TRUE(IsPostgresUri("postgres://h/db"));
  EXPECT_FALSE(IsPostgresUri("night.db"));
}

}  // namespace
}  // namespace psephos
