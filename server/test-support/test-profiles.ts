import { anhui2013, type Profile } from '@hall/shared';

/**
 * Profiles the profile tests save and open votes under:
 * anhui-2013 copied under a new id, and the same with a fourth option
 * 弃权 on seat key 4 (issue 14: "a fourth option 弃权"), which a 3-key seat cannot show.
 */
export function copyOfAnhui(id = 'hall-anhui'): Profile {
  const p = structuredClone(anhui2013) as Profile;
  return { ...p, id, name: { zh: '本会场测评办法', en: 'The hall’s own rules' } };
}

export function fourOptions(id = 'with-abstain'): Profile {
  const p = copyOfAnhui(id);
  p.optionSet = {
    id: 'four-level',
    name: { zh: '满意 / 基本满意 / 不满意 / 弃权', en: 'Four levels with abstain' },
    options: [
      ...p.optionSet.options,
      { key: 'abstain', label: { zh: '弃权', en: 'Abstain' }, seatKey: 4 },
    ],
  };
  return p;
}
