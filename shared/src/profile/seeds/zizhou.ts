import { BASICALLY_SATISFIED, SATISFIED, THREE_LEVEL, UNSATISFIED } from '../../options';
import type { Profile } from '../schema';

/**
 * 子洲县人民代表大会常务委员会关于听取和审议"一府两院"专项工作报告实行满意度测评的暂行办法.
 *
 * 第六条: 不选择、选择多于一项或书写不清无法辨认的为无效票不纳入统计。满意票占到会组成人员有效票
 * 50%以上(不含50%)，为满意；满意票在50%以下(含50%)、满意票和基本满意票之和占50%以上(不含50%)，
 * 为基本满意；不满意票占50%以上(含50%)，为不满意。表决结果为满意和基本满意的，工作报告予以通过；
 * 表决结果为不满意的，工作报告则不予通过。
 * 第八条: 基本满意 → 整改并向主任会议报告整改情况；不满意 → 限期整改，向常委会会议报告，再次表决；
 * 第二次报告仍未通过 → 检查、质询、辞职/免职/撤职、罢免。
 *
 * The base is the valid ballots of the members present: `2s > v`, then `2(s+b) > v`, and the
 * rest is `2u >= v`, which the text states explicitly (a `confirms` condition).
 */
export const zizhou: Profile = {
  id: 'zizhou',
  version: 1,
  name: {
    zh: '子洲县人大常委会满意度测评暂行办法',
    en: 'Zizhou County Standing Committee interim rules',
  },
  source: {
    title:
      '子洲县人民代表大会常务委员会关于听取和审议“一府两院”专项工作报告实行满意度测评的暂行办法',
    articles: ['第五条', '第六条', '第八条'],
    adopted: '子洲县第十六届人民代表大会常务委员会',
  },
  optionSet: THREE_LEVEL,
  base: 'valid',
  allowChangeBeforeClose: false,
  outcomes: [
    { id: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, passed: true, followUp: [] },
    {
      id: 'basically-satisfied',
      label: { zh: '基本满意', en: 'Basically satisfied' },
      passed: true,
      followUp: [
        {
          action: 'rectify-and-report-to-council',
          label: {
            zh: '报告机关根据组成人员的审议意见进行整改，并向主任会议报告整改情况',
            en: 'The reporting organ rectifies according to the members’ opinions and reports to the council of chairpersons',
          },
          cite: '第八条第一款',
          due: { kind: 'set-by-council' },
          reevaluate: false,
        },
      ],
    },
    {
      id: 'unsatisfied',
      label: { zh: '不满意', en: 'Unsatisfied' },
      passed: false,
      followUp: [
        {
          action: 'rectify-and-re-report',
          label: {
            zh: '工作报告不予通过；报告机关限期整改，在主任会议规定的时限内向常委会会议报告，常委会再次进行满意度表决',
            en: 'The report is not passed; the organ rectifies within a set time, reports again to the standing committee, and that report is evaluated again',
          },
          cite: '第六条、第八条第一款',
          due: { kind: 'set-by-council' },
          reevaluate: true,
          onRepeatedFailure: {
            action: 'inspection-and-accountability',
            label: {
              zh: '第二次报告仍未通过的，报告机关向主任会议作出检查；可依法提出质询案，建议辞职、免职或撤销职务，必要时启动罢免程序',
              en: 'Failed again: the organ submits a self-examination; inquiry, resignation, removal or recall procedures may follow',
            },
            cite: '第八条第二款',
          },
        },
      ],
    },
  ],
  ladder: [
    {
      outcome: 'satisfied',
      when: [{ options: [SATISFIED], comparison: 'more-than', fraction: { num: 1, den: 2 } }],
      rule: {
        zh: '满意票占到会组成人员有效票50%以上(不含50%)，为满意',
        en: 'Satisfied ballots above 50% of the valid ballots of members present (50% excluded): satisfied',
      },
      cite: '第六条',
    },
    {
      outcome: 'basically-satisfied',
      when: [
        {
          options: [SATISFIED, BASICALLY_SATISFIED],
          comparison: 'more-than',
          fraction: { num: 1, den: 2 },
        },
      ],
      rule: {
        zh: '满意票在50%以下(含50%)、满意票和基本满意票之和占50%以上(不含50%)，为基本满意',
        en: 'Satisfied at most 50%, satisfied plus basically satisfied above 50% (50% excluded): basically satisfied',
      },
      cite: '第六条',
    },
    {
      outcome: 'unsatisfied',
      confirms: [{ options: [UNSATISFIED], comparison: 'at-least', fraction: { num: 1, den: 2 } }],
      rule: {
        zh: '不满意票占50%以上(含50%)，为不满意',
        en: 'Unsatisfied ballots at 50% or more (50% included): unsatisfied',
      },
      cite: '第六条',
    },
  ],
};
