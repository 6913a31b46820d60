// --format json-patch: RFC 6902 operations that turn the digestkit/1 JSON of
// the old file (`digest convert --to json OLD`, an array of digests) into
// that of the new one. Digests are addressed by index, as the diff pairs
// them; within a digest the entry pairing of the diff decides the
// operations: unpaired old entries are removed, paired entries off the
// longest run kept in order are moved, new entries added, and the fields of
// paired entries that differ replaced. Values are compared as exported (not
// under --ignore-* options), so the patch always rebuilds NEW exactly.
#include <algorithm>
#include <string>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "diff/match.hpp"
#include "diff/render.hpp"
#include "digestkit/json.hpp"

namespace digestkit::diff_detail {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

class PatchWriter {
 public:
  PatchWriter(Writer& writer) : w_(writer) {}

  void remove(const std::string& path) {
    begin("remove", path);
    w_.EndObject();
  }
  void add(const std::string& path, const rapidjson::Value& value) { with_value("add", path, value); }
  void replace(const std::string& path, const rapidjson::Value& value) { with_value("replace", path, value); }
  void move(const std::string& from, const std::string& path) {
    begin("move", path);
    w_.Key("from");
    w_.String(from.data(), static_cast<rapidjson::SizeType>(from.size()));
    w_.EndObject();
  }

 private:
  void begin(std::string_view op, const std::string& path) {
    w_.StartObject();
    w_.Key("op");
    w_.String(op.data(), static_cast<rapidjson::SizeType>(op.size()));
    w_.Key("path");
    w_.String(path.data(), static_cast<rapidjson::SizeType>(path.size()));
  }
  void with_value(std::string_view op, const std::string& path, const rapidjson::Value& value) {
    begin(op, path);
    w_.Key("value");
    value.Accept(w_);
    w_.EndObject();
  }
  Writer& w_;
};

rapidjson::Document digest_json(const Document& document, const ParsedFile& file) {
  thread_local JsonWriter writer;
  std::string text;
  writer.append_line(document, json_source_of(file), text);
  rapidjson::Document json;
  json.Parse(text.data(), text.size());
  return json;
}

// Members of two objects of the same shape (digest, source, footer): each
// that differs is replaced, recursing into objects present on both sides.
void patch_members(const rapidjson::Value& old_value, const rapidjson::Value& new_value,
                   const std::string& path, PatchWriter& patch, std::string_view skip = {}) {
  for (auto member = new_value.MemberBegin(); member != new_value.MemberEnd(); ++member) {
    const std::string_view name(member->name.GetString(), member->name.GetStringLength());
    if (name == skip) continue;
    const std::string member_path = path + "/" + std::string(name);
    const auto found = old_value.FindMember(member->name);
    if (found == old_value.MemberEnd()) {
      patch.add(member_path, member->value);
    } else if (found->value != member->value) {
      if (found->value.IsObject() && member->value.IsObject()) {
        patch_members(found->value, member->value, member_path, patch);
      } else {
        patch.replace(member_path, member->value);
      }
    }
  }
  for (auto member = old_value.MemberBegin(); member != old_value.MemberEnd(); ++member) {
    const std::string_view name(member->name.GetString(), member->name.GetStringLength());
    if (name != skip && !new_value.HasMember(member->name)) patch.remove(path + "/" + std::string(name));
  }
}

void patch_entries(const Document& old_document, const Document& new_document,
                   const rapidjson::Value& old_entries, const rapidjson::Value& new_entries,
                   const std::string& path, PatchWriter& patch) {
  const auto matching = match_entries(old_document.entries, new_document.entries, DiffOptions{});
  // Removed entries, last first, so that the indices of the others hold.
  for (auto it = matching.removed.rbegin(); it != matching.removed.rend(); ++it) {
    patch.remove(path + "/" + std::to_string(*it));
  }
  // What is left are the paired entries in old order; `order` holds their
  // new indices as the array now has them.
  std::vector<std::size_t> order;
  order.reserve(matching.pairs.size());
  for (const auto& pair : matching.pairs) order.push_back(pair.new_index);
  const auto moved = moved_pairs(matching.pairs);
  // settled[k]: the entry now at position k is in its place among the others
  // (on the longest run kept in order, or moved already).
  std::vector<bool> settled(matching.pairs.size());
  for (std::size_t p = 0; p < matching.pairs.size(); ++p) settled[p] = !moved[p];
  std::vector<std::size_t> moving;
  for (std::size_t p = 0; p < matching.pairs.size(); ++p) {
    if (moved[p]) moving.push_back(matching.pairs[p].new_index);
  }
  std::sort(moving.begin(), moving.end());
  for (const auto new_index : moving) {
    const auto from =
        static_cast<std::size_t>(std::find(order.begin(), order.end(), new_index) - order.begin());
    order.erase(order.begin() + static_cast<std::ptrdiff_t>(from));
    settled.erase(settled.begin() + static_cast<std::ptrdiff_t>(from));
    // Right after the settled entry that comes last before it in the new order.
    std::size_t to = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
      if (settled[k] && order[k] < new_index) to = k + 1;
    }
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(to), new_index);
    settled.insert(settled.begin() + static_cast<std::ptrdiff_t>(to), true);
    if (from != to) patch.move(path + "/" + std::to_string(from), path + "/" + std::to_string(to));
  }
  // Added entries in new order: each lands at its final index.
  for (const auto j : matching.added)
    patch.add(path + "/" + std::to_string(j), new_entries[static_cast<rapidjson::SizeType>(j)]);
  // Fields of paired entries, now at their new indices.
  std::vector<EntryPair> by_new = matching.pairs;
  std::sort(by_new.begin(), by_new.end(),
            [](const EntryPair& a, const EntryPair& b) { return a.new_index < b.new_index; });
  for (const auto& pair : by_new) {
    patch_members(old_entries[static_cast<rapidjson::SizeType>(pair.old_index)],
                  new_entries[static_cast<rapidjson::SizeType>(pair.new_index)],
                  path + "/" + std::to_string(pair.new_index), patch);
  }
}

}  // namespace

std::string render_file_json_patch(const FileDiff& file) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  PatchWriter patch(w);
  w.StartArray();
  const auto& old_documents = file.old_file.documents;
  const auto& new_documents = file.new_file.documents;
  const std::size_t common = std::min(old_documents.size(), new_documents.size());
  // Digests only in the old file go first, from the end.
  for (std::size_t k = old_documents.size(); k > common; --k) patch.remove("/" + std::to_string(k - 1));
  for (std::size_t k = 0; k < common; ++k) {
    const auto old_json = digest_json(old_documents[k], file.old_file);
    const auto new_json = digest_json(new_documents[k], file.new_file);
    const std::string path = "/" + std::to_string(k);
    patch_members(old_json, new_json, path, patch, "entries");
    patch_entries(old_documents[k], new_documents[k], old_json["entries"], new_json["entries"],
                  path + "/entries", patch);
  }
  for (std::size_t k = common; k < new_documents.size(); ++k) {
    patch.add("/" + std::to_string(k), digest_json(new_documents[k], file.new_file));
  }
  w.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace digestkit::diff_detail
