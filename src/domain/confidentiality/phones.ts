// ---------------------------------------------------------------------------------------------
// Phones

import { digitCount, type Rule, re } from "./rule-kit.js";

export const PHONE_RULES: Rule[] = [
  {
    // French numbers: ten digits in pairs, with one consistent separator (the back-reference
    // keeps « 01 2026 2027 » or a date from passing as a number).
    kind: "PHONE",
    on: "folded",
    re: re(
      String.raw`(?<![\p{L}\p{N}_+/])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9]|0[1-9])([ .-]?)\d{2}(?:\1\d{2}){3}(?!\p{N})`,
    ),
  },
  {
    // International numbers: a country code, then 9–15 digits in all (E.164).
    kind: "PHONE",
    on: "folded",
    re: re(String.raw`(?<![\p{L}\p{N}_+/])(?:\+|00)\s?(?!33)[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?!\p{N})`),
    accept: (m, v) => {
      const n = digitCount(m[0]);
      if (n < 9 || n > 15) return false;
      // « +12 500 000 € » is a budget increase, not a number to call.
      const after = v.folded.slice(m.index + m[0].length, m.index + m[0].length + 12);
      return !/^\s*(?:%|€|\$|£|euros?\b|eur\b|k€|m€|pts?\b|points?\b|habitants?\b)/iu.test(after);
    },
  },
];
