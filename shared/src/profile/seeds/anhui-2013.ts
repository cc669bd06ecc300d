import { BASICALLY_SATISFIED, SATISFIED, THREE_LEVEL } from '../../options';
import type { Profile } from '../schema';

/**
 * 安徽省人民代表大会常务委员会听取和审议专项工作报告及满意度测评办法 (2013年11月22日通过).
 *
 * 第十六条: 满意票达到常委会全体组成人员半数以上的，为测评满意；满意票不足半数，但加基本满意票
 * 达到半数以上的，为测评基本满意；满意票加基本满意票不足半数的，为测评不满意。测评结果为不满意的，
 * 即为该专项工作报告未获通过。
 * 第十七条: 测评结果为不满意的，报告机关应当在下次常委会会议上重作报告。对重作的报告应当再次进行
 * 满意度测评，测评结果仍然为不满意的，常委会参照《安徽省各级人民代表大会常务委员会监督条例》第五十
 * 六条的规定处理。
 *
 * "半数以上" includes exactly half (以上 includes the number; the text's own complement is
 * "不足半数"), and the base is all members: `2s >= n`.
 */
export const anhui2013: Profile = {
  id: 'anhui-2013',
  version: 1,
  name: {
    zh: '安徽省人大常委会满意度测评办法（2013）',
    en: 'Anhui Provincial Standing Committee rules (2013)',
  },
  source: {
    title: '安徽省人民代表大会常务委员会听取和审议专项工作报告及满意度测评办法',
    articles: ['第十六条', '第十七条'],
    adopted: '2013-11-22',
  },
  optionSet: THREE_LEVEL,
  base: 'members',
  allowChangeBeforeClose: false,
  outcomes: [
    { id: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, passed: true, followUp: [] },
    {
      id: 'basically-satisfied',
      label: { zh: '基本满意', en: 'Basically satisfied' },
      passed: true,
      followUp: [],
    },
    {
      id: 'unsatisfied',
      label: { zh: '不满意', en: 'Unsatisfied' },
      passed: false,
      followUp: [
        {
          action: 're-report',
          label: {
            zh: '该专项工作报告未获通过；报告机关应当在下次常委会会议上重作报告，并再次进行满意度测评',
            en: 'The report is not passed; the reporting organ reports again at the next session, and that report is evaluated again',
          },
          cite: '第十六条第二款、第十七条',
          due: { kind: 'next-session' },
          reevaluate: true,
          onRepeatedFailure: {
            action: 'supervision-measures',
            label: {
              zh: '再次测评仍为不满意的，常委会参照《安徽省各级人民代表大会常务委员会监督条例》第五十六条的规定处理',
              en: 'Unsatisfied again: measures under Article 56 of the Anhui supervision regulations',
            },
            cite: '第十七条第二款',
          },
        },
      ],
    },
  ],
  ladder: [
    {
      outcome: 'satisfied',
      when: [{ options: [SATISFIED], comparison: 'at-least', fraction: { num: 1, den: 2 } }],
      rule: {
        zh: '满意票达到常委会全体组成人员半数以上的，为测评满意',
        en: 'Satisfied ballots reach half of all members or more: satisfied',
      },
      cite: '第十六条',
    },
    {
      outcome: 'basically-satisfied',
      when: [
        {
          options: [SATISFIED, BASICALLY_SATISFIED],
          comparison: 'at-least',
          fraction: { num: 1, den: 2 },
        },
      ],
      rule: {
        zh: '满意票不足半数，但加基本满意票达到半数以上的，为测评基本满意',
        en: 'Satisfied below half, but satisfied plus basically satisfied reach half or more: basically satisfied',
      },
      cite: '第十六条',
    },
    {
      outcome: 'unsatisfied',
      rule: {
        zh: '满意票加基本满意票不足半数的，为测评不满意',
        en: 'Satisfied plus basically satisfied below half: unsatisfied',
      },
      cite: '第十六条',
    },
  ],
};
