import type { Rand } from './rng.js';

/**
 * Chinese names with their pinyin, so that WeChat handles and e-mail addresses look like the
 * person's own (张伟 → zw_88, zhangwei1985@163.com). Surnames are weighted by how common they are.
 */
const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 72], ['李', 'li', 71], ['张', 'zhang', 68], ['刘', 'liu', 53], ['陈', 'chen', 45],
  ['杨', 'yang', 31], ['黄', 'huang', 24], ['赵', 'zhao', 20], ['吴', 'wu', 19], ['周', 'zhou', 18],
  ['徐', 'xu', 13], ['孙', 'sun', 12], ['马', 'ma', 12], ['朱', 'zhu', 11], ['胡', 'hu', 10],
  ['郭', 'guo', 10], ['何', 'he', 9], ['林', 'lin', 9], ['高', 'gao', 9], ['罗', 'luo', 8],
  ['郑', 'zheng', 8], ['梁', 'liang', 7], ['谢', 'xie', 6], ['宋', 'song', 5], ['唐', 'tang', 5],
  ['许', 'xu', 5], ['邓', 'deng', 4], ['冯', 'feng', 4], ['韩', 'han', 4], ['曹', 'cao', 4],
  ['曾', 'zeng', 4], ['彭', 'peng', 4], ['萧', 'xiao', 3], ['蔡', 'cai', 3], ['潘', 'pan', 3],
  ['田', 'tian', 3], ['董', 'dong', 3], ['袁', 'yuan', 3], ['于', 'yu', 3], ['余', 'yu', 3],
  ['叶', 'ye', 3], ['蒋', 'jiang', 3], ['杜', 'du', 3], ['苏', 'su', 2], ['魏', 'wei', 2],
  ['程', 'cheng', 2], ['吕', 'lv', 2], ['丁', 'ding', 2], ['沈', 'shen', 2], ['任', 'ren', 2],
  ['姚', 'yao', 2], ['卢', 'lu', 2], ['傅', 'fu', 2], ['钟', 'zhong', 2], ['姜', 'jiang', 2],
  ['崔', 'cui', 2], ['谭', 'tan', 2], ['廖', 'liao', 2], ['范', 'fan', 2], ['汪', 'wang', 2],
  ['欧阳', 'ouyang', 1], ['司马', 'sima', 0.3],
];

const GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'],
  ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂', 'gui'],
  ['英', 'ying'], ['华', 'hua'], ['建', 'jian'], ['文', 'wen'], ['辉', 'hui'], ['鹏', 'peng'], ['宇', 'yu'],
  ['浩', 'hao'], ['晨', 'chen'], ['婷', 'ting'], ['欣', 'xin'], ['怡', 'yi'], ['佳', 'jia'], ['子', 'zi'],
  ['梓', 'zi'], ['涵', 'han'], ['轩', 'xuan'], ['博', 'bo'], ['睿', 'rui'], ['思', 'si'], ['雨', 'yu'],
  ['嘉', 'jia'], ['俊', 'jun'], ['凯', 'kai'], ['琳', 'lin'], ['倩', 'qian'], ['楠', 'nan'], ['志', 'zhi'],
  ['海', 'hai'], ['斌', 'bin'], ['峰', 'feng'], ['雪', 'xue'], ['慧', 'hui'], ['晓', 'xiao'], ['亮', 'liang'],
  ['玉', 'yu'], ['东', 'dong'], ['宁', 'ning'], ['彤', 'tong'], ['昊', 'hao'], ['然', 'ran'], ['一', 'yi'],
];

export interface PersonName {
  /** 张伟 */
  name: string;
  /** zhang */
  familyPinyin: string;
  /** ['wei'] — one or two syllables */
  givenPinyin: string[];
}

const SURNAME_TABLE = SURNAMES.map(([h, p, w]) => [[h, p] as const, w] as const);

export function personName(rand: Rand): PersonName {
  const [family, familyPinyin] = rand.weighted(SURNAME_TABLE);
  // About a third of given names are a single character (张伟), the rest two (张子涵).
  const count = rand.chance(0.35) ? 1 : 2;
  const given: (readonly [string, string])[] = [];
  for (let i = 0; i < count; i++) given.push(rand.pick(GIVEN));
  return {
    name: family + given.map(([h]) => h).join(''),
    familyPinyin,
    givenPinyin: given.map(([, p]) => p),
  };
}

/** A WeChat ID in the styles people actually pick: initials + digits, full pinyin, or a word. */
export function wechatHandle(rand: Rand, n: PersonName, birthYear: number): string {
  const initials = n.familyPinyin[0]! + n.givenPinyin.map((p) => p[0]).join('');
  const full = n.familyPinyin + n.givenPinyin.join('');
  const style = rand.int(0, 3);
  if (style === 0) return `${initials}_${rand.int(10, 99)}`;
  if (style === 1) return `${full}${birthYear % 100}`;
  if (style === 2) return `${full}_${rand.int(100, 9999)}`;
  return `wxid_${rand.int(0, 36 ** 6 - 1).toString(36).padStart(6, '0')}${rand.int(10, 99)}`;
}

const MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['qq.com', 45], ['163.com', 25], ['126.com', 10], ['gmail.com', 5], ['outlook.com', 5], ['sina.com', 4],
  ['foxmail.com', 6],
];

export function emailAddress(rand: Rand, n: PersonName, birthYear: number): string {
  const domain = rand.weighted(MAIL_DOMAINS);
  // QQ mail addresses are very often the QQ number itself.
  if (domain === 'qq.com' && rand.chance(0.6)) return `${rand.int(10_000_000, 3_999_999_999)}@qq.com`;
  const local = n.familyPinyin + n.givenPinyin.join('') + (rand.chance(0.5) ? String(birthYear) : String(rand.int(1, 999)));
  return `${local}@${domain}`;
}

/** Mainland mobile prefixes of the three carriers. */
const MOBILE_PREFIXES = ['138', '139', '137', '136', '135', '150', '151', '152', '158', '159', '186', '187',
  '188', '185', '133', '153', '180', '189', '177', '199', '181', '182', '183', '130', '131', '132', '156'];

/**
 * An 11-digit mobile number, unique per customer index: the last eight digits are an affine
 * permutation of the index (7 654 321 is coprime with 10^8), so no two customers of one run
 * share a number however many there are, with no set of used numbers kept in memory.
 */
export function mobilePhone(rand: Rand, index: number, seed: number): string {
  const offset = (seed >>> 0) % 100_000_000;
  const suffix = (index * 7_654_321 + offset) % 100_000_000;
  return rand.pick(MOBILE_PREFIXES) + String(suffix).padStart(8, '0');
}
