// The console's own words in English and Chinese; the API's labels (客户开发, 战略大客户, …) are
// Chinese whatever the switch says, as the API gives them.

const WORDS = {
  overview: ['Overview', '概览'],
  decisions: ['Decisions', '决策记录'],
  audit: ['Audit chain', '审计链'],
  rules: ['Rule sets', '规则集'],
  impact: ['Impact', '影响分析'],
  experiments: ['Experiments', '实验'],
  signIn: ['Sign in', '登录'],
  signOut: ['Sign out', '退出'],
  apiKey: ['API key', 'API 密钥'],
  signInHint: ['The console shows what your key\'s roles may see, through the same JSON API.', '控制台只显示您的密钥角色可查看的内容，并通过同一 JSON API 获取。'],
  search: ['Search', '查询'],
  customer: ['Customer', '客户'],
  from: ['From', '起'],
  to: ['To', '止'],
  tier: ['Tier', '客户分级'],
  stage: ['Cooperation stage', '合作阶段'],
  transition: ['Transition', '阶段变化'],
  lifecycle: ['Lifecycle', '生命周期'],
  relationship: ['Relationship', '关系类型'],
  rule: ['Rule', '规则'],
  experiment: ['Experiment', '实验'],
  any: ['any', '全部'],
  decidedAt: ['Decided at', '决策时间'],
  nextPage: ['Next page', '下一页'],
  exportCsv: ['Export CSV', '导出 CSV'],
  exportJsonl: ['Export JSONL', '导出 JSONL'],
  noDecisions: ['No decision matches.', '没有匹配的决策。'],
  facts: ['Input facts', '输入事实'],
  outputs: ['Outputs', '决策结果'],
  actions: ['Next best actions', '下一步行动'],
  explanation: ['Explanation', '决策解释'],
  history: ['Customer history', '客户历史'],
  chain: ['Place in the audit chain', '审计链位置'],
  verifies: ['verifies', '校验通过'],
  broken: ['does not verify', '校验失败'],
  notSealed: ['not sealed into the chain yet', '尚未封入审计链'],
  head: ['Chain head', '链头'],
  verifyAll: ['Verify the whole chain', '校验整条链'],
  verifying: ['Verifying…', '校验中…'],
  notedHead: ['Check a noted head', '核对记录的链头'],
  check: ['Check', '核对'],
  findings: ['Findings', '发现'],
  live: ['Live', '当前生效'],
  versions: ['Versions', '版本'],
  files: ['Files', '文件'],
  diff: ['Compare', '比较'],
  rollback: ['Roll back to this version', '回滚到此版本'],
  confirmRollback: ['Make this version live again? It is checked against its scenarios first.', '确认将此版本重新生效？生效前会先运行其场景测试。'],
  failures: ['Attempts that did not go live', '未生效的尝试'],
  simulate: ['Start simulation', '开始模拟'],
  candidate: ['Candidate', '候选规则集'],
  liveSet: ['the live rule set', '当前生效规则集'],
  storedVersion: ['a stored version', '已存版本'],
  editedFile: ['the live set with one file edited', '修改一个文件后的当前规则集'],
  population: ['Population (logged decisions)', '样本（已记录决策）'],
  progress: ['Progress', '进度'],
  changes: ['Changed decisions', '变化的决策'],
  before: ['before', '之前'],
  after: ['after', '之后'],
  ruleHits: ['Rule hits before and after', '规则命中次数（前/后）'],
  perDayTier: ['Decisions per day by tier', '每日决策（按客户分级）'],
  perDayStage: ['Decisions per day by cooperation stage', '每日决策（按合作阶段）'],
  transitions30: ['Transitions', '阶段变化'],
  topRules: ['Most fired rules', '最常触发的规则'],
  days: ['Days', '天数'],
  indexedUpTo: ['Counted up to seq', '统计至序号'],
  loading: ['Loading…', '加载中…'],
  noAccess: ['Your key has no role for this page.', '您的密钥没有访问此页的角色。'],
  start: ['Start', '开始'],
  stop: ['Stop', '停止'],
  promote: ['Promote', '推广上线'],
  arm: ['Arm', '分组'],
  report: ['Report', '报告'],
  version: ['Rule-set version', '规则集版本'],
  reasons: ['Reasons', '原因'],
  valuesRead: ['Values read', '读取的值'],
  basedOn: ['Based on', '依据'],
};

let language = localStorage.getItem('guanxi.lang') === 'zh' ? 1 : 0;

/** The word in the chosen language. */
export function t(word) {
  const pair = WORDS[word];
  return pair ? pair[language] : word;
}

export function isChinese() {
  return language === 1;
}

/** Switches the language, remembered in this browser. */
export function toggleLanguage() {
  language = 1 - language;
  localStorage.setItem('guanxi.lang', language ? 'zh' : 'en');
  document.documentElement.lang = language ? 'zh' : 'en';
}
