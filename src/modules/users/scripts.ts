// Which writing systems a name mixes, by Unicode Script_Extensions: the "Highly Restrictive" level of Unicode TS #39
// (section 5.2), where spoofing by mixing look-alike letters of two scripts ("pаypal" with a Cyrillic а) is refused.

// Every script JavaScript regexes may know (Unicode 16 long names); one the running engine does not know is skipped.
const SCRIPT_NAMES = `Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki
Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham Cherokee Chorasmian
Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs
Elbasan Elymaic Ethiopic Garay Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Gurung_Khema Han
Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inscriptional_Pahlavi Inscriptional_Parthian
Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Kirat_Rai Lao Latin
Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi
Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar
Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Ol_Onal
Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur
Oriya Osage Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan
Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Sunuwar Syloti_Nagri Syriac
Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Todhri
Toto Tulu_Tigalari Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square`.split(/\s+/);

const SCRIPTS: { name: string; pattern: RegExp }[] = SCRIPT_NAMES.flatMap((name) => {
  try {
    return [{ name, pattern: new RegExp(`^\\p{Script_Extensions=${name}}$`, 'u') }];
  } catch {
    return [];
  }
});

// Common (digits, "_", ".", "-") and Inherited (combining marks) characters go with any script.
const ANY_SCRIPT = /^[\p{Script_Extensions=Common}\p{Script_Extensions=Inherited}]$/u;

// Latin mixed with one East Asian writing system, as TS #39 "Highly Restrictive" allows: Japanese, Chinese with
// Bopomofo, Korean.
const ALLOWED_MIXES = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
].map((names) => new Set(names));

function scriptsOf(char: string): Set<string> | undefined {
  if (ANY_SCRIPT.test(char)) return undefined;
  return new Set(SCRIPTS.filter((script) => script.pattern.test(char)).map((script) => script.name));
}

/**
 * True when every letter of `text` belongs to one script (by Script_Extensions, so a character shared by several
 * scripts goes with any of them), or to one of the East Asian mixes with Latin. Thai with Latin letters is refused:
 * nothing a Thai name needs, and refusing it keeps a Latin name from hiding a Thai look-alike letter or the reverse.
 */
export function isSingleScript(text: string): boolean {
  const sets = [...text].map(scriptsOf).filter((set): set is Set<string> => set !== undefined);
  if (sets.length === 0) return true;
  const [first, ...rest] = sets;
  const shared = [...first!].filter((name) => rest.every((set) => set.has(name)));
  if (shared.length > 0) return true;
  return ALLOWED_MIXES.some((mix) => sets.every((set) => [...set].some((name) => mix.has(name))));
}
