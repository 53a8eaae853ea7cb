// Checks the labels of the search evaluation files against the articles as the backend
// parses them: every article id must exist, and every section id must be a heading id
// of that article (the slug the reader links to). Exits 1 and lists every problem otherwise.
//
//   node scripts/check-eval-labels.mjs                 # every scripts/eval-search.*.json
//   node scripts/check-eval-labels.mjs path/to/x.json  # only the files given
//
// Three shapes are understood:
//   section-level: [{ q, split, answers: { "<article-id>": ["<section-id>", ...] } }]
//   article-level: [{ q, relevant: ["<article-id>", ...] }]
//   judgments (eval-search.judgments.json): [{ q, article, section, answers: true|false }], each
//   about a question of a section-level file and a section its label does not already name.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLES = join(
  ROOT,
  'plugins/guidance-backend-module-builtin-articles/articles',
);

// The backend's own parser, so the ids are exactly the ones the reader and search use.
const require = createRequire(import.meta.url);
require('sucrase/register/ts');
const { parseArticle } = require(join(
  ROOT,
  'plugins/guidance-backend/src/service/parseArticle.ts',
));

/** article id -> Set of its section ids */
function loadSectionIds() {
  const byArticle = new Map();
  for (const file of readdirSync(ARTICLES)
    .filter(f => f.endsWith('.md'))
    .sort()) {
    const article = parseArticle({
      content: readFileSync(join(ARTICLES, file), 'utf8'),
      fallbackId: file.replace(/\.md$/, ''),
      origin: file,
    });
    const ids = new Set(
      article.sections.filter(s => s.id !== undefined).map(s => s.id),
    );
    byArticle.set(article.summary.id, ids);
  }
  return byArticle;
}

function checkFile(path, sections, problems, seenQuestions) {
  const name = basename(path);
  let entries;
  try {
    entries = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    problems.push(`${name}: cannot read as JSON: ${e.message}`);
    return { name, questions: 0, labels: 0 };
  }
  if (!Array.isArray(entries) || entries.length === 0) {
    problems.push(`${name}: expected a non-empty JSON array`);
    return { name, questions: 0, labels: 0 };
  }
  let labels = 0;
  entries.forEach((entry, i) => {
    const where = `${name}[${i}]`;
    const q = entry?.q;
    if (typeof q !== 'string' || q.trim() === '') {
      problems.push(`${where}: missing question text "q"`);
      return;
    }
    const label = `${where} "${q}"`;
    const key = q.trim().toLowerCase();
    const earlier = seenQuestions.get(key);
    if (earlier) problems.push(`${label}: same question as ${earlier}`);
    else seenQuestions.set(key, where);

    if (entry.answers !== undefined) {
      if (typeof entry.split !== 'string' || entry.split === '') {
        problems.push(`${label}: missing "split"`);
      }
      const answers = entry.answers;
      if (
        !answers ||
        typeof answers !== 'object' ||
        Array.isArray(answers) ||
        Object.keys(answers).length === 0
      ) {
        problems.push(
          `${label}: "answers" must map article ids to section ids`,
        );
        return;
      }
      for (const [articleId, sectionIds] of Object.entries(answers)) {
        const known = sections.get(articleId);
        if (!known) {
          problems.push(`${label}: unknown article "${articleId}"`);
          continue;
        }
        if (!Array.isArray(sectionIds) || sectionIds.length === 0) {
          problems.push(`${label}: no section ids listed for "${articleId}"`);
          continue;
        }
        for (const sectionId of sectionIds) {
          labels++;
          if (!known.has(sectionId)) {
            problems.push(
              `${label}: "${articleId}" has no section "${sectionId}"`,
            );
          }
        }
        if (new Set(sectionIds).size !== sectionIds.length) {
          problems.push(
            `${label}: a section id is listed twice for "${articleId}"`,
          );
        }
      }
    } else if (entry.relevant !== undefined) {
      if (!Array.isArray(entry.relevant) || entry.relevant.length === 0) {
        problems.push(
          `${label}: "relevant" must be a non-empty list of article ids`,
        );
        return;
      }
      for (const articleId of entry.relevant) {
        labels++;
        if (!sections.has(articleId))
          problems.push(`${label}: unknown article "${articleId}"`);
      }
    } else {
      problems.push(`${label}: neither "answers" nor "relevant"`);
    }
  });
  return { name, questions: entries.length, labels };
}

const files = process.argv.slice(2).length
  ? process.argv.slice(2).map(f => resolve(f))
  : readdirSync(join(ROOT, 'scripts'))
      .filter(f => /^eval-search\..+\.json$/.test(f))
      .sort()
      .map(f => join(ROOT, 'scripts', f));

function checkJudgments(path, sections, problems, labelled) {
  const name = basename(path);
  const entries = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(entries)) {
    problems.push(`${name}: expected a JSON array`);
    return { name, questions: 0, labels: 0 };
  }
  const seen = new Set();
  entries.forEach((j, i) => {
    const where = `${name}[${i}] "${j?.q}"`;
    if (!labelled.has(j?.q)) {
      problems.push(`${where}: not a question of any section-level file`);
      return;
    }
    if (typeof j.answers !== 'boolean')
      problems.push(`${where}: "answers" must be true or false`);
    if (!sections.get(j.article)?.has(j.section)) {
      problems.push(`${where}: no section "${j.article}#${j.section}"`);
    }
    const key = `${j.q}\n${j.article}#${j.section}`;
    if (seen.has(key))
      problems.push(`${where}: ${j.article}#${j.section} judged twice`);
    seen.add(key);
    if (labelled.get(j.q)[j.article]?.includes(j.section)) {
      problems.push(
        `${where}: ${j.article}#${j.section} is already in its label`,
      );
    }
  });
  return {
    name,
    questions: new Set(entries.map(j => j.q)).size,
    labels: entries.length,
  };
}

const sections = loadSectionIds();
const problems = [];
const seenQuestions = new Map();
const isJudgments = f => basename(f) === 'eval-search.judgments.json';
const results = files
  .filter(f => !isJudgments(f))
  .map(f => checkFile(f, sections, problems, seenQuestions));
const judgmentFiles = files.filter(isJudgments);
if (judgmentFiles.length) {
  // Every section-level question with its label, for the judgments to refer to.
  const labelled = new Map();
  for (const f of readdirSync(join(ROOT, 'scripts')).filter(
    n => /^eval-search\..+\.json$/.test(n) && !isJudgments(n),
  )) {
    for (const e of JSON.parse(
      readFileSync(join(ROOT, 'scripts', f), 'utf8'),
    )) {
      if (e.answers) labelled.set(e.q, e.answers);
    }
  }
  for (const f of judgmentFiles)
    results.push(checkJudgments(f, sections, problems, labelled));
}

for (const r of results) {
  console.log(`${r.name}: ${r.questions} questions, ${r.labels} labels`);
}
console.log(
  `against ${sections.size} articles, ${[...sections.values()].reduce(
    (n, s) => n + s.size,
    0,
  )} section ids`,
);
if (problems.length) {
  console.error(`\n${problems.length} label problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('all labels refer to existing articles and sections');
