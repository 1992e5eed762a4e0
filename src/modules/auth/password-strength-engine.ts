// The zxcvbn-ts side of password strength, run in a worker thread (password-strength-worker.ts): loading its
// dictionaries takes seconds of CPU and a check tens to hundreds of milliseconds, which on the main thread would
// stall every request and WebSocket of the instance (a load balancer's health check times out, and marks it down).
//
// There is no Thai language package for zxcvbn-ts on npm (checked 2026-11: @zxcvbn-ts/language-* covers ar, cs, de,
// en, es-es, fi, fr, id, it, ja, nl-be, pl, pt-br), so THAI_WORDS below is our own user dictionary and the Thai
// feedback texts are our own translation of the English package's.
import type { TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { Locale } from '../../delivery/templates.js';

/** What zxcvbn calls "safely unguessable" (≥ 10^8 guesses); below it a password is refused. */
export const MIN_SCORE = 3;
/**
 * zxcvbn's matching grows much faster than linearly with length, its l33t matcher above all (measured on 2 shared
 * CPUs: 40 symbols took 556 ms with l33tMaxSubstitutions 10, 49 ms with none): only the first ANALYSED_LENGTH
 * characters are analysed, with at most 2 l33t substitutions tried (p@ssw0rd and P@55w0rd!2024 are still caught).
 * A password whose first 32 characters are weak is weak; one strong in them is strong whatever follows.
 */
export const ANALYSED_LENGTH = 32;

/**
 * Common Thai given names, nicknames, words and places as Thais type them in Latin letters (RTGS and the usual
 * informal spellings), the words a Thai password is most often built from. Ranked roughly most-common first.
 */
export const THAI_WORDS = [
  'somchai', 'somsak', 'somporn', 'somsri', 'sombat', 'somkiat', 'somboon', 'somjai', 'sompong', 'somying',
  'malee', 'mali', 'suda', 'sudarat', 'siriporn', 'supaporn', 'supachai', 'suchart', 'sunee', 'sunisa',
  'wichai', 'wichian', 'prasert', 'prasit', 'prayut', 'prapas', 'pranee', 'preecha', 'thongchai', 'thanakorn',
  'thanawat', 'nattapong', 'natthapong', 'nattawut', 'kittipong', 'kittisak', 'kanokwan', 'kannika', 'kanya',
  'chaiyaphon', 'chanchai', 'chatchai', 'chaiwat', 'anan', 'anong', 'apinya', 'arunee', 'boonsong', 'boonmee',
  'ratana', 'rattana', 'ratchanee', 'nongnuch', 'noppadon', 'nopparat', 'pornthip', 'porntip', 'pimchanok',
  'pimpa', 'wanida', 'waraporn', 'jintana', 'jiraporn', 'jirawat', 'yupin', 'yaowalak', 'usa', 'orathai',
  'nok', 'noi', 'nong', 'lek', 'yai', 'ple', 'ploy', 'pim', 'fon', 'nam', 'mint', 'bow', 'pooh', 'aom', 'joy',
  'tong', 'gift', 'praew', 'fah', 'kwan', 'new', 'boy', 'benz', 'bank', 'golf', 'tle', 'pond', 'oat', 'ton',
  'krungthep', 'bangkok', 'chiangmai', 'phuket', 'khonkaen', 'korat', 'pattaya', 'hatyai', 'udon', 'ayutthaya',
  'sawasdee', 'sawatdee', 'khopkhun', 'kobkun', 'sanuk', 'sabai', 'sabaidee', 'mairai', 'chokdee', 'rak',
  'rakjang', 'rakthai', 'thailand', 'prathet', 'muang', 'mueang', 'khun', 'phi', 'nong', 'mae', 'pho', 'yay',
  'chang', 'maew', 'mah', 'moo', 'gai', 'pla', 'kluay', 'mamuang', 'somtam', 'tomyum', 'padthai', 'khaosan',
  'siam', 'sukhothai', 'chakri', 'rama', 'naga', 'garuda', 'erawan', 'sathorn', 'silom', 'sukhumvit',
];

/** Our Thai rendering of the English package's feedback (same keys). */
const THAI_TRANSLATIONS: TranslationKeys = {
  warnings: {
    straightRow: 'แป้นที่เรียงกันเป็นแถวบนคีย์บอร์ดเดาได้ง่าย',
    keyPattern: 'รูปแบบสั้น ๆ บนคีย์บอร์ดเดาได้ง่าย',
    simpleRepeat: 'ตัวอักษรซ้ำกันอย่าง "aaa" เดาได้ง่าย',
    extendedRepeat: 'รูปแบบที่ซ้ำกันอย่าง "abcabcabc" เดาได้ง่าย',
    sequences: 'ลำดับตัวอักษรที่พบบ่อยอย่าง "abc" เดาได้ง่าย',
    recentYears: 'ปีล่าสุดเดาได้ง่าย',
    dates: 'วันที่เดาได้ง่าย',
    topTen: 'รหัสผ่านนี้มีคนใช้มากที่สุด',
    topHundred: 'รหัสผ่านนี้มีคนใช้บ่อยมาก',
    common: 'รหัสผ่านนี้มีคนใช้กันทั่วไป',
    similarToCommon: 'รหัสผ่านนี้คล้ายกับรหัสผ่านที่มีคนใช้กันทั่วไป',
    wordByItself: 'คำเดียวโดด ๆ เดาได้ง่าย',
    namesByThemselves: 'ชื่อหรือนามสกุลเดียวโดด ๆ เดาได้ง่าย',
    commonNames: 'ชื่อและนามสกุลที่พบบ่อยเดาได้ง่าย',
    userInputs: 'ไม่ควรมีข้อมูลส่วนตัวของคุณอยู่ในรหัสผ่าน',
    pwned: 'รหัสผ่านนี้เคยรั่วไหลบนอินเทอร์เน็ต',
  },
  suggestions: {
    l33t: "อย่าแทนตัวอักษรแบบที่เดาได้ เช่น '@' แทน 'a'",
    reverseWords: 'อย่าใช้คำทั่วไปที่สะกดกลับหลัง',
    allUppercase: 'ใช้ตัวพิมพ์ใหญ่บางตัว ไม่ใช่ทุกตัว',
    capitalization: 'ใช้ตัวพิมพ์ใหญ่มากกว่าแค่ตัวแรก',
    dates: 'อย่าใช้วันที่หรือปีที่เกี่ยวกับตัวคุณ',
    recentYears: 'อย่าใช้ปีล่าสุด',
    associatedYears: 'อย่าใช้ปีที่เกี่ยวกับตัวคุณ',
    sequences: 'อย่าใช้ลำดับตัวอักษรที่พบบ่อย',
    repeated: 'อย่าใช้คำหรือตัวอักษรซ้ำ ๆ',
    longerKeyboardPattern: 'ใช้รูปแบบบนคีย์บอร์ดที่ยาวขึ้นและเปลี่ยนทิศทางหลายครั้ง',
    anotherWord: 'เพิ่มคำที่ไม่ค่อยมีคนใช้อีก',
    useWords: 'ใช้หลายคำต่อกัน แต่อย่าใช้วลีที่พบบ่อย',
    noNeed: 'รหัสผ่านที่แข็งแรงไม่จำเป็นต้องมีสัญลักษณ์ ตัวเลข หรือตัวพิมพ์ใหญ่',
    pwned: 'หากคุณใช้รหัสผ่านนี้ที่อื่น ควรเปลี่ยนเสีย',
  },
  timeEstimation: {
    ltSecond: 'ไม่ถึงวินาที',
    second: '{base} วินาที',
    seconds: '{base} วินาที',
    minute: '{base} นาที',
    minutes: '{base} นาที',
    hour: '{base} ชั่วโมง',
    hours: '{base} ชั่วโมง',
    day: '{base} วัน',
    days: '{base} วัน',
    month: '{base} เดือน',
    months: '{base} เดือน',
    year: '{base} ปี',
    years: '{base} ปี',
    centuries: 'หลายศตวรรษ',
  },
};

/**
 * The library and its dictionaries (several MB of word lists) are loaded at the first password checked, not at
 * start-up: every process that never sets a password (a refused start, a migration) is spared them.
 */
let library: Promise<{ core: typeof import('@zxcvbn-ts/core'); common: typeof import('@zxcvbn-ts/language-common'); english: typeof import('@zxcvbn-ts/language-en') }> | undefined;
const loadLibrary = () =>
  (library ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(([core, common, english]) => ({ core, common, english })));

const options = {
  maxLength: ANALYSED_LENGTH,
  // The default (100) let a 48-character password of symbols take ~400 ms of CPU; 2 keeps any input near 60 ms.
  l33tMaxSubstitutions: 2,
};
/** One factory per language: the dictionaries are ranked once each, at first use (~100 ms), not per call. */
const factories: Partial<Record<Locale, ZxcvbnFactory>> = {};
async function factory(locale: Locale): Promise<ZxcvbnFactory> {
  const existing = factories[locale];
  if (existing) return existing;
  const { core, common, english } = await loadLibrary();
  return (factories[locale] ??= new core.ZxcvbnFactory({
    ...options,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary, 'thai-common': THAI_WORDS },
    translations: locale === 'th' ? THAI_TRANSLATIONS : english.translations,
  }));
}

/** What zxcvbn says of a password: its score and why, in `locale` (the owner's details as user inputs). */
export async function judgePassword(password: string, inputs: string[], locale: Locale): Promise<{ score: number; reasons: string[] }> {
  const result = (await factory(locale)).check(password.slice(0, ANALYSED_LENGTH), inputs);
  return { score: result.score, reasons: [result.feedback.warning, ...result.feedback.suggestions].filter((v): v is string => !!v) };
}
