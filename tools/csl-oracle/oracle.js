#!/usr/bin/env node
// The citation-style oracle: what citeproc-js (the CSL processor Zotero uses) prints for the
// official style files, written as files paperlens's own output is compared with
// (src/formats/styles/oracle_tests.rs). No network is needed to run the comparison: the
// outputs are committed.
//
// Regenerate the inputs and the expected outputs (from the repository's root, after
// `cargo build`; `npm --prefix tools/csl-oracle ci` once if node_modules is missing):
//
//     sh tools/csl-oracle/inputs.sh && node tools/csl-oracle/oracle.js
//
// The inputs are the CSL-JSON files `tests/fixtures/csl-oracle/<corpus>/input.json`, made by
// paperlens itself (`tools/csl-oracle/inputs.sh`), so both sides format the same items: a
// change to an importer is seen by both once they are regenerated. For
// every corpus and style it writes, next to the input:
//
//   <style>.txt            the bibliography, one entry per line in the style's order, plain text
//                          (a numeric style's label, `[3]`, is left out);
//   <style>.ids.txt        the id of each of those entries, line by line;
//   <style>.citations.txt  `id<TAB>citation`: each item's in-text citation alone, formatted
//                          after every item of the corpus has been registered (so a style
//                          that tells works apart can do so).
//
// The styles and locales are read from ../shared/data/csl/ (or $PAPERLENS_CSL_DIR).

"use strict";

const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const root = path.resolve(__dirname, "..", "..");
const cslDir = process.env.PAPERLENS_CSL_DIR || path.resolve(root, "..", "shared", "data", "csl");
const fixtures = path.join(root, "tests", "fixtures", "csl-oracle");

/** The styles compared: paperlens's name for each, its file, and its locale. */
const STYLES = [
  { name: "apa", file: "apa.csl", locale: "en-US" },
  { name: "ieee", file: "ieee.csl", locale: "en-US" },
  { name: "chicago-author-date", file: "chicago-author-date.csl", locale: "en-US" },
  { name: "harvard-cite-them-right", file: "harvard-cite-them-right.csl", locale: "en-GB" },
  { name: "modern-language-association", file: "modern-language-association.csl", locale: "en-US" },
];

function readLocale(lang) {
  const wanted = path.join(cslDir, `locales-${lang}.xml`);
  if (fs.existsSync(wanted)) {
    return fs.readFileSync(wanted, "utf8");
  }
  return fs.readFileSync(path.join(cslDir, "locales-en-US.xml"), "utf8");
}

/** One line: no line breaks inside an entry, no space around it. */
function oneLine(text) {
  return text.replace(/\s+/g, " ").trim();
}

function render(styleXml, locale, items) {
  const byId = new Map(items.map((item) => [String(item.id), item]));
  const sys = {
    retrieveLocale: readLocale,
    retrieveItem: (id) => byId.get(String(id)),
  };
  const engine = new CSL.Engine(sys, styleXml, locale, true);
  engine.setOutputFormat("text");
  const ids = items.map((item) => String(item.id));
  engine.updateItems(ids);
  const citations = ids.map((id) => `${id}\t${oneLine(engine.makeCitationCluster([{ id }]))}`);
  const [params, entries] = engine.makeBibliography();
  const labels = [];
  const lines = entries.map((entry) => {
    let text = oneLine(entry);
    // A numeric style's label (`[3]`) is printed in a margin of its own, not as part of the
    // entry.
    const label = text.match(/^\[\d+\]\s*/);
    if (label) {
      labels.push(label[0].trim());
      text = text.slice(label[0].length);
    }
    return text;
  });
  return { lines, ids: params.entry_ids.map((group) => group.join(" ")), citations };
}

function main() {
  if (!fs.existsSync(cslDir)) {
    console.error(`oracle: no style files in ${cslDir}; set PAPERLENS_CSL_DIR to the folder with apa.csl …`);
    process.exit(2);
  }
  const corpora = fs
    .readdirSync(fixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const corpus of corpora) {
    const dir = path.join(fixtures, corpus);
    const input = path.join(dir, "input.json");
    if (!fs.existsSync(input)) {
      continue;
    }
    const items = JSON.parse(fs.readFileSync(input, "utf8"));
    for (const style of STYLES) {
      const xml = fs.readFileSync(path.join(cslDir, style.file), "utf8");
      const { lines, ids, citations } = render(xml, style.locale, items);
      fs.writeFileSync(path.join(dir, `${style.name}.txt`), lines.map((l) => `${l}\n`).join(""));
      fs.writeFileSync(path.join(dir, `${style.name}.ids.txt`), ids.map((l) => `${l}\n`).join(""));
      fs.writeFileSync(
        path.join(dir, `${style.name}.citations.txt`),
        citations.map((l) => `${l}\n`).join(""),
      );
    }
    console.log(`${corpus}: ${items.length} items, ${STYLES.length} styles`);
  }
}

main();
