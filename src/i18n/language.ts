import { currentScope } from '../async-scope';

export type Language = 'zh' | 'en';

const LANGUAGES: readonly Language[] = ['zh', 'en'];

/** The clerks of the district read Chinese; English is for those who ask for it. */
export const DEFAULT_LANGUAGE: Language = 'zh';

declare module '../async-scope' {
  interface ScopeSlots {
    /** The language of the request being served, for code that has no request context of its own
     * (the error formatter: Apollo calls it with the error only). */
    language?: Language;
  }
}

export const currentLanguage = (): Language => currentScope().language ?? DEFAULT_LANGUAGE;

/**
 * The language to answer in, from an `Accept-Language` header (RFC 9110 §12.5.4): the supported
 * language the client ranks highest (q-values, then order); ranges with q=0 are refused ones, and
 * `*` or nothing supported means the default.
 */
export function languageOf(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranges = header.split(',').map((part, index) => {
    const [range, ...parameters] = part.split(';').map((s) => s.trim());
    const q = parameters.find((p) => /^q=/i.test(p));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { primary: range.toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
  });
  const best = ranges
    .filter((r) => r.quality > 0 && (LANGUAGES as readonly string[]).includes(r.primary))
    .sort((a, b) => b.quality - a.quality || a.index - b.index)[0];
  return best ? (best.primary as Language) : DEFAULT_LANGUAGE;
}
