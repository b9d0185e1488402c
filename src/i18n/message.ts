import type { Language } from './language';
import { messages } from './messages';
import type { Localized } from '../../permissions/vocabulary';

export type { Localized };

export type MessageKey = keyof typeof messages;

/** A value a message interpolates: lists are joined in the language's way, a `Localized` text
 * (a policy reason, a message within a message) is shown in the language. */
export type ParamValue = string | number | Localized | readonly (string | Localized)[];

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<S extends string, Found extends string = never> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Placeholders<Rest, Found | Name>
  : Found;

/** Exactly the values a key's template needs: the compiler checks every throw site. */
type MessageParams<K extends MessageKey> = { readonly [P in Placeholders<(typeof messages)[K]['en']>]: ParamValue };

/** The params argument of a key: absent when its template has none. */
export type ParamsArgument<K extends MessageKey> = [Placeholders<(typeof messages)[K]['en']>] extends [never]
  ? []
  : [params: MessageParams<K>];

/** A message before it is rendered: what clients get as `messageKey` and `params`, and the plan
 * clause it cites (from the catalogue, or from the policy row that decided). */
export interface Message {
  key: MessageKey;
  params: Readonly<Record<string, ParamValue>>;
  clause?: string;
}

export function message<K extends MessageKey>(key: K, ...[params]: ParamsArgument<K>): Message {
  return { key, params: params ?? {} };
}

export function clauseOf(m: Message): string | undefined {
  return m.clause ?? (messages[m.key] as { clause?: string }).clause;
}

const LIST_SEPARATOR: Record<Language, string> = { zh: '、', en: ', ' };
const EMPTY_LIST: Localized = { zh: '无', en: 'none' };

function show(value: ParamValue, language: Language): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const items = value as readonly (string | Localized)[];
    return items.length ? items.map((item) => show(item, language)).join(LIST_SEPARATOR[language]) : EMPTY_LIST[language];
  }
  return (value as Localized)[language];
}

export function render(m: Message, language: Language): string {
  const template: string = messages[m.key][language];
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in m.params ? show(m.params[name], language) : placeholder));
}

/** A message followed by the numbered requirements it introduces, e.g. every unmet one of a step. */
export function renderWithItems(m: Message, items: readonly Message[], language: Language): string {
  const numbered = items.map((item, i) => (language === 'zh' ? `（${i + 1}）` : `(${i + 1}) `) + render(item, language));
  return [render(m, language), ...numbered].join(language === 'zh' ? '' : ' ');
}

/** The params as a client reads them: texts in the request's language. */
export function paramsIn(m: Message, language: Language): Record<string, string | number | string[]> {
  return Object.fromEntries(
    Object.entries(m.params).map(([name, value]) => [
      name,
      typeof value === 'number'
        ? value
        : Array.isArray(value)
          ? (value as readonly (string | Localized)[]).map((item) => show(item, language))
          : show(value, language),
    ]),
  );
}

/** A message rendered in both languages, to pass as a value inside another message. */
export function localized(m: Message): Localized {
  return { zh: render(m, 'zh'), en: render(m, 'en') };
}
