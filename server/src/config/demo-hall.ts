import { seatId } from '@hall/shared';
import type { HallConfig } from './hall-config';
import { validateHallConfig } from './hall-config';

/**
 * The built-in demo hall (CONTRACT.md §2: no HALL_CONFIG): two simulated buses (a wired modbus-rtu bus A and a wireless base W, real protocols over in-process lines, five-key units), 70 seats, a
 * roster of 60 members and 4 observers with Chinese names.
 */
export function demoHallConfig(): HallConfig {
  return validateHallConfig({
    hall: '演示会议厅',
    buses: [
      // Five-key units, so the demo can also run profiles of 4 or 5 options (issue 14).
      { id: 'A', driver: 'modbus-rtu', simulated: true, addresses: '1-40', keys: 5 },
      { id: 'W', driver: 'wireless-base', simulated: true, addresses: '1-30', keys: 5 },
    ],
  });
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '海燕',
  '国华',
  '文军',
  '玉兰',
  '卫东',
  '晓明',
  '红梅',
  '立新',
  '桂芳',
  '永刚',
  '淑珍',
  '德胜',
  '春生',
  '慧敏',
  '振华',
  '雪梅',
];

/** The demo roster as CSV (CONTRACT.md §4): M001-M060 on A-1..A-40, W-1..W-20; O001-O004. */
export function demoRosterCsv(): string {
  const lines = ['member_id,name,role,seat'];
  for (let i = 1; i <= 60; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
    const seat = i <= 40 ? seatId('A', i) : seatId('W', i - 40);
    lines.push(`M${String(i).padStart(3, '0')},${name},member,${seat}`);
  }
  for (let i = 1; i <= 4; i++) {
    const name = `${SURNAMES[(i * 13) % SURNAMES.length]}${GIVEN[(i * 3 + 1) % GIVEN.length]}`;
    lines.push(`O${String(i).padStart(3, '0')},${name},observer,${seatId('W', 26 + i)}`);
  }
  return `${lines.join('\n')}\n`;
}
