import type { Text } from '@hall/shared';

/**
 * The words of the secretariat's users page and of the password change in the header (issue 12
 * "Accounts"), Chinese first; merged into the console's strings (i18n.tsx).
 */
export const USER_STRINGS = {
  users: { zh: '用户管理', en: 'Users' },
  userList: { zh: '控制台用户', en: 'Console users' },
  role: { zh: '角色', en: 'Role' },
  userState: { zh: '状态', en: 'State' },
  userActive: { zh: '已启用', en: 'Active' },
  userDisabled: { zh: '已停用', en: 'Disabled' },
  onInitialPassword: { zh: '初始密码', en: 'Initial password' },
  initialPasswordYes: { zh: '尚未修改', en: 'not yet changed' },
  initialPasswordNo: { zh: '已修改', en: 'changed' },
  sessions: { zh: '登录会话', en: 'Sessions' },
  addUser: { zh: '添加用户', en: 'Add user' },
  usernameHelp: {
    zh: '小写字母、数字、. _ -，2–32 个字符',
    en: 'lower-case letters, digits, . _ -; 2–32 characters',
  },
  changeRole: { zh: '更改角色', en: 'Change role' },
  disableUser: { zh: '停用', en: 'Disable' },
  enableUser: { zh: '启用', en: 'Enable' },
  resetPassword: { zh: '重置密码', en: 'Reset password' },
  confirm: { zh: '确定', en: 'Confirm' },
  cancel: { zh: '取消', en: 'Cancel' },
  close: { zh: '关闭', en: 'Close' },
  confirmRole: { zh: '将用户 {user} 的角色改为“{role}”？', en: 'Make {user} “{role}”?' },
  confirmDisable: { zh: '停用用户 {user}？', en: 'Disable {user}?' },
  confirmEnable: { zh: '启用用户 {user}？', en: 'Enable {user}?' },
  confirmReset: { zh: '重置用户 {user} 的密码？', en: 'Reset the password of {user}?' },
  logsOutEverywhere: {
    zh: '该用户将在所有位置立即退出登录。',
    en: 'The user is logged out everywhere at once.',
  },
  initialPasswordTitle: { zh: '初始密码', en: 'Initial password' },
  initialPasswordFor: {
    zh: '用户 {user}（{role}）的初始密码：',
    en: 'Initial password of {user} ({role}):',
  },
  initialPasswordOnce: {
    zh: '此密码只显示这一次，关闭后无法再次查看；该用户首次登录时必须修改。',
    en: 'This password is shown only once and cannot be shown again; the user must change it at first login.',
  },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  copyFailed: { zh: '无法复制，请手工抄录', en: 'Could not copy: write it down by hand' },
  userAdded: { zh: '已添加用户 {user}', en: 'User {user} added' },
  userUpdated: { zh: '已更新用户 {user}', en: 'User {user} updated' },
  passwordReset: { zh: '已重置用户 {user} 的密码', en: 'Password of {user} reset' },
  oldPassword: { zh: '原密码', en: 'Current password' },
  passwordChanged: { zh: '密码已修改', en: 'Password changed' },
} satisfies Record<string, Text>;

/** A string with `{name}` holes filled in: `fill(t('confirmDisable'), { user: 'li' })`. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (hole, name: string) => values[name] ?? hole);
}
