#include "server/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "testing.h"

namespace psephos {
namespace {

namespace fs = std::filesystem;

// A page folder (index.html, app.js, css/page.css, a hidden file) beside a secret that no
// request may read.
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(dir_.File("page"));
    fs::create_directories(root_ / "css");
    Write(root_ / "index.html", "<!doctype html><title>Psephos</title>");
    Write(root_ / "app.js", "export const x = 1;\n");
    Write(root_ / "css" / "page.css", "body{}");
    Write(root_ / ".env", "hidden");
    Write(fs::path(dir_.File("secret.txt")), "SECRET");
  }
  static void Write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }
  HttpResponse Get(const std::string& target, const std::string& method = "GET", const std::string& etag = "") {
    return StaticFiles(root_).Handle(HttpRequest{method, target, "", "", etag, ""});
  }
  static std::string Header(const HttpResponse& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
      if (n == name) return v;
    return "";
  }

  testing::TempDir dir_;
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesIndexAtRootAndFilesWithTheirTypes) {
  HttpResponse index = Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index.body, "<!doctype html><title>Psephos</title>");
  EXPECT_EQ(Get("/index.html").body, index.body);
  EXPECT_EQ(Get("/?x=1").body, index.body);

  HttpResponse js = Get("/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Get("/css/page.css").content_type, "text/css; charset=utf-8");
  EXPECT_EQ(Header(js, "X-Content-Type-Options"), "nosniff");
  EXPECT_NE(Header(js, "Content-Security-Policy").find("default-src 'self'"), std::string::npos);
}

TEST_F(StaticFilesTest, ETagGivesNotModified) {
  HttpResponse first = Get("/app.js");
  const std::string etag = Header(first, "ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(Header(Get("/app.js"), "ETag"), etag);  // the same bytes, the same tag
  HttpResponse again = Get("/app.js", "GET", etag);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  Write(root_ / "app.js", "export const x = 2;\n");
  HttpResponse changed = Get("/app.js", "GET", etag);
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(Header(changed, "ETag"), etag);
}

TEST_F(StaticFilesTest, MissingFilesAndOtherMethods) {
  EXPECT_EQ(Get("/nothing.js").status, 404);
  EXPECT_EQ(Get("/css/").status, 404);  // a folder without index.html
  HttpResponse head = Get("/app.js", "HEAD");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.head_length, Get("/app.js").body.size());  // the GET's Content-Length
  HttpResponse post = Get("/app.js", "POST");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(Header(post, "Allow"), "GET, HEAD");
}

TEST_F(StaticFilesTest, NoPathLeavesTheFolder) {
  for (const char* target :
       {"/../secret.txt", "/css/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/css/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/.env", "/./index.html",
        "/..\\secret.txt", "/%5c..%5csecret.txt", "/index.html%00.js"}) {
    HttpResponse r = Get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << target;
  }
  // An absolute path in the URL names a file under the folder, never the file system's.
  const std::string secret = fs::path(dir_.File("secret.txt")).string();
  EXPECT_EQ(Get(secret).status, 404);
  EXPECT_EQ(Get("/" + secret).status, 404);
  EXPECT_EQ(Get("/etc/passwd").status, 404);
  EXPECT_EQ(Get("http://example.com/index.html").status, 404);  // not origin-form
  // A symbolic link out of the folder is refused too.
  fs::create_symlink(dir_.File("secret.txt"), root_ / "link.txt");
  EXPECT_EQ(Get("/link.txt").status, 404);
}

TEST(ResolveStaticPathTest, ResolvesUnderTheRootOnly) {
  testing::TempDir dir;
  const fs::path root(dir.File("web"));
  fs::create_directories(root / "a");
  std::ofstream(root / "a" / "b.svg") << "<svg/>";
  auto found = ResolveStaticPath(root, "//a///b.svg");
  ASSERT_TRUE(found) << found.error().ToString();
  EXPECT_EQ(found->filename(), "b.svg");
  auto refused = ResolveStaticPath(root, "/a/../a/b.svg");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kNotFound);
  EXPECT_FALSE(ResolveStaticPath(dir.File("no-such-folder"), "/"));
}

TEST(IsApiPathTest, TheApiKeepsItsPaths) {
  EXPECT_TRUE(IsApiPath("/api"));
  EXPECT_TRUE(IsApiPath("/api/councils/trafford"));
  EXPECT_TRUE(IsApiPath("/healthz"));
  EXPECT_FALSE(IsApiPath("/"));
  EXPECT_FALSE(IsApiPath("/apiary.html"));
  EXPECT_FALSE(IsApiPath("/index.html"));
}

TEST(MediaTypeOfTest, ByExtension) {
  EXPECT_EQ(MediaTypeOf("a.SVG"), "image/svg+xml");
  EXPECT_EQ(MediaTypeOf("a.json"), "application/json");
  EXPECT_EQ(MediaTypeOf("Makefile"), "application/octet-stream");
  EXPECT_EQ(MediaTypeOf("a.exe"), "application/octet-stream");
}

}  // namespace
}  // namespace psephos
