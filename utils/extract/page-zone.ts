// The default offset for times a page writes without one: from the page's language and country, not one zone for all.
import { offsetMinutes } from '../dates';

// Standard time of the zone most of a language's or country's news is written in. A page in summer time is an
// hour off at worst: the day only changes for a time within that hour of midnight, and such a time is marked unsure.
const BY_COUNTRY: Record<string, string> = {
  cn: '+08:00', tw: '+08:00', hk: '+08:00', mo: '+08:00', sg: '+08:00', my: '+08:00',
  kr: '+09:00', jp: '+09:00', us: '-05:00', ca: '-05:00', br: '-03:00', mx: '-06:00', ar: '-03:00',
  gb: '+00:00', ie: '+00:00', pt: '+00:00', au: '+10:00', nz: '+12:00', in: '+05:30', za: '+02:00',
  de: '+01:00', at: '+01:00', ch: '+01:00', fr: '+01:00', be: '+01:00', nl: '+01:00', es: '+01:00', it: '+01:00',
  pl: '+01:00', se: '+01:00', no: '+01:00', dk: '+01:00', cz: '+01:00', ru: '+03:00', tr: '+03:00', ua: '+02:00',
};
const BY_LANGUAGE: Record<string, string> = {
  ko: '+09:00', ja: '+09:00', en: '+00:00', de: '+01:00', fr: '+01:00', es: '+01:00', it: '+01:00', nl: '+01:00',
  pl: '+01:00', sv: '+01:00', da: '+01:00', nb: '+01:00', cs: '+01:00', pt: '+00:00', ru: '+03:00', tr: '+03:00',
  uk: '+02:00', el: '+02:00', fi: '+02:00', vi: '+07:00', th: '+07:00', id: '+07:00', hi: '+05:30',
};

/**
 * Minutes east of UTC for a page's offset-less times. A Chinese page (or one whose language is unknown) keeps the
 * configured zone (the user's, Beijing by default); any other page gets its country's zone ("en-US", "ko-KR"),
 * else its language's, else the configured one.
 */
export function pageDefaultOffset(lang: string | null | undefined, configured: number): number {
  const tag = (lang ?? '').trim().toLowerCase().replace('_', '-');
  if (!tag || tag.startsWith('zh')) return configured;
  const [language, ...rest] = tag.split('-');
  const country = rest.find((p) => /^[a-z]{2}$/.test(p));
  const zone = (country && BY_COUNTRY[country]) || BY_LANGUAGE[language];
  return zone ? offsetMinutes(zone) ?? configured : configured;
}
