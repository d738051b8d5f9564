/**
 * Russian (and English) typography in one place, for the extension and the dashboard alike: no
 * line may break after a short word, a number or «№», nor before a dash; counts take the right
 * plural form; ranges use an en dash. Pure functions, no browser API.
 *
 * @example
 * typeset('ru', 'Чат 5 Б — в Сферуме') // 'Чат 5\u00a0Б\u00a0— в\u00a0Сферуме'
 * countOf('ru', 3, { one: 'школа', few: 'школы', many: 'школ' }) // '3\u00a0школы'
 * range(16, 22) // '16–22'
 */
export const NBSP = '\u00a0';
export const EN_DASH = '–';

export type TypographyLocale = 'ru' | 'en';

/**
 * Words that belong with the next word: prepositions and conjunctions of up to 3 letters. A letter
 * after a number («5 Б») and a trailing particle («ли») are not one of them.
 */
const RU_THREE_LETTER = ['для', 'без', 'при', 'про', 'под', 'над', 'обо', 'изо', 'что', 'как', 'или', 'это'];
const RU_SHORT_WORD = new RegExp(
  '(?<=^|[\\s(«„"])(?!(?:[Жж]е|[Лл]и|[Бб]ы|[Лл]ь|[Бб]) )' +
    `((?<!\\d[\\s\u00a0])[А-ЯЁA-Z]|[а-яёa-z]|[а-яёА-ЯЁa-zA-Z]{2}|${RU_THREE_LETTER.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')}) `,
  'gu',
);
/** Particles that belong with the word before them. */
const RU_TRAILING_PARTICLE = / (?=(?:же|ли|бы|ль|б)(?=$|[\s.,!?:;»)]))/giu;
const EN_SHORT_WORD = /(?<=^|[\s("])(a|an|I|to|of|in|on|at|by|or|if) /gu;
/** A number stays with the word or unit after it: «5 Б», «1 марта», «60 минут», «149-ФЗ». */
const NUMBER_THEN_WORD = /(?<=(?:^|[\s(«№])[\d.,:]*\d) (?=[\p{L}%№])(?!\p{L}{1,3}\u00a0)/gu;
const NUMERO = /№ (?=\d)/g;
const BEFORE_DASH = / (?=[—–] )/g;

/** Puts non-breaking spaces where a line must not break. Idempotent; leaves URLs and numbers alone. */
export function typeset(locale: TypographyLocale, text: string): string {
  const shortWord = locale === 'ru' ? RU_SHORT_WORD : EN_SHORT_WORD;
  // Twice, so that a short word after a short word («и в школе») binds too.
  let result = text.replace(shortWord, `$1${NBSP}`).replace(shortWord, `$1${NBSP}`);
  if (locale === 'ru') result = result.replace(RU_TRAILING_PARTICLE, NBSP);
  // After the short words, so that «№ 10192 в реестре» breaks before «в», not after it.
  return result.replace(NUMERO, `№${NBSP}`).replace(NUMBER_THEN_WORD, NBSP).replace(BEFORE_DASH, NBSP);
}

/** The forms a noun takes after a number: Russian uses one/few/many, English one/other. */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other?: string;
}

const pluralRules = new Map<TypographyLocale, Intl.PluralRules>();

/** The plural form for `n` (1 школа, 3 школы, 5 школ, 1,5 школы), chosen by Intl.PluralRules. */
export function plural(locale: TypographyLocale, n: number, forms: PluralForms): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const category = rules.select(n);
  const fallback = forms.other ?? forms.many ?? forms.few ?? forms.one;
  if (category === 'one') return forms.one;
  if (category === 'few') return forms.few ?? fallback;
  if (category === 'many') return forms.many ?? fallback;
  return forms.other ?? (locale === 'ru' ? (forms.few ?? fallback) : fallback);
}

/** A formatted number and its noun, joined by a non-breaking space: «1 234 школы». */
export function countOf(locale: TypographyLocale, n: number, forms: PluralForms): string {
  return `${n.toLocaleString(locale === 'ru' ? 'ru-RU' : 'en-GB')}${NBSP}${plural(locale, n, forms)}`;
}

/**
 * A range with an en dash: «16–22», «16–22 ноября», «60–10080»; spaced when the first end has a
 * space of its own («30 ноября – 6 декабря»), with the space before the dash non-breaking.
 */
export function range(from: string | number, to: string | number): string {
  const left = String(from);
  const right = String(to);
  return /\s/.test(left) ? `${left}${NBSP}${EN_DASH} ${right}` : `${left}${EN_DASH}${right}`;
}
