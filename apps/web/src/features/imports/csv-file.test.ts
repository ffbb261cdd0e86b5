import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import {
  columnLabel,
  columnLetter,
  csvMaxBytes,
  describeCsvError,
  guessDateOrder,
  importBlocker,
  readCsvBytes,
  spaceNameFromFile,
} from "./csv-file";

const utf8 = (text: string) => new TextEncoder().encode(text);

// The sentences are the interface's, in English here.
beforeAll(async () => {
  useI18n.setState({ translator: await createTranslator("en", "en", "UTC") });
});

describe("reading a chosen file as CSV", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(readCsvBytes(utf8("Name\nZoë 🎉"), "a.csv")).toEqual({ ok: true, text: "Name\nZoë 🎉" });
    expect(readCsvBytes(utf8("\uFEFFName\nZoë"), "a.csv")).toEqual({ ok: true, text: "Name\nZoë" });
  });

  it("reads UTF-16 with a byte-order mark, as Excel's Unicode text export writes it", () => {
    const text = "Name\tFällig\nBrief\t01.04.2025";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(readCsvBytes(bytes, "a.txt")).toEqual({ ok: true, text });
  });

  it("reads a file that is not valid UTF-8 as Windows-1252, as older Excel versions save it", () => {
    // "Fällig;Größe" in Windows-1252: ä = 0xE4, ö = 0xF6, ß = 0xDF.
    const bytes = new Uint8Array([0x46, 0xe4, 0x6c, 0x6c, 0x69, 0x67, 0x3b, 0x47, 0x72, 0xf6, 0xdf, 0x65]);
    expect(readCsvBytes(bytes, "a.csv")).toEqual({ ok: true, text: "Fällig;Größe" });
  });

  it("refuses workbooks, binary files, empty files and files over the limit, saying what to do", () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    const workbook = readCsvBytes(xlsx, "plan.xlsx");
    expect(workbook.ok).toBe(false);
    expect(!workbook.ok && workbook.error).toContain("“plan.xlsx” is a spreadsheet workbook");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    expect(readCsvBytes(png, "photo.png")).toMatchObject({
      ok: false,
      error: expect.stringContaining("not a text file"),
    });
    expect(readCsvBytes(new Uint8Array(), "empty.csv")).toMatchObject({
      ok: false,
      error: "“empty.csv” is empty.",
    });
    expect(readCsvBytes(utf8(" \r\n "), "blank.csv")).toMatchObject({
      ok: false,
      error: "“blank.csv” has no rows.",
    });
    const large = readCsvBytes(new Uint8Array(csvMaxBytes + 1), "big.csv");
    expect(!large.ok && large.error).toContain("up to 32.0 MB");
  });
});

describe("choices made for the importer", () => {
  it("names the space after the file", () => {
    expect(spaceNameFromFile("complaints_2025-03.csv")).toBe("complaints 2025-03");
    expect(spaceNameFromFile("Beschwerden März.CSV")).toBe("Beschwerden März");
    expect(spaceNameFromFile(".csv")).toBe("Imported cards");
  });

  it("guesses the date order from days that can only be read one way, else from the locale", () => {
    expect(guessDateOrder(["03/04/2025", "14/04/2025"], "mdy")).toBe("dmy");
    expect(guessDateOrder(["04/14/2025 10:00"], "dmy")).toBe("mdy");
    expect(guessDateOrder(["03/04/2025", "2025-04-14", ""], "mdy")).toBe("mdy");
    expect(guessDateOrder([], "ymd")).toBe("ymd");
    // Days that contradict each other leave it to the locale.
    expect(guessDateOrder(["14/04/2025", "04/14/2025"], "dmy")).toBe("dmy");
  });

  it("names columns by letter and header, or by a first value when the file has no header", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    const preview = { header: ["Titel", "", "Status"], sample: [["Brief", "x", "Offen"]] };
    expect(columnLabel(preview, 0, true)).toBe("A · Titel");
    expect(columnLabel(preview, 1, true)).toBe("Column B");
    expect(columnLabel(preview, 2, false)).toBe("C · e.g. “Offen”");
  });

  it("says why the Import button is disabled", () => {
    const columns = {
      name: 0,
      description: null,
      status: null,
      startDate: null,
      dueDate: null,
      responsible: null,
      labels: null,
    };
    const summary = (cards: number) => ({ summary: { cards } });
    expect(importBlocker({ ...columns, name: null }, summary(3), "Space")).toBe(
      "Choose the column that holds the cards’ names.",
    );
    expect(importBlocker(columns, summary(0), "Space")).toBe("No row has a name in the chosen name column.");
    expect(importBlocker(columns, summary(3), "  ")).toBe("Give the new space a name.");
    expect(importBlocker(columns, summary(3), "Space")).toBeNull();
  });

  it("explains a refused file in terms of the file and its columns", () => {
    const problem = (status: number, field?: string, message?: string) =>
      new ApiError({
        status,
        code: "validation_failed",
        title: "Invalid request",
        detail: "The request is not valid.",
        ...(field && message ? { errors: [{ field, message }] } : {}),
      });
    expect(describeCsvError(problem(413))).toContain("larger than the server accepts");
    expect(describeCsvError(problem(400, "body.csv", "is not valid CSV: Unterminated quote (row 3)"))).toBe(
      "The file is not valid CSV: Unterminated quote (row 3).",
    );
    expect(describeCsvError(problem(400, "body.mapping.labels", "is column 9, but the file has 4"))).toBe(
      "Labels: is column 9, but the file has 4.",
    );
  });
});
