import { THREE_LEVEL, UNSATISFIED } from '../../options';
import type { Profile } from '../schema';

/**
 * 深圳市人民代表大会常务委员会听取和审议专项工作报告满意度测评工作规则 (2011年10月31日通过).
 *
 * 第七条: 常务委员会组成人员应当在三个等次中选择一个等次，不选择、多选择的投票无效，不纳入计票范围。
 * 第八条: 满意度测评中"不满意"票占全体常务委员会组成人员三分之一以上的，报告机关应当进行整改，
 * 并在六个月内向常务委员会会议报告整改情况。常务委员会组成人员在常务委员会全体会议上对整改情况报告
 * 进行满意度测评。对整改情况报告进行满意度测评中"不满意"票占全体常务委员会组成人员三分之一以上的，
 * 主任会议可以决定依法采取质询或者特定问题调查等方式进行跟踪监督。
 *
 * "三分之一以上" includes exactly a third, and the base is all members: `3u >= n`.
 */
export const shenzhen2011: Profile = {
  id: 'shenzhen-2011',
  version: 1,
  name: {
    zh: '深圳市人大常委会满意度测评工作规则（2011）',
    en: 'Shenzhen Municipal Standing Committee rules (2011)',
  },
  source: {
    title: '深圳市人民代表大会常务委员会听取和审议专项工作报告满意度测评工作规则',
    articles: ['第七条', '第八条'],
    adopted: '2011-10-31',
  },
  optionSet: THREE_LEVEL,
  base: 'members',
  allowChangeBeforeClose: false,
  outcomes: [
    { id: 'accepted', label: { zh: '无需整改', en: 'Accepted' }, passed: true, followUp: [] },
    {
      id: 'rectification-required',
      label: { zh: '应当整改', en: 'Rectification required' },
      passed: false,
      followUp: [
        {
          action: 'rectify-and-report',
          label: {
            zh: '报告机关应当进行整改，并在六个月内向常务委员会会议报告整改情况；对整改情况报告再次进行满意度测评',
            en: 'The reporting organ rectifies and reports to the standing committee within six months; that report is evaluated again',
          },
          cite: '第八条第一款',
          due: { kind: 'months', months: 6 },
          reevaluate: true,
          onRepeatedFailure: {
            action: 'inquiry-or-investigation',
            label: {
              zh: '对整改情况报告的测评中不满意票仍占全体组成人员三分之一以上的，主任会议可以决定依法采取质询或者特定问题调查等方式进行跟踪监督',
              en: 'The same trigger again: the council of chairpersons may decide on an inquiry or a special investigation',
            },
            cite: '第八条第二款',
          },
        },
      ],
    },
  ],
  ladder: [
    {
      outcome: 'rectification-required',
      when: [{ options: [UNSATISFIED], comparison: 'at-least', fraction: { num: 1, den: 3 } }],
      rule: {
        zh: '“不满意”票占全体常务委员会组成人员三分之一以上的，报告机关应当进行整改',
        en: 'Unsatisfied ballots at a third of all members or more: rectification required',
      },
      cite: '第八条',
    },
    {
      outcome: 'accepted',
      rule: {
        zh: '“不满意”票不足全体常务委员会组成人员三分之一的，无需整改',
        en: 'Unsatisfied ballots below a third of all members: accepted',
      },
      cite: '第八条',
    },
  ],
};
