/**
 * Reading a year's public holidays from the State Council General Office's notice as it is
 * published (国务院办公厅关于××年部分节假日安排的通知): one numbered item per festival, each with
 * its days off (放假) and its make-up working days (调休上班), e.g.
 *
 *   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 *
 * Every figure the notice states is checked as it is read: a weekday written beside a date must be
 * that date's weekday, and "共N天" / "放假N天" the length of the range. A sentence of an item that
 * names a date but neither 放假 nor 上班 (2024: "鼓励…安排职工在除夕（2月9日）休息") is not a day
 * off; it is returned as skipped so that the caller can say so. Used by `csr calendar notice`.
 */
import { addDays, isIsoDate, isoWeekday } from "../core/dates.js";
import type { DayRange } from "./types.js";

/** One year as a repository keeps it in qms.yaml (calendar.years). */
export interface NoticeYear {
  year: number;
  /** "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕N号）" (the number when the text has it). */
  notice: string;
  /** 国办发明电〔2026〕N号, when the text has it. */
  number?: string;
  holidays: Required<Omit<DayRange, "name_en">>[];
  workdays: string[];
}

/** What could not be read or does not add up; `text` is the notice's own words it concerns. */
export type NoticeProblem =
  | { kind: "no-year" }
  | { kind: "year-mismatch"; stated: number; given: number }
  | { kind: "no-items" }
  /** An item's number skipped: `number` (一, 二 …) is missing before the item `before` (its number and name as written). */
  | { kind: "item-missing"; number: string; before: string }
  | { kind: "bad-date"; text: string }
  | { kind: "weekday"; text: string; date: string; stated: number; actual: number }
  | { kind: "day-count"; text: string; stated: number; counted: number }
  | { kind: "no-days-off"; text: string }
  | { kind: "twice"; date: string; text: string }
  | { kind: "both"; text: string };

export interface NoticeReading {
  /** Undefined when the year could not be told. */
  year: NoticeYear | undefined;
  problems: NoticeProblem[];
  /** Sentences of an item that name a date but are neither days off nor working days. */
  skipped: string[];
}

const CHINESE_WEEKDAYS = "一二三四五六日";
const ITEM = /(?:^|\n)[ \t]*([一二三四五六七八九十]+)[ \t]*[、.．][ \t]*([^:\n]{1,20}?)[ \t]*:/dg;
// After NFKC: ASCII digits and parentheses. A year and a month are optional (the end of a range
// within one month is "至23日"); a weekday may stand in the parentheses with a lunar date.
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*\(([^)]*)\))?/g;
const RANGE_JOINER = /^\s*(?:至|到|-|—|–|~)\s*$/;

/**
 * Reads a notice's text (pasted from the web page, the Word file or the PDF). `givenYear` is the
 * year to read it as when the text does not say (`--year`); when both do and differ, that is a
 * problem. Returns the year as qms.yaml keeps it, with every problem found.
 */
