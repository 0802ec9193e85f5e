// mapped_file.h (internal)
//
// MappedFile: a regular file mapped read-only, for the big inputs a night is read from (a 1000x
// night's results are 2.3 GB, its setup 320 MB), read where the page cache holds them: reading
// one into a string of its own made every page twice, the kernel zeroing the string's and copying
// the file's in (the 1000x setup: 0.46 s of system time where the mapping takes 0.03).
//
//   std::unique_ptr<MappedFile> file = MappedFile::Open(path, /*padding=*/64);
//   if (!file) ... read it instead (a pipe, an empty file, one that cannot be opened) ...
//   Parse(file->text());     // `padding` zero bytes may be read after its end
//   file->Release(offset);   // done with the bytes before `offset`
#ifndef PSEPHOS_READERS_INTERNAL_MAPPED_FILE_H_
#define PSEPHOS_READERS_INTERNAL_MAPPED_FILE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace psephos::internal {

class MappedFile {
 public:
  // nullptr when the file cannot be mapped (a pipe, a directory, an empty file, one that cannot
  // be opened, a mapping refused): read it instead, which tells why. `padding` zero bytes follow
  // the text, readable (simdjson reads up to 64 past a document's end). A file cut short while
  // mapped ends the process (SIGBUS) where a read would have seen it shorter: the inputs mapped
  // are a night's files, written before they are read.
  static std::unique_ptr<MappedFile> Open(const std::string& path, size_t padding = 0);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view text() const { return {data_, size_}; }
  // The bytes before `offset` are done with: once a good stretch has built up, their pages
  // leave the process (a later read of them would fetch them again from the file).
  void Release(size_t offset);

 private:
  MappedFile(const char* data, size_t size, size_t mapped) : data_(data), size_(size), mapped_(mapped) {}
  const char* data_;
  size_t size_;
  size_t mapped_;  // the whole mapping, the padding's pages too
  size_t released_ = 0;
};

}  // namespace psephos::internal

#endif  // PSEPHOS_READERS_INTERNAL_MAPPED_FILE_H_
