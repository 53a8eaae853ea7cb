/**
 * Ranking weights. A section is scored with BM25F over its own text, its heading, the heading
 * above it (an H3's H2) and the article's title and tags: a term found in the heading counts as
 * if it appeared `heading` times in the text, and so on. An article ranks by its best section.
 */
export const WEIGHTS = {
  k1: 2,
  b: 0.7,
  heading: 2.5,
  parentHeading: 2.5,
  title: 1.5,
  /** The author's search keywords for a section (`<!-- search: … -->`). */
  keywords: 3,
  tags: 1,
  /** Synonyms, completions and corrections weigh less than the word as typed. */
  synonym: 0.6,
  prefix: 0.7,
  /** …and this much when the last word is already a whole word of the library ("service"). */
  prefixOfWord: 0.35,
  fuzzy: 0.6,
  /** How much an article's other matching sections add to its best one. */
  secondSection: 0.4,
  /** Bonus per pair of adjacent question words found next to each other in a section. */
  phrase: 2.5,
  /** How many of the best sections are checked for such pairs. */
  phraseCandidates: 30,
  /** Words within this distance (stop words not counted) stand together. */
  phraseWindow: 3,
  /**
   * The opening text and a checklist summarise the sections that explain: a question is
   * answered by the explaining section when one matches nearly as well.
   */
  opening: 0.65,
  checklist: 0.6,
  /**
   * "How many / how much / what size" questions are answered by arithmetic: for them a section
   * gains up to this share of its score by how many of its words are numbers.
   */
  numeric: 0.5,
  /** A term in more than this share of sections only adds to sections rarer terms found. */
  commonShare: 0.2,
  /** A troubleshooting section's score is multiplied by this for a question about a symptom. */
  symptom: 1.1,
  /** …and by this when the question says outright that something fails (an error, a crash, a refusal). */
  failure: 1.3,
  /** A section under the best one wins the link when it scores at least this share of it. */
  child: 0.8,
  /** A word in a code block counts this much of a word of prose. */
  code: 0.25,
};

/** Query terms scored per search, rarest first (words, synonyms, completions and corrections). */
export const MAX_QUERY_TERMS = 24;
/** Words of a query that the library does not know and that get typo corrections. */
export const MAX_CORRECTED_WORDS = 4;

/** Text term counts are stored in quarters, so a code word can count a quarter. */
export const TF_SCALE = 4;

/**
 * A section about what breaks and how to fix it, by the headings documentation gives them
 * ("Troubleshooting", "What goes wrong", "Failure modes", "Common mistakes", "Pitfalls").
 */
export const TROUBLESHOOTING_HEADING =
  /\b(troubleshoot\w*|goes wrong|go wrong|failure (modes?|patterns?)|common (failures|mistakes|problems|errors|issues)|pitfalls?|gotchas?|known (issues|problems)|debugging)\b/i;

/** A question that describes a symptom: something fails, hangs, is missing or keeps happening. */
export const SYMPTOM_QUESTION =
  /\b(errors?|err\w+|fail\w*|never|not|no|nothing|doesn'?t|don'?t|won'?t|can'?t|cannot|isn'?t|aren'?t|didn'?t|stuck|hangs?|hanging|slow|timeouts?|timed out|crash\w*|broken|missing|empty|ignored|keeps?|twice|lost|denied|refused|pending|wrong|spikes?|exceeded|killed|oom\w*)\b/i;

/** A question that reports a failure outright, not only something missing or repeated. */
export const FAILURE_QUESTION =
  /\b(errors?|fail\w*|crash\w*|broken|denied|refused|rejected|exceeded|killed|oom\w*|timed out|timeouts?|panic\w*|exception)\b/i;

// A question that asks for a quantity.
export const QUANTITY_QUESTION =
  /\bhow (much|many|big|large|long|often)\b|\bsiz(e|es|ing)\b|\bwhat (value|number)\b/i;

/** Marks where a field ends in a section's term sequence: words never pair across it. */
export const FIELD_BREAK = 0xffffffff;
