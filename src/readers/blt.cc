#include "readers/blt.h"

#include <charconv>
#include <optional>
#include <vector>

#include "readers/csv.h"
#include "readers/fields.h"

namespace psephos {

namespace {

// A line of the text being parsed (a view: the parse never outlives the text).
struct Line {
  int64_t number = 0;
  std::string_view text;
};

// The line's tokens, into `out` (cleared first): the parser keeps one vector for every line,
// since a Scottish ward's file is thousands of ballot lines and a vector a line was most of the
// parse (perf, on the `blt` fuzz target's corpus).
void Tokens(std::string_view line, std::vector<std::string_view>& out) {
  out.clear();
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
}

std::optional<int64_t> Integer(std::string_view token) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (ec != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return value;
}

bool Blank(const Line& line) { return TrimView(line.text).empty(); }

class BltParser {
 public:
  BltParser(std::string_view text, const std::string& file) : text_(text), file_(file) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);  // a UTF-8 byte-order mark
  }
  Result<BallotProfile> Parse();

 private:
  Error At(const Line& line, std::string field, std::string message) const {
    return MakeError(std::move(message), std::move(field), file_, line.number);
  }
  // The next line that is not blank; nullopt at the end. Lines end at "\n", "\r" or "\r\n",
  // and the text after the last end is a line too (blank when the text ends with one). Found as
  // the parse goes: a vector of every line first was a fifth of the parse.
  std::optional<Line> Next() {
    while (at_ <= text_.size()) {
      size_t end = text_.find_first_of("\r\n", at_);
      if (end == std::string_view::npos) end = text_.size();
      const Line line{number_++, text_.substr(at_, end - at_)};
      at_ = end + (text_.substr(end).starts_with("\r\n") ? 2 : 1);
      if (!Blank(line)) return line;
    }
    return std::nullopt;
  }
  // The number of the text's last line, once Next has reached the end.
  int64_t LastLine() const { return number_ - 1; }
  // Reads the ballot on `line`, whose tokens are in tokens_.
  Status ParseBallot(const Line& line, int candidates, BallotProfile& profile);

  std::string_view text_;
  const std::string& file_;
  size_t at_ = 0;        // where the next line starts
  int64_t number_ = 1;   // the next line's number
  std::vector<std::string_view> tokens_;  // the current line's
  std::vector<bool> ranked_;              // candidates ranked on the current ballot
};

Status BltParser::ParseBallot(const Line& line, int candidates, BallotProfile& profile) {
  const std::vector<std::string_view>& tokens = tokens_;
  StvBallot ballot;
  std::optional<int64_t> weight = Integer(tokens[0]);
  if (!weight || *weight < 0)
    return At(line, "weight", "expected a number of ballot papers, found '" + std::string(tokens[0]) + "'");
  ballot.weight = *weight;
  if (tokens.back() != "0") return At(line, "end", "a ballot line must end with 0");
  ranked_.assign(static_cast<size_t>(candidates), false);
  ballot.preferences.reserve(tokens.size() - 2);
  for (size_t i = 1; i + 1 < tokens.size(); ++i) {
    // Named only when wrong: a Scottish ward's file is thousands of ballot lines.
    auto field = [i] { return "preference " + std::to_string(i); };
    std::optional<int64_t> c = Integer(tokens[i]);
    if (!c) return At(line, field(), "expected a candidate number, found '" + std::string(tokens[i]) + "'");
    if (*c < 1 || *c > candidates)
      return At(line, field(), "a preference for candidate " + std::to_string(*c) + ", but the ward has " +
                                   std::to_string(candidates) + " candidates");
    if (ranked_[static_cast<size_t>(*c - 1)])
      return At(line, field(), "candidate " + std::to_string(*c) + " is ranked twice on one ballot");
    ranked_[static_cast<size_t>(*c - 1)] = true;
    ballot.preferences.push_back(static_cast<int>(*c - 1));
  }
  profile.ballots.push_back(std::move(ballot));
  return {};
}

// A name or title: quotes dropped, runs of spaces folded ("Norman WORK  (SNP)" in some files).
std::string Unquote(std::string_view view) {
  std::string text = TrimText(view);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  std::string out;
  for (char c : text)
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
  return TrimText(out);
}

Result<BallotProfile> BltParser::Parse() {
  BallotProfile profile;
  std::optional<Line> header = Next();
  if (!header) return MakeError("an empty file: expected '<candidates> <seats>'", "header", file_, 1);
  std::vector<std::string_view> head;
  Tokens(header->text, head);
  std::optional<int64_t> n = head.size() == 2 ? Integer(head[0]) : std::nullopt;
  std::optional<int64_t> seats = head.size() == 2 ? Integer(head[1]) : std::nullopt;
  if (!n || !seats) return At(*header, "header", "expected '<candidates> <seats>', found '" + std::string(header->text) + "'");
  if (*n < 1 || *n > 1000) return At(*header, "candidates", "expected 1 to 1000 candidates, found " + std::to_string(*n));
  if (*seats < 1) return At(*header, "seats", "expected at least 1 seat, found " + std::to_string(*seats));
  if (*seats > *n)
    return At(*header, "seats", std::to_string(*seats) + " seats but only " + std::to_string(*n) + " candidates");
  profile.seats = static_cast<int>(*seats);
  const int candidates = static_cast<int>(*n);

  for (;;) {
    std::optional<Line> line = Next();
    if (!line) return MakeError("the file ends before the line '0' that closes the ballots", "ballots", file_,
                                LastLine());
    Tokens(line->text, tokens_);
    if (tokens_.size() == 1 && tokens_[0] == "0") break;
    if (tokens_[0].starts_with("-"))
      return At(*line, "weight", "withdrawn candidates (negative numbers) are not supported");
    if (line->text.find('=') != std::string::npos)
      return At(*line, "preferences", "equal rankings ('=') are not supported");
    if (Status s = ParseBallot(*line, candidates, profile); !s) return s.error();
  }
  for (int c = 0; c < candidates; ++c) {
    std::optional<Line> line = Next();
    if (!line)
      return MakeError("expected " + std::to_string(candidates) + " candidate names, found " + std::to_string(c),
                       "candidate " + std::to_string(c + 1), file_, LastLine());
    std::string name = Unquote(line->text);
    if (Integer(TrimText(name))) return At(*line, "candidate " + std::to_string(c + 1), "expected a name, found a number");
    profile.candidates.push_back(name);
  }
  if (std::optional<Line> title = Next()) profile.title = Unquote(title->text);
  if (std::optional<Line> extra = Next()) return At(*extra, "title", "unexpected line after the title: '" + std::string(extra->text) + "'");
  return profile;
}

}  // namespace

Result<BallotProfile> ParseBlt(std::string_view text, const std::string& file) {
  return BltParser(text, file).Parse();
}

Result<BallotProfile> ReadBlt(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  return ParseBlt(*text, path);
}

}  // namespace psephos
