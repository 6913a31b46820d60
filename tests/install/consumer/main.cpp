// A program outside the project that uses the installed library.
#include <digestkit/parse.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const auto file = digestkit::parse_bytes(bytes.str(), argv[1]);
  if (!file.ok()) return 1;
  std::size_t entries = 0;
  for (const auto& document : file.documents) entries += document.entries.size();
  std::cout << file.documents.size() << " digest, " << entries << " entries\n";
  return 0;
}
