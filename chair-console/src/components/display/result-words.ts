import { seedProfile, type ResultLabels, type ResultPayload, type Text } from '@hall/shared';

/**
 * The words of a result's profile (issue 14): the option labels in the profile's order and the
 * outcomes best first with `passed`, as the result carries them (`labels`, filled by the server
 * from the profile decided under, the secretariat's own too). A result from a server that does
 * not send them falls back on the built-in profile of that id, and then on the raw keys.
 */
export function resultWords(result: ResultPayload): ResultLabels {
  if (result.labels) return result.labels;
  const seed = seedProfile(result.profile);
  if (seed) {
    return {
      options: seed.optionSet.options.map((o) => ({ key: o.key, label: o.label })),
      outcomes: seed.outcomes.map((o) => ({ id: o.id, label: o.label, passed: o.passed })),
    };
  }
  return {
    options: Object.keys(result.counts).map((k) => ({ key: k, label: asText(k) })),
    outcomes: [],
  };
}

export const asText = (zh: string, en?: string): Text => ({ zh, en: en ?? zh });
