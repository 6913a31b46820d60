// The rule catalogue: every code the linter (and the parser, DG101..DG119)
// can report, with the text of its page in docs/rules.md. `--list-rules`,
// `--explain`, SARIF rule metadata and docs/rules.md are all printed from
// this one table. Invisible characters in examples are written <U+XXXX>.
#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>

#include "digestkit/lint.hpp"

namespace digestkit::lint {
namespace {

constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;
constexpr Severity I = Severity::Info;
constexpr bool FMT = true;
constexpr bool MANUAL = false;

constexpr std::array kRules = std::to_array<Rule>({
    // ---- DG1xx: structure (parse errors from the grammar, then layout deviations)
    {"DG100", "not-a-digest", E, MANUAL, "The file is not a digest post at all.",
     "The file is plainly something else: compressed data (gzip, bzip2, xz, zstd), an archive, a PDF "
     "document, an image, JSON, an HTML page, or binary data. It is named as what it is instead of being "
     "parsed; no other rule runs on it.",
     "Parse errors about a missing date line tell nothing when the file was never a post; a page saved "
     "from the blog, a compressed copy or an export in another format needs another tool.",
     "<!DOCTYPE html>\n<html><head><title>Digest</title></head>\n",
     "Use `digest extract` on a saved web page, decompress a compressed file (or name it `.gz`, `.tgz`), "
     "convert JSON back with `digest convert --from json`, or move the file out of the posts."},
    {"DG101", "empty-file", E, MANUAL, "The file is empty or holds only blank lines.",
     "A file with no category line: zero bytes, or nothing but blank lines.",
     "An empty post usually means the scraper saved nothing; every later stage has nothing to read.", "",
     "Re-scrape the post, or delete the file."},
    {"DG102", "missing-date-line", E, MANUAL, "The update date line does not follow the category line.",
     "After the category line and its blank lines comes neither a `YYYY-MM-DD 更新` line nor an entry.",
     "The date is the digest's identity together with its category; without a readable head the rest "
     "cannot be placed.",
     "无监督/半监督/对比学习\n\n\nupdated today\n", "Write the date line as `YYYY-MM-DD 更新`."},
    {"DG103", "missing-authors-line", E, MANUAL, "A title is not followed by an \"Authors:\" line.",
     "The line after a title (and its blank line) is not an Authors line, and the entry cannot be read "
     "without guessing.",
     "Every entry has exactly one title line followed by one Authors line.",
     "A Title Without Authors\n\nThe abstract starts here.\nPDF\n",
     "Add the `Authors:` line after the title."},
    {"DG104", "wrapped-title", E, MANUAL, "A title is wrapped onto a second line.",
     "Two text lines stand between an entry's start and its Authors line: the title was wrapped.",
     "A title is one line; a wrapped one cannot be told from a title followed by a stray line.",
     "A Very Long Title That Was\nWrapped By An Editor\n\nAuthors:Ann Lee\n",
     "Join the title back onto one line."},
    {"DG105", "missing-abstract", E, MANUAL, "An entry has no abstract line.",
     "The Authors line is followed by the PDF line, or by something that is not an abstract.",
     "The abstract is a required field of every entry.", "Some Title\n\nAuthors:Ann Lee\n\nPDF 8 pages\n",
     "Add the abstract line between the Authors line and the PDF line."},
    {"DG106", "wrapped-abstract", E, MANUAL, "An abstract is wrapped onto several lines.",
     "More than one text line stands between the Authors line and the PDF line.",
     "The abstract is one line; where a wrapped one ends cannot be known for sure.",
     "Authors:Ann Lee\n\nFirst half of the abstract\nsecond half of the abstract.\nPDF\n",
     "Join the abstract onto one line, directly above the PDF line."},
    {"DG107", "missing-pdf-line", E, MANUAL, "An entry has no \"PDF\" line.",
     "The abstract is not followed by `PDF` or `PDF <comments>`.",
     "The PDF line carries arXiv's comments field and ends the entry's text.",
     "Authors:Ann Lee\n\nThe abstract.\n\n论文截图\n",
     "Add `PDF` (and the comments, if any) after the abstract."},
    {"DG108", "unknown-marker", E, MANUAL, "The screenshot marker line is neither spelling.",
     "After the PDF line comes a line that is not `论文截图` or `点此查看论文截图`.",
     "The marker closes an entry; an unknown line there leaves the entry's end unclear.",
     "PDF 10 pages\n\n查看截图\n", "Write the marker as `论文截图` or `点此查看论文截图`."},
    {"DG109", "truncated-entry", E, MANUAL, "The file ends in the middle of an entry.",
     "The file stops after a title, Authors line or abstract: it was cut off.",
     "A cut-off file has lost text; nothing downstream can restore it.", "Some Title\n\nAuthors:Ann Lee\n",
     "Re-scrape the post or restore the missing end of the file."},
    {"DG110", "missing-licence-line", E, MANUAL, "The footer author is not followed by the licence line.",
     "A `文章作者: NAME` line is not directly followed by `版权声明: …`.",
     "The footer is the two lines of the blog theme; a half footer is a damaged file.",
     "文章作者: Harvey\n  目录", "Add the `版权声明: …` line after the author line."},
    {"DG111", "unexpected-text", E, MANUAL,
     "Text where an entry, the footer or the end of the file was expected.",
     "A line after an entry or after the footer that starts nothing the format knows.",
     "Stray text is either a damaged entry or foreign content; either way it would be lost silently.",
     "论文截图\n\nstray line\n", "Remove the stray text or repair the entry it belongs to."},
    {"DG112", "nul-byte", E, MANUAL, "A NUL byte in the text.",
     "A byte 0x00 inside the file. Text files never hold one.",
     "NUL bytes come from binary corruption or a wrong encoding and cut strings short in many tools.",
     "Some<U+0000>Title\n", "Delete the NUL bytes; check that the file is not in UTF-16."},
    {"DG113", "missing-title", E, MANUAL, "An entry has no title.",
     "An `Authors:` line appears where an entry's title line was expected.",
     "The title is the key of an entry; without it the entry cannot be matched or shown.",
     "论文截图\n\nAuthors:Ann Lee\n", "Add the title line above the Authors line."},
    {"DG114", "invalid-utf8", E, MANUAL, "The file is not valid UTF-8 and no legacy encoding fits.",
     "A byte sequence that is not UTF-8 in a file that could not be read as a legacy charset either.",
     "Invalid bytes would turn into replacement characters: text would be lost.",
     "Caf<0xE9> in a UTF-8 file\n", "Re-save the file as UTF-8 from its real encoding."},
    {"DG120", "blank-lines", W, FMT, "The number of blank lines between two parts differs from the layout.",
     "A gap of blank lines that is longer or shorter than in the canonical layout: two after the category "
     "line, none between the abstract and the PDF line, one between the other parts; no line ending after "
     "the last line of the file, and no blank line between two digests of one file.",
     "Extra or missing blank lines are harmless to read but make files differ for no reason.",
     "Some Title\nAuthors:Ann Lee\n", "Run `digest fmt`, or add/remove the blank lines."},
    {"DG121", "missing-marker", W, MANUAL, "An entry has no screenshot marker line.",
     "After the PDF line comes the next entry, the footer or the end of the file instead of `论文截图`.",
     "The marker is part of every entry in the scraped layout; a missing one shows a damaged scrape.",
     "PDF 10 pages\n\nNext Title\n", "Add `论文截图` (or the long spelling) after the PDF line."},
    {"DG122", "missing-date", E, MANUAL, "A digest has no update date line.",
     "The category line is followed directly by an entry: the `YYYY-MM-DD 更新` line is missing.",
     "A digest is identified by its category and date; without a date it cannot be placed in an archive.",
     "无监督/对比学习\n\n\nSome Title\n\nAuthors:Ann Lee\n", "Add the date line `YYYY-MM-DD 更新`."},
    {"DG123", "toc-label-indent", W, FMT,
     "The footer's \"目录\" line is not indented by two no-break spaces.",
     "The last line of a digest is the theme's `目录` (table of contents) button, indented by two U+00A0; "
     "this one is indented otherwise (usually with plain spaces).",
     "Files that differ from the canonical layout only in this indent still differ byte for byte.", "  目录",
     "Run `digest fmt`."},
    {"DG124", "empty-digest", I, MANUAL, "A digest has a date but no entries.",
     "A digest whose head (category, date) is followed directly by the footer or the end of the file.",
     "Real posts occasionally list nothing on a day; it is worth knowing but not wrong.",
     "无监督/对比学习\n\n\n2022-02-19 更新\n\n文章作者: Harvey\n",
     "Nothing to fix if the day had no papers."},

    {"DG125", "missing-toc-label", W, MANUAL, "The footer has no \"  目录\" line.",
     "The licence line is the digest's last line: the theme's `目录` button label after it is missing.",
     "Every post of the blog ends with the label; a missing one suggests the scrape was cut short.",
     "版权声明: 本博客所有文章除特別声明外,均采用 CC BY 4.0 许可协议。转载请注明来源 Harvey !\n",
     "Add the line: two no-break spaces (U+00A0), then `目录`, if the post had it; `digest fmt` keeps a "
     "missing label missing."},

    // ---- DG2xx: encoding and characters
    {"DG201", "crlf-line-endings", W, FMT, "The file uses CRLF line endings.",
     "Every line ends in CR LF (Windows) instead of LF.",
     "The layout is LF; CRLF files diff badly against LF ones and leave stray CRs in some tools.",
     "Some Title<CR><LF>\n", "Run `digest fmt`, or convert with `dos2unix`."},
    {"DG202", "mixed-line-endings", W, FMT, "The file mixes LF, CRLF or lone-CR line endings.",
     "Lines end in more than one way; lone CRs (classic Mac) count as line endings too.",
     "Mixed endings usually come from pasting between editors; tools disagree on where lines end.",
     "Some Title<CR><LF>\n\nAuthors:Ann Lee\n", "Run `digest fmt`."},
    {"DG203", "byte-order-mark", W, FMT, "The file starts with a byte order mark.",
     "The file begins with U+FEFF (EF BB BF in UTF-8).",
     "A BOM is invisible and breaks tools that compare the first line, such as the category line.",
     "<U+FEFF>无监督/对比学习\n", "Run `digest fmt`, or re-save without BOM."},
    {"DG204", "trailing-whitespace", W, FMT, "A line ends in spaces or tabs.",
     "Blanks before the end of a line (including lines holding only blanks).",
     "Invisible trailing blanks make equal lines compare different.", "Some Title   \n", "Run `digest fmt`."},
    {"DG205", "tab", W, FMT, "A tab character in the text.", "A U+0009 anywhere in the file.",
     "The layout uses single spaces; tabs show at different widths.", "Some<TAB>Title\n",
     "Run `digest fmt` (tabs become spaces)."},
    {"DG206", "unusual-space", W, FMT, "A no-break space or another non-ASCII space in text.",
     "U+00A0 and the other space separators (U+2000–U+200A, U+202F, U+205F, U+3000, U+1680) outside the "
     "footer's `目录` indent.",
     "They look like spaces but do not compare, search or wrap like them.",
     "Self-Supervised<U+00A0>Learning\n", "Run `digest fmt` (they become plain spaces)."},
    {"DG207", "invisible-character", W, FMT, "A zero-width or invisible formatting character in text.",
     "U+200B ZERO WIDTH SPACE, U+200C/U+200D joiners, U+2060 WORD JOINER, the invisible math operators "
     "U+2061–U+2064, U+FEFF inside text, U+00AD SOFT HYPHEN and the bidi marks U+200E, U+200F, U+061C.",
     "Invisible characters split words that look whole: searches and duplicate checks miss them.",
     "Self<U+200B>Supervised Learning\n", "Run `digest fmt` (they are removed)."},
    {"DG208", "not-nfc", W, FMT, "Text is not in Unicode Normalization Form C.",
     "A character sequence that NFC would change, typically a decomposed accent (e + U+0301).",
     "Decomposed and composed text look the same but compare different.", "Jos<e><U+0301> Ruiz\n",
     "Run `digest fmt` (text is normalised to NFC)."},
    {"DG209", "bidi-control", E, MANUAL, "A Unicode bidirectional control character.",
     "U+202A–U+202E (embeddings and overrides) or U+2066–U+2069 (isolates).",
     "Bidi controls reorder how text is displayed and can hide or disguise text (\"Trojan Source\").",
     "Safe Title<U+202E>txt.exe\n", "Delete the character; find out where it came from."},
    {"DG210", "mixed-script", W, MANUAL, "A word in a title or name mixes scripts (homoglyphs).",
     "A word that mixes letters of scripts that are not normally written together, such as a Cyrillic а "
     "inside a Latin word (ICU spoof checker, highly restrictive level).",
     "Homoglyphs make a title look like another one while comparing different; they are a spoofing trick "
     "and a sign of broken text.",
     "L<U+0430>tent Diffusion\n", "Retype the word in one script."},
    {"DG211", "confusable-word", W, MANUAL, "A word in another script that looks like a Latin word.",
     "In a title or name written in Latin, a whole word in another script whose ICU skeleton is plain "
     "Latin, such as Cyrillic `Тор` for `Top`.",
     "The word looks Latin but is not: searches and matching fail, and it may be a spoof.",
     "Learning the <Cyrillic Т><Cyrillic о><Cyrillic р> Layer\n", "Retype the word in Latin letters."},
    {"DG212", "mojibake", W, MANUAL, "Text looks like UTF-8 decoded as Windows-1252 (mojibake).",
     "A run such as `Ã©` whose characters, written in Windows-1252, form valid multi-byte UTF-8 (`é`).",
     "Double-encoded text is garbled for every reader and breaks matching.", "Authors:JosÃ© Ruiz\n",
     "Replace the run with the character it stands for (the message names it)."},
    {"DG213", "legacy-encoding", W, FMT, "The file is not UTF-8; it was read in a legacy encoding.",
     "ICU charset detection found the file in a legacy charset (GB18030, Big5, …) and it was transcoded.",
     "Detection is a guess, and tools that assume UTF-8 will garble the file.",
     "(the bytes of a GB18030 file)", "Run `digest fmt` (it writes UTF-8), and check the result."},
    {"DG214", "control-character", W, MANUAL, "A control character in text.",
     "A C0 control other than tab and line endings, DEL, or a C1 control (U+0080–U+009F).",
     "Control characters are invisible and usually left over from a broken encoding.", "Some<U+0007>Title\n",
     "Delete the character."},
    {"DG215", "replacement-character", W, MANUAL, "A U+FFFD replacement character in text.",
     "U+FFFD, the mark a decoder leaves where it could not read a byte.",
     "The original character was lost before this file was written.", "Jos<U+FFFD> Ruiz\n",
     "Restore the original character from the source post."},
    {"DG216", "leading-whitespace", W, FMT, "A line starts with spaces or tabs.",
     "Blanks at the start of a line, other than the footer's `目录` indent.",
     "Fields start at the beginning of their line; leading blanks are invisible noise.", "   Some Title\n",
     "Run `digest fmt`."},

    // ---- DG3xx: content
    {"DG301", "impossible-date", E, MANUAL, "The update date is not a real calendar date.",
     "A date such as 2022-02-30 or 2022-13-01.",
     "An impossible date cannot be sorted or matched and points at a typing or scraping error.",
     "2022-02-30 更新\n", "Correct the date."},
    {"DG302", "date-format", W, FMT, "The update date is not written as YYYY-MM-DD.",
     "A date written with slashes (`2022/02/19`), without leading zeros (`2022-2-9`), or with extra blanks "
     "around `更新`.",
     "One spelling keeps dates sortable and greppable.", "2022/02/19 更新\n", "Run `digest fmt`."},
    {"DG303", "future-date", W, MANUAL, "The update date is in the future.",
     "A date after today (or after `--today YYYY-MM-DD`).",
     "A digest cannot be updated in the future: the date is wrong or the clock was.", "2999-01-01 更新\n",
     "Correct the date."},
    {"DG304", "authors-label", W, FMT, "The Authors label is not spelled \"Authors:\".",
     "`Authors :`, `Author:` or `作者:` instead of `Authors:`, or blanks between the label and the first "
     "name.",
     "One spelling keeps the files uniform for every other tool.", "Author:Ann Lee, Bo Chen\n",
     "Run `digest fmt`."},
    {"DG305", "empty-author-list", E, MANUAL, "An entry's Authors line names nobody.",
     "`Authors:` followed by nothing (or only commas and blanks).",
     "Every arXiv paper has authors; an empty list means the scrape lost them.", "Authors:\n",
     "Fill in the authors from the paper's arXiv page."},
    {"DG306", "empty-author-name", W, FMT, "An author list has an empty name.",
     "Two commas in a row or a trailing comma in the Authors line.",
     "The empty name becomes a phantom author in the JSON export.", "Authors:Ann Lee, , Bo Chen\n",
     "Run `digest fmt` (empty names are dropped), or remove the extra comma."},
    {"DG307", "duplicate-author", W, MANUAL, "The same author appears twice in one entry.",
     "Two names in one Authors line with the same key (case-folded, NFKC, blanks collapsed).",
     "A repeated name is almost always a scraping or editing slip.", "Authors:Ann Lee, Bo Chen, Ann Lee\n",
     "Remove the repeated name."},
    {"DG308", "duplicate-entry", I, MANUAL, "The same entry is listed twice in one digest.",
     "Two entries of one digest with the same title key (ICU case fold, NFKC, blanks collapsed) and the same "
     "authors, abstract and comments: a verbatim repeat.",
     "The blog itself sometimes lists a paper twice on one day; the repeat carries no new information but "
     "inflates counts. Entries that share a title but differ are DG317.",
     "Some Title\n…\nsome   title\n", "Delete the second copy if the digest is yours to edit."},
    {"DG309", "unbalanced-title", W, MANUAL, "A title has unbalanced brackets or `$` math delimiters.",
     "An opening (, [ or { without its closing partner (or the reverse), or an unpaired `$` that is not a "
     "currency sign such as `$100`.",
     "Unbalanced delimiters usually mean the title was cut or mangled; unpaired `$` breaks TeX rendering.",
     "Learning (Robust Features for $\\alpha-Nets\n", "Restore the missing delimiter."},
    {"DG310", "title-space-run", I, MANUAL, "A title holds a run of several spaces.",
     "Two or more spaces in a row inside a title, as left by arXiv's line wrapping.",
     "The run is part of the title as arXiv published it, so `digest fmt` keeps it; it is worth knowing "
     "when titles are compared or searched as plain strings.",
     "Detailed Surface   Reconstruction\n",
     "Nothing to fix. To single-space every field, opt in: `collapse-spaces = true` in `[fmt]` of "
     "digest.toml."},
    {"DG311", "missing-footer", W, MANUAL, "A digest has no footer.",
     "The digest ends without the `文章作者:` and `版权声明:` lines.",
     "The footer names the author and the licence under which the digest may be copied.",
     "论文截图\n<end of file>", "Add the footer lines of the blog theme."},
    {"DG312", "footer-author-mismatch", W, MANUAL,
     "The footer author differs from the name in the licence line.",
     "`文章作者: A` while the licence line ends `转载请注明来源 B !`.",
     "The two names come from one setting of the blog; a difference means an edit went half-way.",
     "文章作者: Harvey\n版权声明: 本博客所有文章除特別声明外,均采用 CC BY 4.0 许可协议。转载请注明来源 Harry "
     "!\n",
     "Make the two names the same."},
    {"DG313", "unknown-licence", W, MANUAL, "The licence line names no known licence or breaks the template.",
     "The licence in the footer is not a Creative Commons licence (CC BY, BY-SA, BY-NC, BY-NC-SA, BY-ND, "
     "BY-NC-ND in versions 1.0–4.0, or CC0 1.0), or the line does not follow the theme's template.",
     "The licence says how the digest may be reused; an unknown one cannot be honoured.",
     "版权声明: 本博客所有文章除特別声明外,均采用 CC BY 5.1 许可协议。转载请注明来源 Harvey !\n",
     "Write the licence as published, e.g. `CC BY 4.0`."},
    {"DG314", "empty-category-tag", W, MANUAL, "The category line has an empty tag.",
     "Two slashes in a row, or a slash at the start or end of the category line.",
     "Tags are split on `/`; an empty one becomes a phantom tag.", "无监督//对比学习\n",
     "Remove the extra slash."},
    {"DG316", "author-spacing", I, MANUAL, "Author names are separated or spaced unusually.",
     "A separator other than \", \" between names, or a run of spaces inside a name.",
     "Common in real posts, where arXiv's line wrapping leaves runs of spaces in the Authors line; "
     "`digest fmt` keeps the line's spacing as published, and the names read the same either way.",
     "Authors:Ann Lee,Bo  Chen\n",
     "Nothing to fix. To print every separator as \", \" and single-space the names, opt in: "
     "`collapse-spaces = true` in `[fmt]` of digest.toml."},

    {"DG317", "conflicting-duplicate-entry", W, MANUAL,
     "Two entries of one digest share a title but differ in authors, abstract or comments.",
     "Two entries of one digest with the same title key whose author lists, abstracts or PDF comments "
     "differ.",
     "One of the two copies is stale or damaged, and tools that match entries by title cannot tell which "
     "one is meant.",
     "Some Title\n\nAuthors:Ann Lee\n…\nSome Title\n\nAuthors:Ann Lee, Bo Chen\n",
     "Keep the copy that matches the paper's arXiv page and delete the other."},

    // ---- DG4xx: archive-wide
    {"DG401", "conflicting-paper", I, MANUAL,
     "The same paper appears in two digests with different authors or abstract.",
     "Across all inputs, copies of a paper (entries with the same title key) in different digests whose "
     "author lists or abstracts differ. Reported once per paper, on the copy whose file sorts last, naming "
     "the authors added and removed against the first copy of another version; every other version is a "
     "related location. Info by default: an arXiv revision (a v2 that adds or drops an author) is the usual "
     "cause, and a real archive has many.",
     "The same paper should be described the same way; a difference is an arXiv revision or a scraping "
     "error, worth a look when an archive is meant to hold one version of each paper.",
     "a.txt: Some Title / Authors:Ann Lee\nb.txt: Some Title / Authors:Ann Lee, Bo Chen\n",
     "Check the paper's arXiv page and correct the stale copy, or raise the rule to a warning "
     "(`--severity DG401=warning`) to hold an archive to one version of each paper."},
    {"DG402", "duplicate-digest", I, MANUAL, "Two files hold a digest of the same category and date.",
     "Across all inputs, digests in different files whose category line and update date are the same. "
     "Reported once per category and day, on the copy whose file sorts last, saying whether the copies "
     "hold the same papers (a re-scrape) or other ones; the other copies are related locations. Info by "
     "default: scrapers save the same post more than once.",
     "Each category is posted once a day; two digests for one day are a re-scrape, a duplicate or a "
     "misdated file.",
     "a.txt: 无监督/对比学习 2022-02-19\nb.txt: 无监督/对比学习 2022-02-19\n",
     "Remove the duplicate or correct the date; `--severity DG402=warning` to fail on them."},
});

constexpr bool codes_sorted() {
  for (std::size_t i = 1; i < kRules.size(); ++i) {
    if (!(kRules[i - 1].code < kRules[i].code)) return false;
  }
  return true;
}
static_assert(codes_sorted(), "the catalogue must be ordered by code, without repeats");

// RuleId (digestkit/rule_id.hpp) checks codes at compile time against
// kRuleCodes: it must name the catalogue's codes, in its order.
constexpr bool rule_codes_match() {
  if (kRuleCodes.size() != kRules.size()) return false;
  for (std::size_t i = 0; i < kRules.size(); ++i) {
    if (kRuleCodes[i] != kRules[i].code) return false;
  }
  return true;
}
static_assert(rule_codes_match(),
              "kRuleCodes in digestkit/rule_id.hpp must list the catalogue's codes in order");

// "DGnnn" -> its number, or -1. Rules are looked up by code for every
// finding and every Reporter::on() check, so the lookup must not search.
constexpr int code_number(std::string_view code) {
  if (code.size() != 5 || code[0] != 'D' || code[1] != 'G') return -1;
  int number = 0;
  for (const char digit : code.substr(2)) {
    if (digit < '0' || digit > '9') return -1;
    number = number * 10 + (digit - '0');
  }
  return number;
}

// Catalogue index by code number; -1 where no rule has that number.
constexpr auto kIndexByNumber = [] {
  std::array<std::int16_t, 1000> index{};
  index.fill(-1);
  for (std::size_t i = 0; i < kRules.size(); ++i)
    index[code_number(kRules[i].code)] = static_cast<std::int16_t>(i);
  return index;
}();

}  // namespace

std::span<const Rule> rules() { return kRules; }

const Rule* find_rule(std::string_view code_or_name) {
  if (const int number = code_number(code_or_name); number >= 0) {
    const int index = kIndexByNumber[static_cast<std::size_t>(number)];
    return index >= 0 ? &kRules[static_cast<std::size_t>(index)] : nullptr;
  }
  for (const Rule& rule : kRules) {
    if (rule.name == code_or_name) return &rule;
  }
  return nullptr;
}

std::size_t rule_index(const Rule& rule) { return static_cast<std::size_t>(&rule - kRules.data()); }

std::optional<Severity> parse_severity(std::string_view text, bool allow_off) {
  if (text == "error") return Severity::Error;
  if (text == "warning") return Severity::Warning;
  if (text == "info") return Severity::Info;
  if (allow_off && text == "off") return std::nullopt;
  throw std::invalid_argument("unknown severity \"" + std::string(text) +
                              "\" (expected error, warning, info" + (allow_off ? ", off)" : ")"));
}

}  // namespace digestkit::lint
