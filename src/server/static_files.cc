#include "server/static_files.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <sstream>
#include <utility>

namespace psephos {

namespace fs = std::filesystem;

namespace {

// Only what the page is made of; anything else is served as bytes, never sniffed
// (X-Content-Type-Options below).
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kMediaTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
    {".woff2", "font/woff2"},
    {".map", "application/json"},
}};

// The page loads nothing from elsewhere and talks only to its own origin; a string from the
// data that slipped into markup could not run as script.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

Error NotFound(std::string message) { return WithKind(MakeError(std::move(message), "path"), ErrorKind::kNotFound); }

// `path` is `base` or lies under it (both canonical).
bool Within(const fs::path& base, const fs::path& path) {
  auto b = base.begin(), p = path.begin();
  for (; b != base.end(); ++b, ++p)
    if (p == path.end() || *p != *b) return false;
  return true;
}

}  // namespace

bool IsApiPath(std::string_view path) {
  return path == "/api" || path.starts_with("/api/") || path == "/healthz";
}

std::string_view MediaTypeOf(std::string_view file_name) {
  const size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  std::string ext(file_name.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [suffix, type] : kMediaTypes)
    if (ext == suffix) return type;
  return "application/octet-stream";
}

Result<fs::path> ResolveStaticPath(const fs::path& root, std::string_view url_path) {
  if (!url_path.starts_with('/')) return NotFound("a path must start with '/'");
  fs::path relative;
  size_t start = 1;
  while (start <= url_path.size()) {
    size_t end = url_path.find('/', start);
    if (end == std::string_view::npos) end = url_path.size();
    const std::string_view segment = url_path.substr(start, end - start);
    start = end + 1;
    if (segment.empty()) continue;
    // "..", "." and hidden names are never served; a backslash or NUL has no place in a name.
    if (segment.front() == '.' || segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos)
      return NotFound("the path has a segment that is not served: '" + std::string(segment) + "'");
    relative /= std::string(segment);
  }
  std::error_code ec;
  const fs::path base = fs::canonical(root, ec);
  if (ec) return NotFound("the page's folder " + root.string() + " is missing");
  fs::path file = base / relative;
  if (fs::is_directory(file, ec)) file /= "index.html";
  const fs::path real = fs::canonical(file, ec);
  if (ec || !fs::is_regular_file(real, ec)) return NotFound("no such file: " + std::string(url_path));
  // A symbolic link that leads out of the folder is refused like "..".
  if (!Within(base, real)) return NotFound("no such file: " + std::string(url_path));
  return real;
}

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {}

HttpResponse StaticFiles::Handle(const HttpRequest& request) const {
  HttpResponse response;
  if (request.method != "GET" && request.method != "HEAD") {
    response = ErrorResponse(405, "method " + request.method + " is not allowed here; the page is GET only");
    response.headers.emplace_back("Allow", "GET, HEAD");
    return response;
  }
  const auto [path, query] = SplitTarget(request.target);
  auto file = ResolveStaticPath(root_, path);
  if (!file) return ErrorResponse(404, file.error().message);
  std::ifstream in(*file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return ErrorResponse(404, "cannot read " + path);
  response.content_type = std::string(MediaTypeOf(file->filename().string()));
  response.body = std::move(bytes).str();
  response.headers = {{"ETag", ETagOf(response.body)},
                      {"Cache-Control", "no-cache"},
                      {"X-Content-Type-Options", "nosniff"},
                      {"Referrer-Policy", "no-referrer"},
                      {"Content-Security-Policy", kContentSecurityPolicy}};
  if (auto not_modified = NotModified(response, request.if_none_match)) return std::move(*not_modified);
  if (request.method == "HEAD") AnswerHead(response);
  return response;
}

}  // namespace psephos