export function readHolidayNotice(text: string, givenYear?: number): NoticeReading {
  // Zero-width characters from web pages out; a line that does not end a sentence joined to the
  // next, as pdftotext breaks an item wherever the PDF's line ends. Read in ASCII forms (full-width
  // digits and punctuation, one character each, so that positions stay), quoted as written.
  const display = text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/\r\n?/g, "\n")
    .replace(/([^。;；\n])[ \t]*\n(?![ \t]*[一二三四五六七八九十]+[ \t]*[、.．])(?=[ \t]*[^\s])/g, "$1");
  const plain = asciiForms(display);
  const quote = (from: number, to: number) => display.slice(from, to).trim();
  const problems: NoticeProblem[] = [];
  const skipped: string[] = [];
  const statedYear = Number(/关于\s*(\d{4})\s*年\s*部分节假日安排/.exec(plain)?.[1] ?? /现将\s*(\d{4})\s*年/.exec(plain)?.[1] ?? NaN);
  if (givenYear !== undefined && !Number.isNaN(statedYear) && givenYear !== statedYear) problems.push({ kind: "year-mismatch", stated: statedYear, given: givenYear });
  const year = Number.isNaN(statedYear) ? givenYear : statedYear;
  if (year === undefined) return { year: undefined, problems: [{ kind: "no-year" }, ...problems], skipped };

  const numberMatch = /国办发明电\s*[〔[【(]\s*(\d{4})\s*[〕\]】)]\s*(\d+)\s*号/.exec(plain);
  const number = numberMatch ? `国办发明电〔${numberMatch[1]}〕${numberMatch[2]}号` : undefined;
  const title = `国务院办公厅关于${year}年部分节假日安排的通知`;
  const result: NoticeYear = { year, notice: number ? `${title}（${number}）` : title, ...(number ? { number } : {}), holidays: [], workdays: [] };

  const items = [...plain.matchAll(ITEM)];
  if (items.length === 0) problems.push({ kind: "no-items" });
  // The items are numbered 一、二、三 …: a number skipped is an item not read, which would leave a
  // festival's days off out of the year without a word.
  let expected = 1;
  for (const item of items) {
    const number = chineseNumber(item[1]!);
    if (Number.isNaN(number)) continue;
    for (; expected < number; expected++) problems.push({ kind: "item-missing", number: CHINESE_NUMERALS[expected - 1] ?? String(expected), before: quote(item.index!, item.index! + item[0].length) });
    expected = Math.max(expected, number + 1);
  }
  const seen = new Map<string, string>();
  const take = (date: string, sentence: string) => {
    if (seen.has(date)) problems.push({ kind: "twice", date, text: sentence });
    seen.set(date, sentence);
  };
  for (const [index, item] of items.entries()) {
    const name = quote(...item.indices![2]!);
    const start = item.index! + item[0].length;
    const end = Math.min(items[index + 1]?.index ?? plain.length, lineEnd(plain, start));
    let daysOff = 0;
    for (const part of plain.slice(start, end).matchAll(/[^。;]+/g)) {
      const at = start + part.index!;
      const sentence = part[0];
      const written = quote(at, at + sentence.length);
      const dates = readDates(sentence, year, problems, (from, to) => quote(at + from, at + to));
      if (dates.length === 0) continue;
      const off = sentence.includes("放假");
      const on = sentence.includes("上班");
      if (off && on) {
        problems.push({ kind: "both", text: written });
      } else if (on) {
        for (const d of dates) {
          take(d.date, written);
          result.workdays.push(d.date);
        }
      } else if (off) {
        const first = dates[0]!;
        const last = dates[1] && RANGE_JOINER.test(sentence.slice(first.end, dates[1].start)) ? dates[1] : first;
        const days = dayCount(first.date, last.date);
        const stated = Number(/共\s*(\d+)\s*天/.exec(sentence)?.[1] ?? /放假\s*(\d+)\s*天/.exec(sentence)?.[1] ?? NaN);
        if (!Number.isNaN(stated) && stated !== days) problems.push({ kind: "day-count", text: written, stated, counted: days });
        for (let d = first.date, guard = 0; d <= last.date && guard < 40; d = addDays(d, 1), guard++) take(d, written);
        result.holidays.push({ from: first.date, to: last.date, name });
        daysOff++;
      } else {
        skipped.push(`${name}：${written}`);
      }
    }
    if (daysOff === 0) problems.push({ kind: "no-days-off", text: `${name}：${quote(start, end)}` });
  }
  result.holidays.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  result.workdays.sort();
  return { year: result, problems, skipped };
}

const CHINESE_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

/** 1 … 99 for 一 … 九十九 (an item's number); NaN for anything else. */
function chineseNumber(numeral: string): number {
  const digit = (c: string | undefined) => (c === undefined ? NaN : "一二三四五六七八九".indexOf(c) + 1 || NaN);
  const ten = numeral.indexOf("十");
  if (ten < 0) return numeral.length === 1 ? digit(numeral) : NaN;
  const tens = ten === 0 ? 1 : digit(numeral.slice(0, ten));
  const units = ten === numeral.length - 1 ? 0 : digit(numeral.slice(ten + 1));
  return numeral.length > 3 ? NaN : tens * 10 + units;
}

/** Full-width ASCII forms (U+FF01 to U+FF5E) and the ideographic and no-break spaces as ASCII, one character for one. */
function asciiForms(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000\u00a0]/g, (c) => (c === "\u3000" || c === "\u00a0" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** The end of the line `from` is on: an item ends with its line (the notice's closing words follow the last). */
function lineEnd(text: string, from: number): number {
  const at = text.indexOf("\n", from);
  return at < 0 ? text.length : at;
}

interface ReadDate {
  date: string;
  start: number;
  end: number;
}

/**
 * The dates of one sentence, in order, as YYYY-MM-DD: a date without a month has the month of the
 * one before it, one without a year the notice's year. Each weekday written beside a date is checked.
 */
function readDates(sentence: string, year: number, problems: NoticeProblem[], quote: (from: number, to: number) => string): ReadDate[] {
  const dates: ReadDate[] = [];
  let month: number | undefined;
  let dateYear = year;
  for (const match of sentence.matchAll(DATE)) {
    const [whole, y, m, d, note] = match;
    const written = quote(match.index!, match.index! + whole.length);
    if (y !== undefined) dateYear = Number(y);
    if (m !== undefined) month = Number(m);
    if (month === undefined) {
      problems.push({ kind: "bad-date", text: written });
      continue;
    }
    const date = `${dateYear}-${String(month).padStart(2, "0")}-${String(Number(d)).padStart(2, "0")}`;
    if (!isIsoDate(date)) {
      problems.push({ kind: "bad-date", text: written });
      continue;
    }
    const weekday = note === undefined ? undefined : /(?:周|星期|礼拜)([一二三四五六日天])/.exec(note)?.[1];
    if (weekday !== undefined) {
      const stated = weekday === "天" ? 7 : CHINESE_WEEKDAYS.indexOf(weekday) + 1;
      const actual = isoWeekday(date);
      if (stated !== actual) problems.push({ kind: "weekday", text: written, date, stated, actual });
    }
    dates.push({ date, start: match.index!, end: match.index! + whole.length });
  }
  return dates;
}

/** Days from `from` to `to`, both included. */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

