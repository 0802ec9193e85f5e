#include "readers/internal/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace psephos::internal {

namespace {

size_t PageSize() {
  static const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  return page;
}

}  // namespace

std::unique_ptr<MappedFile> MappedFile::Open(const std::string& path, size_t padding) {
  // Only a regular file is opened: opening a named pipe waits for a writer, and its bytes would
  // then be lost to the read that follows.
  struct stat before {};
  if (::stat(path.c_str(), &before) != 0 || !S_ISREG(before.st_mode)) return nullptr;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
    ::close(fd);
    return nullptr;
  }
  const size_t size = static_cast<size_t>(st.st_size);
  const size_t page = PageSize();
  const size_t file_pages = (size + page - 1) / page * page;
  // The bytes after the end up to the file's last page are zeros; where the padding reaches past
  // that page, anonymous zero pages are mapped first and the file over them (a page wholly past
  // a file's end is no memory at all: reading it is SIGBUS).
  const size_t mapped = (size + padding + page - 1) / page * page;
  void* base = MAP_FAILED;
  if (mapped == file_pages) {
    base = ::mmap(nullptr, mapped, PROT_READ, MAP_PRIVATE, fd, 0);
  } else {
    base = ::mmap(nullptr, mapped, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base != MAP_FAILED && ::mmap(base, file_pages, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
      ::munmap(base, mapped);
      base = MAP_FAILED;
    }
  }
  ::close(fd);  // the mapping keeps the file
  if (base == MAP_FAILED) return nullptr;
  ::madvise(base, size, MADV_SEQUENTIAL);
  return std::unique_ptr<MappedFile>(new MappedFile(static_cast<const char*>(base), size, mapped));
}

MappedFile::~MappedFile() { ::munmap(const_cast<char*>(data_), mapped_); }

void MappedFile::Release(size_t offset) {
  constexpr size_t kStretch = size_t{64} << 20;
  if (offset < released_ + kStretch) return;
  const size_t end = offset / PageSize() * PageSize();
  ::madvise(const_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

}  // namespace psephos::internal
