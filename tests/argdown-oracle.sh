#!/bin/sh
# Refreshes tests/fixtures/argdown/real/counts.json: the statement, argument
# and relation counts that the official Argdown CLI (@argdown/cli, from the
# npm registry) finds in each real Argdown document there. The cargo test
# `argdown::real_documents_match_the_argdown_counts` compares argmap's
# import against this file, so it runs without npm.
#
# Needs node and npm; installs the CLI into target/argdown (nothing else is
# downloaded: only the npm registry is used).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
real="$root/tests/fixtures/argdown/real"
tool="$root/target/argdown"
version=1.7.5

if [ ! -x "$tool/node_modules/.bin/argdown" ]; then
    mkdir -p "$tool"
    npm install --prefix "$tool" --no-audit --no-fund --silent "@argdown/cli@$version"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT INT TERM

(cd "$real" && "$tool/node_modules/.bin/argdown" json --silent '*.argdown' "$out")

node - "$out" "$version" > "$real/counts.json" <<'JS'
const fs = require("fs");
const path = require("path");
const [dir, version] = process.argv.slice(2);
const result = { tool: `@argdown/cli ${version}`, documents: {} };
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const data = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  const relations = {};
  for (const r of data.relations || []) {
    relations[r.relationType] = (relations[r.relationType] || 0) + 1;
  }
  const sorted = {};
  for (const k of Object.keys(relations).sort()) sorted[k] = relations[k];
  const statements = Object.values(data.statements || {});
  result.documents[file.replace(/\.json$/, ".argdown")] = {
    statements: statements.length,
    untitled_statements: statements.filter((s) => /^Untitled \d+$/.test(s.title)).length,
    arguments: Object.keys(data.arguments || {}).length,
    reconstructed_arguments: Object.values(data.arguments || {}).filter((a) => (a.pcs || []).length > 0).length,
    relations: sorted,
  };
}
process.stdout.write(JSON.stringify(result, null, 2) + "\n");
JS

echo "wrote $real/counts.json"
