// Letter case in ASCII (core/ascii_case.h): only 'A'..'Z' fold, as std::tolower folds in the
// "C" locale; every other byte, UTF-8's too, is left as it is.
#include "core/ascii_case.h"

#include <gtest/gtest.h>

#include <cctype>

namespace psephos {
namespace {

TEST(AsciiCase, LowersAsTheCLocaleDoes) {
  for (int c = 0; c < 256; ++c)
    EXPECT_EQ(static_cast<unsigned char>(AsciiLower(static_cast<char>(c))), std::tolower(c)) << c;
}

TEST(AsciiCase, EqualIgnoringCase) {
  EXPECT_TRUE(EqualIgnoringCase("London", "LONDON"));
  EXPECT_TRUE(EqualIgnoringCase("", ""));
  EXPECT_FALSE(EqualIgnoringCase("London", "Londo"));
  EXPECT_FALSE(EqualIgnoringCase("Ann Smith", "Ann Smyth"));
  EXPECT_FALSE(EqualIgnoringCase("\xC3\x89mile", "\xC3\xA9mile"));  // É and é: not ASCII, not folded
}

}  // namespace
}  // namespace psephos
