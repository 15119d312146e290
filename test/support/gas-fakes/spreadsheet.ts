/// <reference types="google-apps-script" />
// SpreadsheetApp's objects: one spreadsheet with sheets, ranges (values, bold, background), frozen
// rows, filters and toasts. Every change is logged, so a test can assert that a second sync of the
// same data changed nothing.
import type { MutationLog } from './services.ts';

interface CellFormat {
  fontWeight: string;
  background: string;
  numberFormat: string;
}

/** A stored value: text stays text, a number (a date-time serial too) a number, as Sheets keeps RAW values. */
export type CellValue = string | number;

/** The key of a cell in FakeSheet.cells and .formats. */
export const cellKey = (r: number, c: number) => `${r},${c}`;

export class FakeFilter {
  readonly criteria = new Map<number, unknown>();
  private readonly sheet: FakeSheet;
  readonly bounds: { row: number; col: number; rows: number; cols: number };
  constructor(sheet: FakeSheet, bounds: { row: number; col: number; rows: number; cols: number }) {
    this.sheet = sheet;
    this.bounds = bounds;
  }
  getRange() {
    const b = this.bounds;
    return this.sheet.getRange(b.row, b.col, b.rows, b.cols);
  }
  getColumnFilterCriteria(col: number) {
    return (this.criteria.get(col) ?? null) as GoogleAppsScript.Spreadsheet.FilterCriteria | null;
  }
  setColumnFilterCriteria(col: number, c: unknown) {
    this.sheet.fakes.mutate(`Filter.setColumnFilterCriteria(${col})`);
    this.criteria.set(col, c);
    return this;
  }
  remove() {
    this.sheet.fakes.mutate('Filter.remove()');
    this.sheet.filter = null;
  }
}

export class FakeRange {
  private readonly sheet: FakeSheet;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  constructor(sheet: FakeSheet, row: number, col: number, rows: number, cols: number) {
    this.sheet = sheet;
    this.row = row;
    this.col = col;
    this.rows = rows;
    this.cols = cols;
  }
  private get label() {
    return `Range(${this.sheet.name}!R${this.row}C${this.col}:R${this.row + this.rows - 1}C${this.col + this.cols - 1})`;
  }
  private each(fn: (r: number, c: number) => void) {
    for (let r = this.row; r < this.row + this.rows; r++) for (let c = this.col; c < this.col + this.cols; c++) fn(r, c);
  }
  private format(r: number, c: number): CellFormat {
    let f = this.sheet.formats.get(cellKey(r, c));
    if (!f) this.sheet.formats.set(cellKey(r, c), (f = { fontWeight: 'normal', background: '#ffffff', numberFormat: 'General' }));
    return f;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getLastRow() {
    return this.row + this.rows - 1;
  }
  getLastColumn() {
    return this.col + this.cols - 1;
  }
  getFontWeight() {
    return this.format(this.row, this.col).fontWeight;
  }
  setFontWeight(w: string | null) {
    this.sheet.fakes.mutate(`${this.label}.setFontWeight(${w})`);
    this.each((r, c) => (this.format(r, c).fontWeight = w ?? 'normal'));
    return this;
  }
  getBackground() {
    return this.format(this.row, this.col).background;
  }
  setBackground(color: string | null) {
    this.sheet.fakes.mutate(`${this.label}.setBackground(${color})`);
    this.each((r, c) => (this.format(r, c).background = (color ?? '#ffffff').toLowerCase()));
    return this;
  }
  getNumberFormat() {
    return this.format(this.row, this.col).numberFormat;
  }
  setNumberFormat(pattern: string) {
    this.sheet.fakes.mutate(`${this.label}.setNumberFormat(${pattern})`);
    this.each((r, c) => (this.format(r, c).numberFormat = pattern));
    return this;
  }
  getValues(): CellValue[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => this.sheet.cells.get(cellKey(this.row + i, this.col + j)) ?? ''));
  }
  createFilter() {
    if (this.sheet.filter) throw new Error('You can\'t create a filter in a sheet that already has a filter.');
    this.sheet.fakes.mutate(`${this.label}.createFilter()`);
    this.sheet.filter = new FakeFilter(this.sheet, { row: this.row, col: this.col, rows: this.rows, cols: this.cols });
    return this.sheet.filter;
  }
}

export class FakeSheet {
  readonly fakes: MutationLog;
  readonly name: string;
  readonly cells = new Map<string, CellValue>();
  readonly formats = new Map<string, CellFormat>();
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  filter: FakeFilter | null = null;
  constructor(fakes: MutationLog, name: string) {
    this.fakes = fakes;
    this.name = name;
  }
  getName() {
    return this.name;
  }
  getRange(row: number, col: number, rows = 1, cols = 1) {
    if (row < 1 || col < 1 || row + rows - 1 > this.maxRows || col + cols - 1 > this.maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, col, rows, cols);
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxCols;
  }
  insertRowsAfter(after: number, howMany: number) {
    this.fakes.mutate(`Sheet(${this.name}).insertRowsAfter(${after}, ${howMany})`);
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number) {
    this.fakes.mutate(`Sheet(${this.name}).insertColumnsAfter(${after}, ${howMany})`);
    this.maxCols += howMany;
    return this;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  setFrozenRows(n: number) {
    this.fakes.mutate(`Sheet(${this.name}).setFrozenRows(${n})`);
    this.frozenRows = n;
  }
  getFilter() {
    return this.filter;
  }
  /** The values as a grid, trimmed to the last non-empty row and column. */
  values(): CellValue[][] {
    let lastRow = 0;
    let lastCol = 0;
    for (const [k, v] of this.cells) {
      if (v === '') continue;
      const [r, c] = k.split(',').map(Number) as [number, number];
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c);
    }
    return lastRow === 0 ? [] : this.getRange(1, 1, lastRow, lastCol).getValues();
  }
}

export class FakeSpreadsheet {
  readonly fakes: MutationLog;
  readonly id: string;
  readonly sheets: FakeSheet[] = [];
  readonly toasts: { message: string; title: string | undefined; timeoutSeconds: number | undefined }[] = [];
  /** Structural changes not yet flushed: the Sheets REST API does not see them until flush(). */
  pendingSheets = new Set<FakeSheet>();
  constructor(fakes: MutationLog, id: string) {
    this.fakes = fakes;
    this.id = id;
    this.sheets.push(new FakeSheet(fakes, 'Sheet1'));
  }
  getId() {
    return this.id;
  }
  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string) {
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.fakes.mutate(`Spreadsheet.insertSheet(${name})`);
    const s = new FakeSheet(this.fakes, name);
    this.sheets.push(s);
    this.pendingSheets.add(s);
    return s;
  }
  toast(message: string, title?: string, timeoutSeconds?: number) {
    this.toasts.push({ message, title, timeoutSeconds });
  }
}
