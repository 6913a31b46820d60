// `digest convert` through the program: outputs, pipes, -o, -j, errors and
// exit codes, limits and encodings.
#include <rapidjson/document.h>

#include "json/json_fixtures.hpp"

namespace digestkit {
namespace {

namespace fs = std::filesystem;
using digestkit::testing::read_file;
using digestkit::testing::run_command;
using digestkit::testing::run_digest;
using digestkit::testing::schema_errors;
using digestkit::testing::shell_quote;
using digestkit::testing::write_file;
using json_testing::fixture;
using json_testing::fixture_names;

constexpr const char* kSchema = "digestkit-1.schema.json";

std::string q(const fs::path& path) { return shell_quote(path.string()); }

std::size_t count_lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

// A scratch directory removed at the end of the test.
class ScratchDir {
 public:
  ScratchDir() : path_(digestkit::testing::make_temp_dir("digest-convert")) {}
  ~ScratchDir() { fs::remove_all(path_); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The fixtures plus one broken post, copied into `dir`.
void copy_fixtures(const fs::path& dir, bool with_broken) {
  fs::create_directories(dir);
  for (const std::string& name : fixture_names()) fs::copy_file(fixture(name), dir / (name + ".txt"));
  if (with_broken) {
    write_file(dir / "m-broken.txt",
               "Robotics\n\n\n2023-01-01 更新\n\nA Title Alone\n\nNo authors line here.\n");
  }
}

TEST(ConvertCli, HelpHasExamples) {
  const auto result = run_digest("convert --help");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("Examples:"), std::string::npos);
  EXPECT_NE(result.out.find("--to"), std::string::npos);
}

TEST(ConvertCli, JsonLinesOneDigestPerLineValidating) {
  const auto result = run_digest("convert --to jsonl " + q(digestkit::testing::testdata("json")));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(count_lines(result.out), fixture_names().size() + 1);  // two-digests holds two
  std::string array = "[" + result.out + "]";
  for (std::size_t nl = array.find('\n'); nl + 2 < array.size(); nl = array.find('\n', nl + 1))
    array[nl] = ',';
  EXPECT_EQ(schema_errors(array, kSchema), "");
}

TEST(ConvertCli, JsonIsOneArrayOfAllInputs) {
  const auto result =
      run_digest("convert --to json " + q(fixture("two-digests")) + " " + q(fixture("long-marker")));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  rapidjson::Document json;
  json.Parse(result.out.c_str());
  ASSERT_TRUE(json.IsArray());
  ASSERT_EQ(json.Size(), 3u);
  EXPECT_EQ(json[1]["source"]["digest"].GetUint(), 1u);
  EXPECT_EQ(json[2]["source"]["digest"].GetUint(), 0u);
  EXPECT_EQ(schema_errors(result.out, kSchema), "");
  // Each input's objects are exactly its own export, re-indented into one array.
  const std::string alone = read_file(fixture("long-marker", ".expected.json"));
  const std::string object = alone.substr(2, alone.size() - 5);
  EXPECT_NE(result.out.find(object.substr(object.find("\"category\""))), std::string::npos);
}

TEST(ConvertCli, RoundTripThroughPipesEqualsFmt) {
  for (const std::string& name : fixture_names()) {
    SCOPED_TRACE(name);
    const auto fmt = run_digest("fmt " + q(fixture(name)));
    ASSERT_EQ(fmt.exit_code, 0) << fmt.err;
    for (const char* to : {"json", "jsonl"}) {
      // Parenthesised: run_command redirects the standard input of the whole line.
      const auto piped =
          run_command(std::string("(NO_COLOR=1 ") + DIGEST_EXE + " convert --to " + to + " " +
                      q(fixture(name)) + " | " + DIGEST_EXE + " convert --from json --to text -)");
      ASSERT_EQ(piped.exit_code, 0) << piped.err;
      EXPECT_EQ(piped.out, fmt.out) << to;
    }
  }
}

TEST(ConvertCli, KeepGoingReportsEachFailureAndExitsOne) {
  ScratchDir scratch;
  copy_fixtures(scratch.path() / "posts", true);
  const auto result = run_digest("convert --to jsonl " + q(scratch.path() / "posts"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(count_lines(result.out), fixture_names().size() + 1);
  EXPECT_NE(result.err.find("m-broken.txt:8:1: error: "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("digest convert: 1 of " + std::to_string(fixture_names().size() + 1) +
                            " inputs failed"),
            std::string::npos)
      << result.err;
}

TEST(ConvertCli, FailFastStopsAtTheFirstFailure) {
  ScratchDir scratch;
  copy_fixtures(scratch.path() / "posts", true);
  const auto result = run_digest("convert --fail-fast --to jsonl " + q(scratch.path() / "posts"));
  EXPECT_EQ(result.exit_code, 1);
  // Sorted order: crlf-bom-slashed, gb18030, impossible-date, long-marker, m-broken, ...
  EXPECT_EQ(count_lines(result.out), 4u);
  EXPECT_NE(result.err.find("digest convert: 1 of 5 inputs failed"), std::string::npos) << result.err;
  EXPECT_EQ(run_digest("convert --fail-fast --keep-going x.txt").exit_code, 2);
}

TEST(ConvertCli, ParallelOutputEqualsSerialOutput) {
  ScratchDir scratch;
  for (int copy = 0; copy < 6; ++copy)
    copy_fixtures(scratch.path() / ("batch" + std::to_string(copy)), copy == 3);
  for (const char* to : {"jsonl", "json", "csv"}) {
    const auto serial = run_digest(std::string("convert -j 1 --to ") + to + " " + q(scratch.path()));
    const auto parallel = run_digest(std::string("convert -j 3 --to ") + to + " " + q(scratch.path()));
    EXPECT_EQ(serial.exit_code, 1);
    EXPECT_EQ(parallel.exit_code, 1);
    EXPECT_EQ(parallel.out, serial.out) << to;
    EXPECT_EQ(parallel.err, serial.err) << to;
  }
}

TEST(ConvertCli, OutputFileHoldsWhatStdoutWould) {
  ScratchDir scratch;
  const auto out = scratch.path() / "all.csv";
  const auto to_file =
      run_digest("convert --to csv -o " + q(out) + " " + q(digestkit::testing::testdata("json")));
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_EQ(to_file.out, "");
  const auto to_stdout = run_digest("convert --to csv " + q(digestkit::testing::testdata("json")));
  EXPECT_EQ(read_file(out), to_stdout.out);
  // The header and one CRLF-ended row per entry (quoted fields hold no line breaks here).
  std::size_t rows = 0;
  for (std::size_t at = to_stdout.out.find("\r\n"); at != std::string::npos;
       at = to_stdout.out.find("\r\n", at + 2)) {
    ++rows;
  }
  std::size_t entries = 0;
  for (const std::string& name : fixture_names()) {
    for (const Document& document : parse_bytes(read_file(fixture(name)), name).documents) {
      entries += document.entries.size();
    }
  }
  EXPECT_EQ(rows, 1 + entries);
  EXPECT_EQ(
      to_stdout.out.rfind("path,digest,category,date,index,title,authors,abstract,comments,marker\r\n", 0),
      0u);
}

TEST(ConvertCli, OutputDirectoryKeepsArchiveMembersInside) {
  ScratchDir scratch;
  const fs::path archive = scratch.path() / "posts.tar.gz";
  const std::string script =
      "import io,sys,tarfile\n"
      "members=[('posts/a.txt',sys.argv[2]),('../escape.txt',sys.argv[3]),('/abs.txt',sys.argv[3]),"
      "('posts/./sub//b.txt',sys.argv[3])]\n"
      "with tarfile.open(sys.argv[1],'w:gz') as t:\n"
      "  for name,src in members:\n"
      "    data=open(src,'rb').read(); info=tarfile.TarInfo(name); info.size=len(data)\n"
      "    t.addfile(info,io.BytesIO(data))\n";
  write_file(scratch.path() / "make.py", script);
  const auto made = run_command("/usr/bin/python3 " + q(scratch.path() / "make.py") + " " + q(archive) + " " +
                                q(fixture("short-marker")) + " " + q(fixture("two-digests")));
  ASSERT_EQ(made.exit_code, 0) << made.err;

  const fs::path out = scratch.path() / "deep" / "out";
  const auto result = run_digest("convert --to jsonl -o " + q(out) + "/ " + q(archive));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("posts.tar.gz:../escape.txt: error: unsafe member name"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("posts.tar.gz:/abs.txt: error: unsafe member name"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("digest convert: 2 of 4 inputs failed"), std::string::npos) << result.err;

  std::vector<std::string> written;
  for (const auto& item : fs::recursive_directory_iterator(scratch.path())) {
    if (item.is_regular_file()) written.push_back(fs::relative(item.path(), scratch.path()).string());
  }
  std::sort(written.begin(), written.end());
  EXPECT_EQ(written, (std::vector<std::string>{"deep/out/posts/a.jsonl", "deep/out/posts/sub/b.jsonl",
                                               "make.py", "posts.tar.gz"}));
  EXPECT_EQ(count_lines(read_file(out / "posts/sub/b.jsonl")), 2u);
}

// A byte flip in the gzip trailer: the deflate data still decodes, so only
// the CRC-32 check tells (gzip -t and GNU tar reject it; libarchive's gzip
// filter did not, and the altered content was converted with exit 0).
TEST(ConvertCli, CorruptGzipIsAnErrorNotAConversion) {
  ScratchDir scratch;
  const fs::path tree = scratch.path() / "tree";
  fs::create_directories(tree / "posts");
  fs::copy_file(fixture("short-marker"), tree / "posts/a.txt");
  fs::create_symlink("a.txt", tree / "posts/link.txt");
  const fs::path archive = scratch.path() / "posts.tar.gz";
  ASSERT_EQ(run_command("tar -C " + q(tree) + " -czf " + q(archive) + " posts").exit_code, 0);

  const auto good = run_digest("convert --to jsonl " + q(archive));
  EXPECT_EQ(good.exit_code, 0) << good.err;
  EXPECT_EQ(count_lines(good.out), 1u);
  EXPECT_NE(good.err.find("posts.tar.gz:posts/link.txt: warning: symbolic link to \"a.txt\"; skipped"),
            std::string::npos)
      << good.err;

  std::string bytes = read_file(archive);
  bytes[bytes.size() - 8] = static_cast<char>(bytes[bytes.size() - 8] ^ 0x01);
  write_file(archive, bytes);
  const auto bad = run_digest("convert --to jsonl " + q(archive));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("digest convert: " + archive.string() +
                         ": corrupt archive: corrupt gzip stream: CRC-32 mismatch"),
            std::string::npos)
      << bad.err;
}

TEST(ConvertCli, OutputDirectoryOneJsonArrayPerInput) {
  ScratchDir scratch;
  const auto result = run_digest("convert -o " + q(scratch.path()) + "/ " + q(fixture("long-marker")) + " " +
                                 q(fixture("two-digests")));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const fs::path relative = fs::path(fixture("long-marker").relative_path()).replace_extension(".json");
  const std::string written = read_file(scratch.path() / relative);
  EXPECT_EQ(schema_errors(written, kSchema), "");
  // Same object as the committed export but for source.path (the full path here).
  EXPECT_EQ(count_lines(written), count_lines(read_file(fixture("long-marker", ".expected.json"))));
}

TEST(ConvertCli, EncodingIsRecordedAndCanBeForced) {
  const auto detected = run_digest("convert --to jsonl " + q(fixture("gb18030")));
  ASSERT_EQ(detected.exit_code, 0) << detected.err;
  EXPECT_NE(detected.out.find("\"encoding\":\"GB18030\""), std::string::npos);
  const auto forced = run_digest("convert --encoding GB18030 --to jsonl " + q(fixture("gb18030")));
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(forced.out.find("\"encoding\":\"GB18030\""), std::string::npos);
  EXPECT_NE(forced.out.find("机器人/强化学习"), std::string::npos);
  const auto unknown = run_digest("convert --encoding NO-SUCH-CHARSET " + q(fixture("gb18030")));
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown encoding \"NO-SUCH-CHARSET\""), std::string::npos);
}

TEST(ConvertCli, StandardInputIsNamedDash) {
  const std::string post = read_file(fixture("long-marker"));
  const auto result = run_digest("convert --to jsonl -", &post);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("\"path\":\"-\""), std::string::npos);
}

TEST(ConvertCli, BrokenJsonInputIsLocated) {
  ScratchDir scratch;
  std::string json = read_file(fixture("short-marker", ".expected.json"));
  json.replace(json.find("\"comments\": null"), 16, "\"comments\": false");
  write_file(scratch.path() / "in.json", json);
  const auto result = run_digest("convert --to text " + q(scratch.path() / "in.json"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(
      result.err.find("in.json:45:9: error: [0].entries[1].comments: expected a string or null [DJ002]"),
      std::string::npos)
      << result.err;
  EXPECT_EQ(result.out, "");
}

TEST(ConvertCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_digest("convert --from json --to jsonl x.json").exit_code, 2);
  EXPECT_EQ(run_digest("convert --to xml x.txt").exit_code, 2);
  EXPECT_EQ(run_digest("convert").exit_code, 2);
  // A JSON input named on the command line cannot go to JSON again.
  const auto json_to_json = run_digest("convert --to jsonl " + q(fixture("long-marker", ".expected.json")));
  EXPECT_EQ(json_to_json.exit_code, 1);
  EXPECT_NE(json_to_json.err.find("converts to text only"), std::string::npos);
}

TEST(ConvertCli, SizeLimitsGiveAClearError) {
  const auto result = run_digest("convert --max-file-size 1K " + q(fixture("short-marker")));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("over the maximum file size of 1024 bytes"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "[]\n");
}

TEST(ConvertCli, MissingInputIsAnIoError) {
  const auto result = run_digest("convert --to jsonl /nonexistent/post.txt " + q(fixture("long-marker")));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(count_lines(result.out), 1u);
  EXPECT_NE(result.err.find("digest convert: /nonexistent/post.txt: cannot open"), std::string::npos)
      << result.err;
}

TEST(ConvertCli, TextOfAFolderOrArchiveIsItsPostsCanonicalForm) {
  // `convert --to text DIR/` took only .json files from DIR: posts printed
  // nothing, and a stray .json beside them was converted instead.
  ScratchDir scratch;
  copy_fixtures(scratch.path() / "posts", false);
  write_file(scratch.path() / "posts" / "package.json", "{\"name\": \"not a digest\"}\n");
  const auto fmt = run_digest("fmt " + q(scratch.path() / "posts"));
  ASSERT_EQ(fmt.exit_code, 0) << fmt.err;
  ASSERT_FALSE(fmt.out.empty());
  const auto folder = run_digest("convert --to text " + q(scratch.path() / "posts") + "/");
  EXPECT_EQ(folder.exit_code, 0) << folder.err;
  EXPECT_EQ(folder.err, "");
  EXPECT_EQ(folder.out, fmt.out);

  // Members in sorted order, as the folder is walked.
  ASSERT_EQ(run_command("tar --sort=name -czf " + q(scratch.path() / "posts.tgz") + " -C " +
                        q(scratch.path()) + " posts")
                .exit_code,
            0);
  const auto archive = run_digest("convert --to text " + q(scratch.path() / "posts.tgz"));
  EXPECT_EQ(archive.exit_code, 0) << archive.err;
  EXPECT_EQ(archive.out, fmt.out);

  // JSON in a folder is read with --from json.
  fs::create_directories(scratch.path() / "exports");
  write_file(scratch.path() / "exports" / "a.json", read_file(fixture("long-marker", ".expected.json")));
  const auto exports = run_digest("convert --from json --to text " + q(scratch.path() / "exports"));
  EXPECT_EQ(exports.exit_code, 0) << exports.err;
  EXPECT_EQ(exports.out, run_digest("fmt " + q(fixture("long-marker"))).out);
}

TEST(ConvertCli, AFolderWithoutPostsIsSaidSo) {
  ScratchDir scratch;
  write_file(scratch.path() / "notes.md", "nothing here\n");
  const auto result = run_digest("convert --to text " + q(scratch.path()));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("warning: no digest (*.txt) files in the inputs"), std::string::npos)
      << result.err;
}

TEST(ConvertCli, TheOutputExtensionChoosesTheTargetAndMustNotContradictTo) {
  // -o entries.csv without --to wrote JSON into entries.csv.
  ScratchDir scratch;
  const auto csv = scratch.path() / "entries.csv";
  const auto inferred = run_digest("convert -o " + q(csv) + " " + q(fixture("two-digests")));
  ASSERT_EQ(inferred.exit_code, 0) << inferred.err;
  EXPECT_EQ(read_file(csv), run_digest("convert --to csv " + q(fixture("two-digests"))).out);
  const auto jsonl = scratch.path() / "all.jsonl";
  ASSERT_EQ(run_digest("convert -o " + q(jsonl) + " " + q(fixture("two-digests"))).exit_code, 0);
  EXPECT_EQ(count_lines(read_file(jsonl)), 2u);

  const auto contradiction =
      run_digest("convert --to json -o " + q(scratch.path() / "x.csv") + " " + q(fixture("two-digests")));
  EXPECT_EQ(contradiction.exit_code, 2);
  EXPECT_NE(contradiction.err.find("digest convert: -o " + (scratch.path() / "x.csv").string() +
                                   " is a csv file but --to is json"),
            std::string::npos)
      << contradiction.err;
  EXPECT_FALSE(fs::exists(scratch.path() / "x.csv")) << "nothing is written on a usage error";
}

}  // namespace
}  // namespace digestkit

namespace digestkit {
namespace {

// `convert -o X X` opened (and emptied) X before reading it: now refused
// by device and inode, whatever the spelling (a hard link too), and X kept.
TEST(ConvertCli, OutputThatIsAnInputIsRefused) {
  ScratchDir scratch;
  const fs::path post = scratch.path() / "post.txt";
  fs::copy_file(fixture("short-marker"), post);
  const std::string before = read_file(post);
  const auto same = run_digest("convert --to text -o " + q(post) + " " + q(post));
  EXPECT_EQ(same.exit_code, 2);
  EXPECT_NE(same.err.find("is also the input"), std::string::npos) << same.err;
  EXPECT_EQ(read_file(post), before);

  const fs::path linked = scratch.path() / "linked.json";
  fs::create_hard_link(post, linked);
  const auto hard_link = run_digest("convert --to json -o " + q(linked) + " " + q(post));
  EXPECT_EQ(hard_link.exit_code, 2);
  EXPECT_EQ(read_file(post), before);
}

// -o FILE is written to a temporary file renamed over it at the end: no
// temporary is left, and the file keeps its mode.
TEST(ConvertCli, OutputFileIsReplacedWhole) {
  ScratchDir scratch;
  const fs::path out = scratch.path() / "out.jsonl";
  write_file(out, "old\n");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const auto result = run_digest("convert -o " + q(out) + " " + q(fixture("short-marker")));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(count_lines(read_file(out)), 1u);
  EXPECT_EQ(fs::status(out).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  std::vector<std::string> left;
  for (const auto& item : fs::directory_iterator(scratch.path()))
    left.push_back(item.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"out.jsonl"});
}

// With -o DIR/, a member whose output cannot be written (a name over
// NAME_MAX, a file where a folder must go) fails alone: the later members
// are still written, and the run ends with exit 2.
TEST(ConvertCli, OutputDirectoryGoesOnPastAnUnwritableMember) {
  ScratchDir scratch;
  const fs::path archive = scratch.path() / "posts.tar";
  const std::string script =
      "import io,sys,tarfile\n"
      "data=open(sys.argv[2],'rb').read()\n"
      "with tarfile.open(sys.argv[1],'w') as t:\n"
      "  for name in ['clash.txt','clash.jsonl/b.txt','x'*300+'.txt','posts/last.txt']:\n"
      "    info=tarfile.TarInfo(name); info.size=len(data); t.addfile(info,io.BytesIO(data))\n";
  write_file(scratch.path() / "make.py", script);
  ASSERT_EQ(run_command("/usr/bin/python3 " + q(scratch.path() / "make.py") + " " + q(archive) + " " +
                        q(fixture("short-marker")))
                .exit_code,
            0);
  const fs::path out = scratch.path() / "out";
  const auto result = run_digest("convert --to jsonl -o " + q(out) + "/ " + q(archive));
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("posts.tar:clash.jsonl/b.txt: error: cannot create"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("File name too long"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("digest convert: 2 of 4 inputs failed"), std::string::npos) << result.err;
  EXPECT_TRUE(fs::is_regular_file(out / "clash.jsonl"));
  EXPECT_TRUE(fs::is_regular_file(out / "posts/last.jsonl"));
}

// A symbolic link already inside -o DIR/ is not written through: a folder
// link (posts -> elsewhere) fails the members under it, a file link is
// replaced by the output itself; what they point to stays as it was.
TEST(ConvertCli, OutputDirectoryNeverWritesThroughALinkInsideIt) {
  ScratchDir scratch;
  const fs::path root = scratch.path();
  fs::create_directories(root / "posts");
  fs::create_directories(root / "notes");
  fs::copy_file(fixture("short-marker"), root / "posts/a.txt");
  fs::copy_file(fixture("short-marker"), root / "notes/b.txt");
  const fs::path elsewhere = root / "elsewhere";
  fs::create_directories(elsewhere);
  write_file(elsewhere / "keep.jsonl", "precious");
  fs::create_directories(root / "out/notes");
  fs::create_directory_symlink(elsewhere, root / "out/posts");
  fs::create_symlink(elsewhere / "keep.jsonl", root / "out/notes/b.jsonl");

  const auto result = run_command("cd " + q(root) + " && NO_COLOR=1 " + DIGEST_EXE +
                                  " convert --to jsonl -o out/ posts notes");
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("out/posts is a symbolic link: not written through"), std::string::npos)
      << result.err;
  EXPECT_EQ(read_file(elsewhere / "keep.jsonl"), "precious");
  EXPECT_FALSE(fs::exists(elsewhere / "a.jsonl"));
  EXPECT_FALSE(fs::is_symlink(root / "out/notes/b.jsonl"));
  ASSERT_TRUE(fs::is_regular_file(root / "out/notes/b.jsonl"));
  EXPECT_EQ(count_lines(read_file(root / "out/notes/b.jsonl")), 1u);
}

}  // namespace
}  // namespace digestkit
