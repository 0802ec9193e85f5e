// A file mapped for reading (readers/internal/mapped_file.h), with the padding a parser may read
// past its end.
#include "readers/internal/mapped_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>

#include "testing.h"

namespace psephos::internal {
namespace {

// Whatever the file's size against the page, its bytes are the text and the padding after it
// reads as zeros: within its last page, and past it where the padding reaches into the next.
TEST(MappedFile, TheTextThenZerosForThePadding) {
  testing::TempDir dir;
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  for (size_t size : {size_t{1}, size_t{100}, page - 64, page - 63, page - 1, page, page + 1, 3 * page}) {
    std::string text(size, 'x');
    for (size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + i % 26);
    const std::string path = dir.File("f" + std::to_string(size));
    std::ofstream(path, std::ios::binary) << text;
    auto mapped = MappedFile::Open(path, 64);
    ASSERT_TRUE(mapped) << size;
    ASSERT_EQ(mapped->text(), text) << size;
    for (size_t i = 0; i < 64; ++i) ASSERT_EQ(mapped->text().data()[size + i], '\0') << size << " + " << i;
    auto plain = MappedFile::Open(path);  // no padding asked for
    ASSERT_TRUE(plain) << size;
    EXPECT_EQ(plain->text(), text) << size;
  }
}

// What cannot be mapped is left to be read, which says why.
TEST(MappedFile, NoneForWhatCannotBeMapped) {
  testing::TempDir dir;
  EXPECT_FALSE(MappedFile::Open(dir.File("none")));
  EXPECT_FALSE(MappedFile::Open(dir.File("")));  // the directory
  std::ofstream(dir.File("empty")) << "";
  EXPECT_FALSE(MappedFile::Open(dir.File("empty"), 64));
  // A named pipe is not opened, which would wait for a writer (and its bytes would then be lost
  // to the read that follows). Should Open wait, a writer comes after two seconds to end it.
  const std::string fifo = dir.File("fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::mutex mu;
  std::condition_variable returned;
  bool done = false, writer_came = false;
  std::thread writer([&] {
    std::unique_lock lock(mu);
    if (returned.wait_for(lock, std::chrono::seconds(2), [&] { return done; })) return;
    writer_came = true;
    lock.unlock();
    std::ofstream(fifo) << "x";
  });
  EXPECT_FALSE(MappedFile::Open(fifo));
  {
    std::lock_guard lock(mu);
    done = true;
  }
  returned.notify_all();
  writer.join();
  EXPECT_FALSE(writer_came) << "Open waited for the pipe's writer";
}

}  // namespace
}  // namespace psephos::internal
