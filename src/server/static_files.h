// static_files.h
//
// The results page's files, served from one folder (web/public, or --static DIR) at every path
// that is not the API's: "/" is index.html, "/app.js" is app.js. Like api.h this is a function
// from request to response with no sockets, so that tests call it directly; service.cc routes a
// request here when IsApiPath says it is not the API's.
//
// A path is resolved segment by segment after percent-decoding: a segment "..", ".", a hidden
// name (".git"), a backslash or a NUL refuses the request, and the file found must still lie
// under the folder once symbolic links are followed, so no request reads outside it. The page
// routes on the URL's fragment (#/council/trafford), so there is no fallback to index.html: a
// missing file is 404. Responses carry Content-Type by extension, an ETag (If-None-Match gives
// 304), Cache-Control: no-cache (a browser revalidates, so a new build shows at once) and a
// Content-Security-Policy that allows only the page's own scripts and the API.
//
//   StaticFiles files("web/public");
//   if (!IsApiPath(path)) response = files.Handle(HttpRequest{.method = "GET", .target = "/"});
#ifndef PSEPHOS_SERVER_STATIC_FILES_H_
#define PSEPHOS_SERVER_STATIC_FILES_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"
#include "server/api.h"

namespace psephos {

// True for the paths the API answers: "/api", "/api/...", "/healthz".
bool IsApiPath(std::string_view path);

// The media type of a file by its extension ("index.html" -> "text/html; charset=utf-8");
// application/octet-stream when unknown.
std::string_view MediaTypeOf(std::string_view file_name);

// The file under `root` that the decoded URL path names ("/" and directories: their
// index.html). An Error (kNotFound) when the path is refused or names nothing; it never
// names a file outside root.
Result<std::filesystem::path> ResolveStaticPath(const std::filesystem::path& root, std::string_view url_path);

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // GET and HEAD; other methods get 405.
  HttpResponse Handle(const HttpRequest& request) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace psephos

#endif  // PSEPHOS_SERVER_STATIC_FILES_H_
