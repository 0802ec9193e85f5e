// ascii_case.h
//
// Letter case in ASCII, as std::tolower has it in the "C" locale the programs run in (they set
// no other), but inline: case is folded on hot paths (an elected flag and a candidate's name for
// every row a reader reads, a council's region for every filter of every declaration), where a
// call to std::tolower a byte was a large part of the work. Bytes other than 'A'..'Z' (UTF-8's
// among them) are left as they are.
//
//   AsciiLower('Q') == 'q';  EqualIgnoringCase("London", "LONDON") == true
#ifndef PSEPHOS_CORE_ASCII_CASE_H_
#define PSEPHOS_CORE_ASCII_CASE_H_

#include <cstddef>
#include <string_view>

namespace psephos {

inline char AsciiLower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool EqualIgnoringCase(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  return true;
}

}  // namespace psephos

#endif  // PSEPHOS_CORE_ASCII_CASE_H_
