// A big batch of new wards is applied by Night in two halves at once (NightOptions::run_both,
// each half taking the councils of one parity): on a generated night big enough for that (scale
// 10, some 29,000 wards), the night comes out as the same batch applied on one thread (councils
// touched, headline order, declarations, in the same order) and as the night applied one
// declaration at a time, council by council and field by field. Here rather than beside
// core/night.cc because it needs the generator's night.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "core/night.h"
#include "core/party.h"
#include "demo/generator.h"

namespace psephos {
namespace {

PartyRegistry Registry() {
  PartyRegistry registry;
  for (const char* id : {"PP52", "PP53", "PP90", "PP63", "PP85", "PP54", "PP804", "PP106", "PP79", "PP2755", "PP66",
                         "PP243", "PP1931", "IND", "RES"})
    EXPECT_TRUE(registry.Add({id, id, id, "#000000", ""}));
  return registry;
}

void ExpectSameOutcome(const CouncilOutcome& a, const CouncilOutcome& b, const PartyRegistry& registry) {
  EXPECT_EQ(a.wards_declared, b.wards_declared);
  EXPECT_EQ(a.seats_declared, b.seats_declared);
  EXPECT_EQ(a.wards_postponed, b.wards_postponed);
  EXPECT_EQ(a.won, b.won);
  EXPECT_EQ(a.after.seats, b.after.seats);
  EXPECT_EQ(a.after.unknown, b.after.unknown);
  EXPECT_EQ(a.change_last_fought, b.change_last_fought);
  EXPECT_EQ(a.change_eve_of_poll, b.change_eve_of_poll);
  EXPECT_EQ(a.last_fought_known, b.last_fought_known);
  EXPECT_EQ(a.control, b.control);
  EXPECT_EQ(a.Label(Baseline::kEveOfPoll, registry), b.Label(Baseline::kEveOfPoll, registry));
  EXPECT_EQ(a.Label(Baseline::kLastFought, registry), b.Label(Baseline::kLastFought, registry));
}

TEST(SharedApply, ABigBatchOnTwoThreadsIsTheNightOneByOne) {
  const GeneratedNight generated = GenerateNight({.scale = 10});
  ASSERT_GE(generated.declarations.size(), 20000u);
  int threads_started = 0;
  NightOptions two_threads{.run_both = [&](const std::function<void()>& a, const std::function<void()>& b) {
    ++threads_started;
    std::thread other(b);
    try {
      a();
    } catch (...) {
      other.join();
      throw;
    }
    other.join();
  }};
  Result<Night> whole = Night::Create(generated.election, Registry(), two_threads);
  Result<Night> one_thread = Night::Create(generated.election, Registry());
  Result<Night> one_by_one = Night::Create(generated.election, Registry());
  ASSERT_TRUE(whole && one_thread && one_by_one);

  // The whole night in one batch: the councils touched, each once, in the order first declared;
  // the same batch on one thread touches them, settles them and holds the declarations in the
  // same order.
  Result<CheckedBatch> batch = whole->Check(generated.declarations, Revision::kNew);
  ASSERT_TRUE(batch) << batch.error().ToString();
  const std::vector<std::string> touched = whole->Apply(std::move(*batch));
  EXPECT_GT(threads_started, 2) << "the check's blocks and the apply's";
  Result<CheckedBatch> same_batch = one_thread->Check(generated.declarations, Revision::kNew);
  ASSERT_TRUE(same_batch) << same_batch.error().ToString();
  EXPECT_EQ(touched, one_thread->Apply(std::move(*same_batch)));
  EXPECT_EQ(whole->news_order(), one_thread->news_order());
  ASSERT_EQ(whole->declarations().size(), one_thread->declarations().size());
  for (auto x = whole->declarations().begin(), y = one_thread->declarations().begin();
       x != whole->declarations().end(); ++x, ++y)
    EXPECT_EQ((*x)->ballot_id, (*y)->ballot_id);
  std::vector<std::string> first_declared;
  for (const Declaration& d : generated.declarations) {
    if (std::find(first_declared.begin(), first_declared.end(), d.council.view()) == first_declared.end())
      first_declared.push_back(d.council.str());
    ASSERT_TRUE(one_by_one->Apply(d)) << d.ballot_id;
  }
  EXPECT_EQ(touched, first_declared);

  ASSERT_EQ(whole->councils().size(), one_by_one->councils().size());
  for (const Council& council : one_by_one->councils()) {
    SCOPED_TRACE(council.id);
    ExpectSameOutcome(*whole->Outcome(council.id), *one_by_one->Outcome(council.id), whole->registry());
    const DeclaredWards& a = *whole->Declared(council.id);
    const DeclaredWards& b = *one_by_one->Declared(council.id);
    ASSERT_EQ(a.size(), b.size());
    for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y) {
      EXPECT_EQ(x->declaration->ballot_id, y->declaration->ballot_id);
      EXPECT_EQ(std::vector<size_t>(x->count.elected.begin(), x->count.elected.end()),
                std::vector<size_t>(y->count.elected.begin(), y->count.elected.end()));
    }
  }
  EXPECT_EQ(whole->news_order().size(), one_by_one->news_order().size());
  EXPECT_EQ(whole->declarations().size(), generated.declarations.size());
}

}  // namespace
}  // namespace psephos
