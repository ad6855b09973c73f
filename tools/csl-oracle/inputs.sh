#!/bin/sh
# Writes the oracle's CSL-JSON inputs, tests/fixtures/csl-oracle/<corpus>/input.json, with
# paperlens itself, so that paperlens and citeproc-js format the very same items:
#   builtin             the built-in paper's references;
#   biblatex-examples   ../shared/data/bibliographies/biblatex-examples.bib, read by paperlens's
#                       BibTeX import;
#   jats-<paper>        the references of each JATS paper in ../shared/data/papers/jats/, read by
#                       `paperlens import`.
# Run from the repository's root after `cargo build`:
#     sh tools/csl-oracle/inputs.sh && node tools/csl-oracle/oracle.js
# PAPERLENS (the binary) and SHARED (the shared data folder) may be set in the environment.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
paperlens=${PAPERLENS:-${CARGO_TARGET_DIR:-$root/target}/debug/paperlens}
shared=${SHARED:-$root/../shared/data}
out=$root/tests/fixtures/csl-oracle
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# references CORPUS.json DIR: the corpus's `references` as a CSL-JSON array in DIR/input.json.
references() {
    mkdir -p "$2"
    node -e '
        const fs = require("fs");
        const corpus = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
        fs.writeFileSync(process.argv[2], JSON.stringify(corpus.references || [], null, 1) + "\n");
    ' "$1" "$2/input.json"
}

"$paperlens" export corpus --out "$tmp/builtin.json" >/dev/null
references "$tmp/builtin.json" "$out/builtin"

bib=$shared/bibliographies/biblatex-examples.bib
if [ -f "$bib" ]; then
    "$paperlens" export corpus --out "$tmp/bib.json" "$bib" >/dev/null 2>&1
    references "$tmp/bib.json" "$out/biblatex-examples"
else
    echo "inputs: $bib is absent; biblatex-examples left as it is" >&2
fi

for paper in "$shared"/papers/jats/*.xml "$shared"/papers/jats/*.nxml; do
    [ -f "$paper" ] || continue
    name=$(basename "$paper"); name=${name%.*}
    if "$paperlens" import "$paper" --out "$tmp/$name.json" >/dev/null 2>&1; then
        references "$tmp/$name.json" "$out/jats-$name"
    else
        echo "inputs: paperlens could not import $paper; left out" >&2
    fi
done
